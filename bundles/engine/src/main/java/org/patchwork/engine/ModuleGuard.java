package org.patchwork.engine;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.internal.MarkerGuard;

/**
 * The host's memory of misbehaving modules: the faults reported while playing, and the modules
 * held back because the host died while activating one of their instances.
 *
 * <p>Crash markers: before an instance is activated the engine calls {@link #activating}, which
 * writes a marker file; {@link #activated} deletes it, whether activation worked or threw. A
 * marker that survives (the JVM was killed inside {@code activate}: a native crash, an
 * {@code exit}, the OOM killer) is found when the next host starts: that module id is then
 * {@linkplain #isHeldBack held back}, its nodes play as placeholders, and it is reported until
 * the user calls {@link #clear}, after which playing sessions rebind it.
 *
 * <pre>{@code
 * ModuleGuard guard = ModuleGuard.markers(home.resolve("activation-markers"), log::warn, log::info);
 * guard.heldBack();                       // ["com.example.crashy"] after a crash
 * guard.clear("com.example.crashy");      // pw:faults --clear com.example.crashy
 * }</pre>
 *
 * <p>Thread: any; implementations are thread-safe. Never called from the audio thread.
 */
@ProviderType
public interface ModuleGuard {

  /** Whether instances of {@code moduleId} must not be created: placeholders stand in. */
  boolean isHeldBack(String moduleId);

  /** Module ids held back, sorted. */
  List<String> heldBack();

  /** Writes the crash marker for an instance about to be activated. Thread: control. */
  void activating(String moduleId, String nodeId);

  /** Removes the marker written by {@link #activating}. Thread: control. */
  void activated(String moduleId, String nodeId);

  /** Records and logs a fault. Thread: control. */
  void report(ModuleFault fault);

  /** Logs a line about the live lifecycle (a swap, a placeholder) at info level. */
  void log(String message);

  /** Faults reported so far (the latest few hundred), oldest first, held-back modules included. */
  List<ModuleFault> faults();

  /**
   * Forgets {@code moduleId}'s faults and lets it be created again: deletes its crash markers
   * and tells the {@link #onClear} listeners, so playing sessions rebind its placeholders and
   * give its quarantined nodes a fresh instance.
   *
   * @return whether there was anything to clear
   */
  boolean clear(String moduleId);

  /** Calls {@code listener} with the module id after each {@link #clear}; close to stop. */
  Subscription onClear(Consumer<String> listener);

  /** Ends a listener registration. */
  @FunctionalInterface
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  /** A guard that writes no markers, holds nothing back, keeps no faults and logs nothing. */
  static ModuleGuard none() {
    return MarkerGuard.NONE;
  }

  /**
   * A guard keeping crash markers in {@code folder} (created if missing); markers left there by
   * a host that is no longer running hold their module back from now on.
   *
   * @param warn receives one line per fault and held-back module
   * @param info receives one line per lifecycle event (a swap, a placeholder)
   * @return the guard; one without markers (after a warning) if the folder cannot be used
   */
  static ModuleGuard markers(Path folder, Consumer<String> warn, Consumer<String> info) {
    return MarkerGuard.open(folder, warn, info);
  }
}

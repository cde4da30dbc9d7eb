package org.patchwork.engine;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.internal.ModuleLifecycle;

/**
 * How a playing {@link Session} follows its modules' bundles (docs/bundle-lifecycle.md):
 *
 * <ul>
 *   <li><b>hot-swap</b>: when the registry offers another factory for a module the session
 *       plays (a bundle updated), each node of that module gets a new instance, created, given
 *       the old one's parameter values and {@code saveState()}, and activated off the audio
 *       thread; the audio thread takes it at a block boundary and runs both while the node's
 *       output crossfades from old to new over at most 10 ms;
 *   <li><b>placeholder</b>: when no factory is left and none came back within the
 *       {@link #grace} time, the node fades to a placeholder that keeps its parameters, state
 *       and cables and passes audio through (effects) or stays silent (the rest); when the
 *       module returns, a new instance fades in with them (a rebind);
 *   <li><b>faults</b>: modules the audio thread quarantined (they threw, wrote NaN or infinity,
 *       or overran their {@link Engine#cpuBudget}) are reported here and to the registry's
 *       {@link ModuleGuard} (which logs them) from this control thread, never from the audio
 *       thread.
 * </ul>
 *
 * <pre>{@code
 * try (Session s = new Session(project, liveRegistry, 48_000, 256, 0)) {
 *   s.next();
 *   liveRegistry.replace(v1, v2);
 *   s.lifecycle().awaitIdle(Duration.ofSeconds(5));   // the swap is prepared
 *   s.next();                                        // and taken at this block
 *   s.lifecycle().swaps();                           // [... 1.0.0 -> 2.0.0, 480 frames ...]
 * }
 * }</pre>
 *
 * <p>Thread: any.
 */
@ProviderType
public final class Lifecycle {

  private final ModuleLifecycle live;

  Lifecycle(ModuleLifecycle live) {
    this.live = live;
  }

  /** Faults of this session (quarantined, held back, failed swaps), oldest first. */
  public List<ModuleFault> faults() {
    return live.faults();
  }

  /** Swaps finished in this session, oldest first. */
  public List<ModuleSwap> swaps() {
    return live.swaps();
  }

  /**
   * Waits until every change heard so far has been acted on (new instances prepared and handed
   * to the session's thread, which takes them at its next block); false on time-out. A change
   * to a node whose previous swap is still fading waits for blocks to be processed.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return live.awaitIdle(timeout);
  }

  /**
   * How long a module id must be quiet before its swap is prepared: default 100 ms, or the
   * system property {@code patchwork.lifecycle.settleMillis}.
   */
  public Duration settle() {
    return live.settle();
  }

  /** Sets {@link #settle()}. */
  public Lifecycle settle(Duration quiet) {
    live.settle(checked(quiet, "settle"));
    return this;
  }

  /**
   * How long a vanished module may take to come back before its nodes become placeholders:
   * default 1 s, or the system property {@code patchwork.lifecycle.graceMillis}.
   */
  public Duration grace() {
    return live.grace();
  }

  /** Sets {@link #grace()}. */
  public Lifecycle grace(Duration wait) {
    live.grace(checked(wait, "grace"));
    return this;
  }

  /**
   * Calls {@code resolver} with each new instance's class before the audio thread sees it,
   * e.g. to resolve its constant pools so its first blocks allocate nothing.
   */
  public Lifecycle resolveClassesWith(Consumer<Class<?>> resolver) {
    live.resolveClassesWith(resolver);
    return this;
  }

  private static Duration checked(Duration d, String what) {
    if (d == null || d.isNegative() || d.compareTo(Duration.ofMinutes(10)) > 0) {
      throw new IllegalArgumentException(what + " must be within 0..10 minutes: " + d);
    }
    return d;
  }
}

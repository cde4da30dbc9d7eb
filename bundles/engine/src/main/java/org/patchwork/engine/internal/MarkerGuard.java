package org.patchwork.engine.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.patchwork.engine.FaultReason;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleGuard;

/**
 * {@link ModuleGuard} with crash markers as files named {@code MODULE@PID-THREAD.marker}: one
 * thread activates one instance at a time, so the name is known again when the marker is
 * deleted and two hosts sharing a home never touch each other's markers.
 *
 * <p>A marker found at start-up means a crash unless its process is still running (another
 * host activating right now); a running process that started after the marker was written only
 * reuses a dead host's pid. Markers are not synced to disk: they must survive the JVM dying,
 * which the page cache does, and an fsync per activation would cost milliseconds for an
 * operating-system crash that is not the module's fault anyway.
 */
public final class MarkerGuard implements ModuleGuard {

  /** The guard of hosts without markers (tests, tools): remembers and says nothing. */
  public static final MarkerGuard NONE = new MarkerGuard(null, s -> { }, s -> { }, false);

  private static final String SUFFIX = ".marker";
  /** Faults kept for {@code pw:faults}; older ones are forgotten (the log keeps them all). */
  private static final int KEEP = 500;

  private final Path folder;
  private final Consumer<String> warn;
  private final Consumer<String> info;
  private final boolean keeps;
  private final long pid = ProcessHandle.current().pid();
  private final Map<String, List<Path>> held = new TreeMap<>();
  private final Deque<ModuleFault> faults = new ArrayDeque<>();
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

  private MarkerGuard(Path folder, Consumer<String> warn, Consumer<String> info, boolean keeps) {
    this.folder = folder;
    this.warn = warn;
    this.info = info;
    this.keeps = keeps;
  }

  /**
   * Opens {@code folder}, holding back the modules whose markers a dead host left there. A
   * folder that cannot be created or read costs the protection, not the music: the guard then
   * works without markers and says so.
   */
  public static MarkerGuard open(Path folder, Consumer<String> warn, Consumer<String> info) {
    List<Path> markers;
    try {
      Files.createDirectories(folder);
      try (Stream<Path> list = Files.list(folder)) {
        markers = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
      }
    } catch (IOException | UncheckedIOException e) {
      warn.accept("crash markers are off: cannot use " + folder + ": " + e.getMessage());
      return new MarkerGuard(null, warn, info, true);
    }
    MarkerGuard g = new MarkerGuard(folder, warn, info, true);
    for (Path m : markers) {
      try {
        g.inspect(m);
      } catch (IOException e) {
        warn.accept("cannot read the crash marker " + m + ": " + e.getMessage());
      }
    }
    return g;
  }

  private void inspect(Path marker) throws IOException {
    String name = marker.getFileName().toString();
    name = name.substring(0, name.length() - SUFFIX.length());
    int at = name.lastIndexOf('@');
    int dash = name.indexOf('-', at + 1);
    if (at <= 0 || dash < 0) {
      warn.accept("ignoring a file that is not a crash marker: " + marker);
      return;
    }
    String module = name.substring(0, at);
    long owner;
    try {
      owner = Long.parseLong(name.substring(at + 1, dash));
    } catch (NumberFormatException e) {
      warn.accept("ignoring a file that is not a crash marker: " + marker);
      return;
    }
    Instant written = Files.getLastModifiedTime(marker).toInstant();
    if (owner == pid || stillRunning(owner, written)) {
      return; // an activation in progress, not a crash
    }
    String node = "";
    for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
      if (line.startsWith("node=")) {
        node = line.substring(5);
      }
    }
    synchronized (this) {
      held.computeIfAbsent(module, k -> new ArrayList<>()).add(marker);
    }
    report(new ModuleFault(module, "", node, FaultReason.HELD_BACK, -1, written,
        "the host stopped while activating it (crash marker " + marker.getFileName()
            + "); its nodes play as placeholders until 'pw:faults --clear " + module + "'"));
  }

  private static boolean stillRunning(long pid, Instant markerWritten) {
    Optional<ProcessHandle> p = ProcessHandle.of(pid);
    if (p.isEmpty() || !p.get().isAlive()) {
      return false;
    }
    // A process started after the marker was written only got the dead host's pid again.
    Optional<Instant> started = p.get().info().startInstant();
    return started.isEmpty() || !started.get().isAfter(markerWritten);
  }

  @Override
  public synchronized boolean isHeldBack(String moduleId) {
    return held.containsKey(moduleId);
  }

  @Override
  public synchronized List<String> heldBack() {
    return List.copyOf(held.keySet());
  }

  private Path marker(String moduleId) {
    return folder.resolve(moduleId + "@" + pid + "-" + Thread.currentThread().threadId() + SUFFIX);
  }

  @Override
  public void activating(String moduleId, String nodeId) {
    if (folder == null) {
      return;
    }
    try {
      Files.writeString(marker(moduleId), "module=" + moduleId + "\nnode=" + nodeId + "\npid=" + pid
          + "\nstarted=" + Instant.now() + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Not being able to write the marker must not stop the music; it only loses protection.
      warn.accept("cannot write the crash marker for " + moduleId + ": " + e.getMessage());
    }
  }

  @Override
  public void activated(String moduleId, String nodeId) {
    if (folder == null) {
      return;
    }
    try {
      Files.deleteIfExists(marker(moduleId));
    } catch (IOException e) {
      warn.accept("cannot delete the crash marker for " + moduleId + ": " + e.getMessage()
          + "; it would hold the module back on the next start");
    }
  }

  @Override
  public void report(ModuleFault fault) {
    if (!keeps) {
      return;
    }
    synchronized (this) {
      faults.addLast(fault);
      while (faults.size() > KEEP) {
        faults.removeFirst();
      }
    }
    warn.accept(fault.toString());
  }

  @Override
  public void log(String message) {
    info.accept(message);
  }

  @Override
  public synchronized List<ModuleFault> faults() {
    return List.copyOf(faults);
  }

  @Override
  public boolean clear(String moduleId) {
    List<Path> markers;
    boolean had;
    synchronized (this) {
      markers = held.remove(moduleId);
      had = faults.removeIf(f -> f.moduleId().equals(moduleId)) | markers != null;
    }
    if (markers != null) {
      for (Path m : markers) {
        try {
          Files.deleteIfExists(m);
        } catch (IOException e) {
          warn.accept("cannot delete the crash marker " + m + ": " + e.getMessage());
        }
      }
      info.accept("module " + moduleId + " is no longer held back");
    }
    if (had) {
      for (Consumer<String> l : listeners) {
        l.accept(moduleId);
      }
    }
    return had;
  }

  @Override
  public Subscription onClear(Consumer<String> listener) {
    if (!keeps) {
      return () -> { };
    }
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }
}

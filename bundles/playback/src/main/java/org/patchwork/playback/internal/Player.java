package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.ConstantPools;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.Engine;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.engine.Timeline;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.Playhead;

/**
 * Owns the one real-time playback of the host: starts it, stops it, reports its statistics,
 * and writes the statistics file when a run ends, including when the host shuts down.
 */
@Component(service = Player.class)
public final class Player {

  private static final int TELEMETRY_SLOTS = 4096;
  // Every part of the song should have run once (new voices, new tracks), up to a bound.
  private static final int PRIME_SECONDS = 90;
  private static final long COMPILER_WAIT_MILLIS = 10_000;
  private static final long COMPILER_QUIET_MILLIS = 400;
  private final ModuleRegistry registry;
  private Playback current;
  private Path statsFile;

  @Activate
  public Player(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * Plays {@code project} through the named driver for {@code seconds} (0: to the end plus the
   * release tail). Replaces a run in progress. A tracker song is compiled for the driver's rate
   * and played as a timeline; its playhead (order, pattern, line) goes into the statistics.
   *
   * @param file the project file, named in messages about its song
   */
  synchronized Playback play(Path file, Project project, String driverName, double seconds, int block, Path stats)
      throws Exception {
    // Checked before any driver opens, so a broken song leaves nothing to close.
    SongTimeline song = SongTimeline.of(file, project, registry, project.sampleRate());
    stop();
    AudioDriver driver = Projects.checked(() -> Drivers.create(driverName));
    try {
      driver.open(Projects.checked(() -> new DriverSettings((int) Math.round(project.sampleRate()), block, 2, 2,
          "patchwork")));
    } catch (DriverException e) {
      driver.close();
      throw new UsageException("play: the " + driver.name() + " driver cannot start: " + e.getMessage());
    }
    TelemetryRing telemetry;
    Session session;
    try {
      // The driver decides the real rate and block size (JACK imposes its own); the song follows it.
      if (song != null && driver.sampleRate() != project.sampleRate()) {
        song = SongTimeline.of(file, project, registry, driver.sampleRate());
      }
      Timeline timeline = SongTimeline.timeline(song);
      prime(project, timeline, driver.sampleRate(), driver.blockSize());
      ConstantPools.resolve(resolutionRoots(project, driver));
      telemetry = new TelemetryRing(TELEMETRY_SLOTS);
      session = new Session(project, timeline, registry, driver.sampleRate(), driver.blockSize(), 0, telemetry, 1);
      // Live lifecycle (docs/bundle-lifecycle.md): real time only watches CPU (an offline render
      // must not depend on the machine), and a hot-swapped module's class is resolved like the rest.
      session.engine().cpuBudget(Engine.DEFAULT_CPU_BUDGET, Engine.DEFAULT_OVERRUN_BLOCKS);
      session.lifecycle().resolveClassesWith(ConstantPools::resolve);
    } catch (RuntimeException e) {
      driver.close();
      // The engine refusing the timeline (a name the graph lacks) is the project's fault.
      throw e instanceof IllegalArgumentException ? new UsageException(e.getMessage()) : e;
    }
    long frames = seconds > 0
        ? Math.round(seconds * driver.sampleRate())
        : session.totalFrames();
    statsFile = stats;
    current = new Playback(driver, session, telemetry, frames, song == null ? null : song.compiled(),
        this::finishedQuietly);
    return current;
  }

  /**
   * Runs a throw-away session of the same project and timeline (the song, up to 90 s) on this
   * thread, so the JIT compiles the engine's and modules' code here: the one-time allocations
   * that come with compiling (constant strings, class initialisation) then never land on the
   * audio thread. A song's timeline takes the same paths (parameter, tempo and expression
   * events) as it will while playing.
   */
  private void prime(Project project, Timeline timeline, int rate, int block) {
    float[][] out = new float[2][block];
    try (Session warm = new Session(project, timeline, registry, rate, block, 0, new TelemetryRing(TELEMETRY_SLOTS),
        1)) {
      long length = Math.min(warm.totalFrames(), (long) PRIME_SECONDS * rate);
      for (long frames = 0; frames < length; frames += block) {
        warm.fill(out, block);
      }
    }
    awaitCompilerIdle();
  }

  /**
   * Waits (at most {@value #COMPILER_WAIT_MILLIS} ms) until the JIT has compiled what priming
   * queued: compilations are asynchronous, and code installed (or thrown away) while the audio
   * thread plays makes it stop at safepoints. Idle means no compilation time added for
   * {@value #COMPILER_QUIET_MILLIS} ms.
   */
  private static void awaitCompilerIdle() {
    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
      return;
    }
    long deadline = System.nanoTime() + COMPILER_WAIT_MILLIS * 1_000_000L;
    long last = jit.getTotalCompilationTime();
    long quietSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      long now = jit.getTotalCompilationTime();
      if (now != last) {
        last = now;
        quietSince = System.nanoTime();
      } else if (System.nanoTime() - quietSince >= COMPILER_QUIET_MILLIS * 1_000_000L) {
        return;
      }
    }
  }

  /**
   * The classes the audio thread starts from: the session, the playback callback, the driver
   * and the factories of the project's modules (whose modules they name). See
   * {@link ConstantPools}: everything reachable from these is resolved before playing.
   */
  private Class<?>[] resolutionRoots(Project project, AudioDriver driver) {
    List<Class<?>> roots = new ArrayList<>(List.of(Session.class, Playback.class, driver.getClass(),
        TelemetryRing.class));
    for (Class<?> nested : Playback.class.getDeclaredClasses()) {
      roots.add(nested);
    }
    project.graph().nodes().forEach(node ->
        registry.find(node.module()).ifPresent(factory -> roots.add(factory.getClass())));
    return roots.toArray(Class<?>[]::new);
  }

  /** Stops the run in progress, if any, and writes its statistics file if one was asked for. */
  synchronized void stop() throws IOException {
    if (current == null) {
      return;
    }
    current.stop();
    writeStats();
  }

  /** Writes the statistics of the last run, once it has ended. */
  synchronized void finished(Playback run) throws IOException {
    if (run == current) {
      writeStats();
    }
  }

  private void finishedQuietly(Playback run) {
    try {
      finished(run);
    } catch (IOException e) {
      System.err.println("patchwork: cannot write the statistics file: " + e.getMessage());
    }
  }

  private void writeStats() throws IOException {
    if (statsFile == null || current == null) {
      return;
    }
    Path target = statsFile;
    statsFile = null;
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".stats", ".tmp");
    Files.writeString(temp, json(current).toPrettyString() + "\n");
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The statistics of the current or last run as JSON, or null if nothing has played. */
  synchronized ObjectNode stats() {
    return current == null ? null : json(current);
  }

  static ObjectNode json(Playback run) {
    DriverStats s = run.stats();
    ObjectNode o = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).createObjectNode();
    o.put("driver", run.driverName());
    o.put("sampleRate", run.sampleRate());
    o.put("blockSize", run.blockSize());
    o.put("blocks", s.blocks());
    o.put("xruns", s.xruns());
    o.put("deadlineMisses", s.deadlineMisses());
    ObjectNode micros = o.putObject("callbackMicros");
    micros.put("p50", s.p50Micros());
    micros.put("p99", s.p99Micros());
    micros.put("max", s.maxMicros());
    o.put("audioThreadAllocatedBytes", s.audioThreadAllocatedBytes());
    o.put("allocationWindowBlocks", s.allocationWindowBlocks());
    o.put("telemetryDropped", run.telemetryDropped());
    o.put("callbackFailures", s.callbackFailures());
    o.put("moduleFaults", run.faults());
    LiveStats.add(o, run);
    o.put("playheadFrame", run.playhead());
    Playhead at = run.position();
    if (at != null) {
      // Where the tracker song was (the UI's pattern editor follows this).
      ObjectNode position = o.putObject("position");
      position.put("order", at.order());
      position.put("pattern", at.pattern());
      position.put("line", at.line());
    }
    o.put("finished", run.isFinished());
    return o;
  }

  @Deactivate
  void shutdown() throws IOException {
    stop();
  }
}

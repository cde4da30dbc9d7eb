package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.patchwork.playback.LivePlayback;
import org.patchwork.playback.LiveRun;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.Playhead;

/**
 * Owns the one real-time playback of the host: starts it, stops it, reports its statistics,
 * and writes the statistics file when a run ends, including when the host shuts down. A run is
 * fixed ({@link Playback}: the compiled song exactly, with hot-swaps) or live ({@link LiveSong}:
 * the control layer drives it, see {@link LivePlayback}); starting one ends the other.
 */
@Component(service = {Player.class, LivePlayback.class})
public final class Player implements LivePlayback {

  private static final int TELEMETRY_SLOTS = 4096;
  // Every part of the song should have run once (new voices, new tracks), up to a bound.
  private static final int PRIME_SECONDS = 90;
  /** Fresh sessions after the long one, and how long each plays; see {@link #prime}. */
  private static final int PRIME_FRESH_SESSIONS = 2;
  private static final int PRIME_FRESH_SECONDS = 1;
  /** A song is primed with 1 s out of every 8 s (see {@link PrimingTimeline}). */
  private static final double PRIME_WINDOW_SECONDS = 1;
  private static final double PRIME_STRIDE_SECONDS = 8;
  private static final long COMPILER_WAIT_MILLIS = 10_000;
  private static final long COMPILER_QUIET_MILLIS = 400;
  private final ModuleRegistry registry;
  private final List<LivePlayback.Listener> listeners = new CopyOnWriteArrayList<>();
  private Playback current;
  private LiveSong live;
  private Path statsFile;
  /** What a live start plays: held by pw:play --hold, else the last project played. */
  private Path held;
  private String heldDriver = Drivers.AUTO;
  private int heldBlock = 256;

  @Activate
  public Player(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /** Opens the named driver at the project's rate; a refusal is the user's to fix (exit 2). */
  private static AudioDriver openDriver(Project project, String driverName, int block) {
    AudioDriver driver = Projects.checked(() -> Drivers.create(driverName));
    try {
      driver.open(Projects.checked(() -> new DriverSettings((int) Math.round(project.sampleRate()), block, 2, 2,
          "patchwork")));
    } catch (DriverException e) {
      driver.close();
      throw new UsageException("play: the " + driver.name() + " driver cannot start: " + e.getMessage());
    }
    return driver;
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
    remember(file, driverName, block);
    AudioDriver driver = openDriver(project, driverName, block);
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
    live = null;
    current = new Playback(driver, session, telemetry, frames, song == null ? null : song.compiled(),
        this::finishedQuietly);
    return current;
  }

  /** Holds {@code file} for a later live start, with the driver and block size to use. */
  synchronized void remember(Path file, String driverName, int block) {
    held = file;
    heldDriver = driverName;
    heldBlock = block;
  }

  @Override
  public void hold(Path project, String driverName, int blockSize) {
    if (!Drivers.NAMES.contains(driverName)) {
      throw new IllegalArgumentException("unknown driver '" + driverName + "': choose one of " + String.join(", ", Drivers.NAMES));
    }
    Path file = Projects.file(project.toString());
    Project p = Projects.load(file, registry);
    // checked now (the song too), so that a start does not fail on the project
    LiveStart.score(file, p, registry, p.sampleRate());
    remember(file, driverName, blockSize);
  }

  @Override
  public synchronized Path project() {
    return held;
  }

  @Override
  public synchronized LiveRun live() {
    return live;
  }

  @Override
  public synchronized boolean fixedRunPlaying() {
    return current != null && !current.isFinished();
  }

  @Override
  public synchronized LiveRun startLive() throws Exception {
    if (held == null) {
      throw new IllegalStateException("nothing to play: hold a project first (pw:play PROJECT --hold, "
          + "or play one with pw:play)");
    }
    return startLive(held, Projects.load(held, registry), heldDriver, heldBlock, null);
  }

  /**
   * Starts a live run of {@code project} through the named driver, replacing any run; its
   * transport is stopped. Primed like a fixed run, so the audio thread meets compiled code.
   *
   * @param stats where to write the statistics when the run ends, or null
   */
  synchronized LiveSong startLive(Path file, Project project, String driverName, int block, Path stats)
      throws Exception {
    Score score = LiveStart.score(file, project, registry, project.sampleRate());
    stop();
    remember(file, driverName, block);
    AudioDriver driver = openDriver(project, driverName, block);
    LiveSong run;
    try {
      if (driver.sampleRate() != project.sampleRate()) {
        score = LiveStart.score(file, project, registry, driver.sampleRate());
      }
      prime(project, SongTimeline.timeline(SongTimeline.of(file, project, registry, driver.sampleRate())),
          driver.sampleRate(), driver.blockSize());
      List<Class<?>> roots = new ArrayList<>(LiveSong.audioClasses());
      roots.addAll(List.of(resolutionRoots(project, driver)));
      ConstantPools.resolve(roots.toArray(Class<?>[]::new));
      LiveSong[] self = new LiveSong[1];
      run = new LiveSong(file, project, registry, driver, score, new TelemetryRing(TELEMETRY_SLOTS),
          () -> liveEnded(self[0]));
      self[0] = run;
    } catch (RuntimeException e) {
      driver.close();
      throw e instanceof IllegalArgumentException ? new UsageException(e.getMessage()) : e;
    }
    live = run;
    statsFile = stats;
    for (LivePlayback.Listener l : listeners) {
      try {
        l.started(run);
      } catch (RuntimeException e) {
        System.err.println("patchwork: a live playback listener failed: " + e);
      }
    }
    return run;
  }

  private void liveEnded(LiveSong run) {
    synchronized (this) {
      if (run == live && statsFile != null) {
        try {
          writeStats();
        } catch (IOException e) {
          System.err.println("patchwork: cannot write the statistics file: " + e.getMessage());
        }
      }
    }
    for (LivePlayback.Listener l : listeners) {
      try {
        l.ended(run);
      } catch (RuntimeException e) {
        System.err.println("patchwork: a live playback listener failed: " + e);
      }
    }
  }

  @Override
  public void stopRun() {
    try {
      stop();
    } catch (IOException e) {
      System.err.println("patchwork: cannot write the statistics file: " + e.getMessage());
    }
  }

  @Override
  public void addListener(LivePlayback.Listener listener) {
    listeners.add(listener);
  }

  @Override
  public void removeListener(LivePlayback.Listener listener) {
    listeners.remove(listener);
  }

  /**
   * Runs throw-away sessions of the same project and timeline on this thread, so the JIT
   * compiles the engine's and modules' code here: the one-time allocations that come with
   * compiling (constant strings, class initialisation) then never land on the audio thread. A
   * song's timeline takes the same paths (parameter, tempo and expression events) as it will
   * while playing.
   *
   * <p>The first session plays the song sampled (1 s out of every 8 s, {@link PrimingTimeline};
   * up to 90 s) with the CPU budget on, as playing does.
   * Then fresh sessions play a few seconds each: a new session's first blocks take branches
   * (the transport's start, each module's first block) that the long session took once, before
   * any profile was kept, so C2 compiled them as never taken. Measured with
   * {@code -Xlog:deoptimization=debug}: without the fresh sessions, the real session's first
   * block trapped out of the compiled code of the engine, the reverb, the delay and the
   * limiter, which then ran interpreted for seconds and made JACK report xruns.
   */
  private void prime(Project project, Timeline song, int rate, int block) {
    float[][] out = new float[2][block];
    Timeline timeline = PrimingTimeline.sample(song, PRIME_WINDOW_SECONDS, PRIME_STRIDE_SECONDS);
    long whole = (long) PRIME_SECONDS * rate;
    long fresh = (long) PRIME_FRESH_SECONDS * rate;
    for (int round = 0; round < 1 + PRIME_FRESH_SESSIONS; round++) {
      try (Session warm = new Session(project, timeline, registry, rate, block, 0,
          new TelemetryRing(TELEMETRY_SLOTS), 1)) {
        warm.engine().cpuBudget(Engine.DEFAULT_CPU_BUDGET, Engine.DEFAULT_OVERRUN_BLOCKS);
        long length = Math.min(warm.totalFrames(), round == 0 ? whole : fresh);
        for (long frames = 0; frames < length; frames += block) {
          warm.fill(out, block);
        }
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
    LiveSong l = live;
    if (l != null && !l.finished()) {
      l.close(); // writes the statistics through liveEnded
      return;
    }
    if (current == null) {
      return;
    }
    current.stop();
    writeStats();
  }

  /** Writes the statistics of the last run, once it has ended. */
  synchronized void finished(Playback run) throws IOException {
    if (run == current && live == null) {
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
    ObjectNode json = stats();
    if (statsFile == null || json == null) {
      return;
    }
    Path target = statsFile;
    statsFile = null;
    Path temp = Files.createTempFile(target.toAbsolutePath().getParent(), ".stats", ".tmp");
    Files.writeString(temp, json.toPrettyString() + "\n");
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The statistics of the current or last run as JSON, or null if nothing has played. */
  synchronized ObjectNode stats() {
    if (live != null) {
      return LiveStart.json(live);
    }
    return current == null ? null : json(current);
  }

  /**
   * The statistics every run reports, fixed or live ({@code play --stats}, {@code pw:stats}):
   * the driver's counters and timing, allocation, telemetry drops and module faults.
   */
  static ObjectNode driverJson(String driver, int sampleRate, int blockSize, DriverStats s, long telemetryDropped,
      long moduleFaults) {
    ObjectNode o = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).createObjectNode();
    o.put("driver", driver);
    o.put("sampleRate", sampleRate);
    o.put("blockSize", blockSize);
    o.put("blocks", s.blocks());
    o.put("xruns", s.xruns());
    ArrayNode xrunBlocks = o.putArray("xrunBlocks");
    s.xrunBlocks().forEach(xrunBlocks::add);
    o.put("deadlineMisses", s.deadlineMisses());
    ObjectNode micros = o.putObject("callbackMicros");
    micros.put("p50", s.p50Micros());
    micros.put("p99", s.p99Micros());
    micros.put("max", s.maxMicros());
    micros.put("maxBlock", s.maxBlock());
    o.put("audioThreadAllocatedBytes", s.audioThreadAllocatedBytes());
    o.put("allocationWindowBlocks", s.allocationWindowBlocks());
    o.put("telemetryDropped", telemetryDropped);
    o.put("callbackFailures", s.callbackFailures());
    o.put("moduleFaults", moduleFaults);
    return o;
  }

  static ObjectNode json(Playback run) {
    ObjectNode o = driverJson(run.driverName(), run.sampleRate(), run.blockSize(), run.stats(),
        run.telemetryDropped(), run.faults());
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

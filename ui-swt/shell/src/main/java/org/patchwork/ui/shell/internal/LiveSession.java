package org.patchwork.ui.shell.internal;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryMessage;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.Engine;
import org.patchwork.engine.Mix;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Project;
import org.patchwork.engine.RenderSettings;
import org.patchwork.ui.shell.TapBuffer;
import org.patchwork.ui.shell.Telemetry;

/**
 * One real-time run of the workbench's project that follows edits while it plays. The model
 * thread owns the project and turns each change into the cheapest thing the engine can take:
 * a parameter message, a mixer snapshot, or a recompiled plan (which restarts the modules'
 * voices). Those cross to the audio thread through a mailbox and a single-producer queue ({@link AudioInbox}); the
 * audio thread itself is the producer of the engine ring, publishing the project's notes, the
 * mailbox's plan and mix and the queued parameter changes at the start of each block, as the
 * architecture's "model thread → engine ring → audio thread" path asks, without a second
 * producer on a single-producer ring.
 *
 * <p>A telemetry thread drains the telemetry ring about 60 times a second and keeps the latest
 * values for the UI ({@link #telemetry()}).
 *
 * <p>Notes played live (controllers, {@link WorkbenchControls}) come from one input thread
 * through an {@link AudioInbox}, which the audio thread moves onto the engine ring at their frames;
 * {@link #blockClock} tells that thread when each block starts, to turn input times into frames.
 */
final class LiveSession implements AudioCallback, AutoCloseable {

  private static final int TELEMETRY_SLOTS = 4096;
  private static final long TELEMETRY_MILLIS = 15;

  /** A plan and/or a mix for the audio thread to adopt at its next block. */
  private record Change(Plan plan, Mix mix) {
  }

  /** Told by the audio thread when each block starts; must not allocate, lock or block. */
  @FunctionalInterface
  interface BlockClock {
    void blockStarted(long frame, long nanos);
  }

  /** Live note ids start here, far above any id the project's own notes use. */
  private static final int LIVE_NOTE_IDS = 1 << 30;

  private final AudioDriver driver;
  private final EngineRing ring = new EngineRing(8192);
  private final TelemetryRing telemetryRing = new TelemetryRing(TELEMETRY_SLOTS);
  private final Engine engine;
  private final Taps taps;
  private final ModuleRegistry registry;
  private final TapBuffer master;
  private final Schedule notes;
  private final AudioInbox parameters = new AudioInbox(4096);
  private final AudioInbox liveNotes = new AudioInbox(1024);
  private volatile BlockClock clock;
  // The live input thread only: the sounding live notes (engine track << 8 | key → note id).
  private final Map<Long, Integer> sounding = new java.util.HashMap<>();
  private int nextLiveId = LIVE_NOTE_IDS;
  private final AtomicReference<Change> pending = new AtomicReference<>();
  private final float[][] buffer;
  private final double tempo;
  private final long endFrame;
  /** Plays only live input (a keyboard with the transport stopped), never the project's notes. */
  private final boolean monitor;
  private final Plan first;
  private final Thread watcher;
  // The project as the session started: what its song's frames are (edits are heard from the next start).
  private final Project startedWith;
  // Model thread only.
  private Project played;
  private volatile Plan current;
  private final Map<Plan, Long> compiled = new IdentityHashMap<>();
  private long compiledCount;
  private final List<String> warnings = new ArrayList<>();
  // Audio thread only.
  private boolean begun;
  private long position;
  // Written by the audio or telemetry thread, read anywhere.
  private volatile long produced;
  private volatile Telemetry latest;
  private volatile boolean closed;

  /**
   * Opens the driver and compiles the project; does not start playing yet (see {@link #start}).
   *
   * @throws IllegalArgumentException when the driver cannot start or the graph does not compile
   */
  LiveSession(Project project, ModuleRegistry registry, String driverName, int blockSize) {
    this(project, registry, driverName, blockSize, false);
  }

  /**
   * @param monitor true: play only live input (nothing of the project's notes or song) until
   *     closed; the transport stays stopped as far as the window is concerned
   */
  LiveSession(Project project, ModuleRegistry registry, String driverName, int blockSize, boolean monitor) {
    this.played = project;
    this.startedWith = project;
    this.monitor = monitor;
    this.tempo = project.tempo();
    driver = Drivers.create(driverName);
    try {
      driver.open(new DriverSettings((int) Math.round(project.sampleRate()), blockSize, 0, 2,
          DriverSettings.DEFAULT_CLIENT_NAME));
    } catch (DriverException e) {
      driver.close();
      throw new IllegalArgumentException("the " + driver.name() + " audio driver cannot start: " + e.getMessage());
    }
    try {
      double rate = driver.sampleRate();
      taps = new Taps(project.graph(), rate);
      this.registry = taps.registry(registry);
      master = new TapBuffer("master", rate);
      first = compile(project);
      current = first;
      notes = monitor ? Schedule.none()
          : project.hasSong() ? Schedule.of(SongTimelines.timeline(project, rate), first)
          : Schedule.of(project, first, rate);
      endFrame = monitor ? Long.MAX_VALUE : notes.end() + Math.round(RenderSettings.TAIL_SECONDS * rate);
      buffer = new float[2][driver.blockSize()];
      engine = new Engine(rate, driver.blockSize(), ring, telemetryRing);
      latest = snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0);
    } catch (RuntimeException e) {
      driver.close();
      compiled.keySet().forEach(Plan::close);
      throw e;
    }
    watcher = Thread.ofPlatform().name("patchwork-ui-telemetry").daemon().unstarted(this::watch);
  }

  /** Starts the driver: sound from the next callback on. Thread: model. */
  void start() {
    try {
      driver.start(this);
    } catch (DriverException e) {
      close();
      throw new IllegalArgumentException("the " + driver.name() + " audio driver cannot start: " + e.getMessage());
    }
    watcher.start();
  }

  /** The driver's name. */
  String driverName() {
    return driver.name();
  }

  /** Warnings of the compiled plans (a state a module could not restore). */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void process(float[][] inputs, float[][] outputs, int frames) {
    BlockClock blockClock = clock;
    if (blockClock != null) {
      blockClock.blockStarted(position, System.nanoTime());
    }
    if (!begun) {
      begun = true;
      ring.tempo(0, tempo);
      ring.start(0, 0);
      engine.submit(first);
    } else {
      Change c = pending.getAndSet(null);
      if (c != null) {
        if (c.plan != null) {
          engine.submit(c.plan);
        }
        if (c.mix != null) {
          engine.submit(c.mix);
        }
      }
    }
    parameters.drain(ring, position);
    liveNotes.drain(ring, position);
    int done = 0;
    while (done < frames) {
      int n = step(frames - done);
      for (int ch = 0; ch < outputs.length; ch++) {
        System.arraycopy(buffer[Math.min(ch, 1)], 0, outputs[ch], done, n);
      }
      master.write(buffer[0], buffer[1], n);
      done += n;
    }
    produced = produced + frames;
  }

  /** Publishes the notes due in the next {@code max} frames, then renders them. Thread: audio. */
  private int step(int max) {
    long end = notes.publish(ring, position, position + max);
    int n = (int) (end - position);
    engine.processBlock(buffer, n);
    position = end;
    return n;
  }

  /**
   * Makes the playing sound follow {@code next}: parameter messages when only parameters
   * changed, a mixer snapshot for levels, a new plan when modules or cables changed. Thread:
   * model.
   *
   * @return false when the change needs a new session (the tracks themselves changed)
   * @throws IllegalArgumentException if a new plan does not compile (the old one keeps playing)
   */
  boolean follow(Project next) {
    if (!taps.fits(next.graph())) {
      return false;
    }
    Project before = played;
    ProjectDiff diff = new ProjectDiff(before, next);
    if (diff.structureChanged()) {
      Plan plan = compile(next);
      current = plan;
      offer(new Change(plan, null));
    } else {
      for (ProjectDiff.Parameter p : diff.parameters(registry)) {
        int node = current.nodeIndex(p.node());
        int index = current.parameterIndex(p.node(), p.parameter());
        if (node >= 0 && index >= 0) {
          parameters.parameter(node, index, p.value());
        }
      }
      if (diff.mixChanged()) {
        offer(new Change(null, current.mix(next.graph())));
      }
    }
    played = next;
    return true;
  }

  private Plan compile(Project project) {
    Plan plan = Plan.compile(taps.played(project.graph()), registry, driver.sampleRate(), driver.blockSize());
    warnings.addAll(plan.warnings());
    compiled.put(plan, compiledCount++);
    return plan;
  }

  /** Hands a change to the audio thread, merged with one it has not taken yet. */
  private void offer(Change change) {
    pending.accumulateAndGet(change, (old, c) -> old == null ? c
        : new Change(c.plan != null ? c.plan : old.plan, c.plan != null ? c.mix : c.mix != null ? c.mix : old.mix));
  }

  /**
   * Deactivates plans the engine can no longer play: those compiled before the one it plays
   * now (plans are adopted in the order they were compiled, so they never come back). Thread:
   * model.
   */
  void housekeeping() {
    Plan active = engine.activePlan();
    Long activeSeq = active == null ? null : compiled.get(active);
    if (activeSeq == null) {
      return;
    }
    compiled.entrySet().removeIf(e -> {
      if (e.getValue() < activeSeq) {
        e.getKey().close();
        return true;
      }
      return false;
    });
  }

  // ---- live input: one thread (the controllers' model thread) ----

  /**
   * Plays {@code key} on the mixer track {@code trackId} from engine frame {@code frame} (the
   * next block's start if that has passed); a key still held there is released first.
   *
   * @return false if the playing plan has no such track
   */
  boolean noteOn(long frame, String trackId, int key, double velocity) {
    int t = current.trackIndex(trackId);
    if (t < 0 || key < 0 || key > 127) {
      return false;
    }
    long held = (long) t << 8 | key;
    Integer before = sounding.remove(held);
    if (before != null) {
      liveNotes.noteOff(frame, t, before, key);
    }
    int id = nextLiveId++;
    if (nextLiveId < LIVE_NOTE_IDS) {
      nextLiveId = LIVE_NOTE_IDS;
    }
    sounding.put(held, id);
    liveNotes.noteOn(frame, t, id, key, (float) Math.clamp(velocity, 0, 1));
    return true;
  }

  /** Releases {@code key} on the mixer track {@code trackId} at {@code frame}. @return false without the track */
  boolean noteOff(long frame, String trackId, int key) {
    int t = current.trackIndex(trackId);
    if (t < 0) {
      return false;
    }
    Integer id = sounding.remove((long) t << 8 | key);
    if (id != null) {
      liveNotes.noteOff(frame, t, id, key);
    }
    return true;
  }

  /** Installs the hook the audio thread calls at each block start; null removes it. Thread: any. */
  void blockClock(BlockClock c) {
    clock = c;
  }

  /** The engine frame the audio thread has reached. Thread: any. */
  long frame() {
    return produced;
  }

  /** The project as this session started it (its song's lines are at the frames it plays). */
  Project startedWith() {
    return startedWith;
  }

  double sampleRate() {
    return driver.sampleRate();
  }

  int blockSize() {
    return driver.blockSize();
  }

  /** Live notes dropped because the queue to the audio thread was full. */
  long droppedNotes() {
    return liveNotes.dropped();
  }

  /** Whether this session plays only live input (see the constructor). */
  boolean monitor() {
    return monitor;
  }

  /** Whether the song and its release tail have played to the end. Thread: any. */
  boolean ended() {
    return produced >= endFrame;
  }

  /** The latest telemetry. Thread: any. */
  Telemetry telemetry() {
    return latest;
  }

  /** The tap of a track, or of the master output for {@code "master"}. Thread: any. */
  Optional<TapBuffer> tap(String name) {
    return "master".equals(name) ? Optional.of(master) : taps.track(name);
  }

  /** Plans compiled and not yet closed (the playing one included). Thread: model. */
  int openPlans() {
    return compiled.size();
  }

  /** Parameter changes dropped because the queue to the audio thread was full. */
  long droppedParameters() {
    return parameters.dropped();
  }

  /** Stops the driver, then deactivates every plan. Thread: model; safe to call twice. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      driver.stop();
    } finally {
      driver.close();
      watcher.interrupt();
      engine.close();
      compiled.keySet().forEach(Plan::close);
      compiled.clear();
    }
  }

  // ---- telemetry thread ----

  private long playhead;
  private float load;
  private long xruns;
  private long faults;
  private float peakL;
  private float peakR;
  private float rmsL;
  private float rmsR;

  private void watch() {
    var reader = telemetryRing.reader();
    while (!closed) {
      reader.drain(this::onTelemetry);
      latest = snapshot(playhead, load, xruns, faults, peakL, peakR, rmsL, rmsR, telemetryRing.dropped());
      try {
        Thread.sleep(TELEMETRY_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void onTelemetry(TelemetryMessage m) {
    switch (m.kind()) {
      case PLAYHEAD -> playhead = m.count();
      case LOAD -> load = m.value();
      case XRUNS -> xruns = m.count();
      case FAULT -> faults++;
      case METER -> {
        if (m.channel() == 0) {
          peakL = m.peak();
          rmsL = m.rms();
        } else if (m.channel() == 1) {
          peakR = m.peak();
          rmsR = m.rms();
        }
      }
      default -> { }
    }
  }

  private Telemetry snapshot(long head, float dsp, long x, long f, float pl, float pr, float rl, float rr, long dropped) {
    Plan plan = current;
    int latency = driver.blockSize() + (plan == null ? 0 : plan.latencyFrames());
    return new Telemetry(true, driver.name(), driver.sampleRate(), driver.blockSize(), latency, dsp,
        Math.max(x, driver.stats().xruns()), head, pl, pr, rl, rr, f, dropped);
  }
}

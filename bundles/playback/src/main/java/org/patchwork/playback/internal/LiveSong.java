package org.patchwork.playback.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryMessage;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverStats;
import org.patchwork.engine.Engine;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.playback.BlockClock;
import org.patchwork.playback.LiveRun;
import org.patchwork.sdk.module.ParameterDescriptor;

/**
 * A live run: the driver's audio thread only runs the engine (and the {@link BlockClock});
 * everything else happens on the run's own song thread ({@code patchwork-live}), the engine
 * ring's only producer: inputs from any thread are checked on the caller's thread and queued,
 * and the song thread applies them as soon as it is woken, then renders the song
 * {@link #renderAhead()} frames ahead of the engine (and at least every millisecond) and drains
 * the telemetry.
 *
 * <p>An input for frame {@code f} is always further ahead than the song has been rendered when
 * its latency is at least twice {@link #renderAhead()} (what the control layer uses), so a stop
 * or jump at {@code f} drops the song's events from {@code f} on and releases every track there.
 */
final class LiveSong implements LiveRun {

  /** Live notes' ids, far above the song's and the project's. */
  private static final int LIVE_NOTE_IDS = 1 << 30;
  private static final long PUMP_NANOS = 1_000_000;

  /** The audio callback: the clock hook, then the engine; nothing else. */

  private static final class Render implements AudioCallback {
    private final LiveSong run;
    private final Engine engine;

    Render(LiveSong run, Engine engine) {
      this.run = run;
      this.engine = engine;
    }

    @Override
    public void process(float[][] inputs, float[][] outputs, int frames) {
      BlockClock c = run.clock;
      if (c != null) {
        c.blockStarted(engine.frame(), System.nanoTime());
      }
      engine.processBlock(outputs, frames);
    }
  }

  private final Path file;
  private final Project project;
  private final ModuleRegistry registry;
  private final AudioDriver driver;
  private final Plan plan;
  private final EngineRing ring = new EngineRing(8192);
  private final TelemetryRing telemetry;
  private final Engine engine;
  private final Score score;
  private volatile boolean recordingWanted;
  private final long ahead;
  private final Out out = new Out();
  private final Thread thread;
  private final AtomicLong late = new AtomicLong();
  private final AtomicLong inputs = new AtomicLong();
  private volatile BlockClock clock;
  private volatile boolean closed;
  private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
  private volatile long endFrame = Long.MAX_VALUE;
  private volatile float peakLeft;
  private volatile float peakRight;
  private final Runnable onEnd;
  private final java.util.concurrent.ConcurrentLinkedQueue<Runnable> inbox = new java.util.concurrent.ConcurrentLinkedQueue<>();

  /** The mixer track id of each live track number (a song's tracks' outputs, else the mixer's tracks). */
  private final String[] outputs;
  // the song thread's
  private final List<Track> mixer;
  private final double[] fader;
  private final Map<Long, Integer> liveNotes = new HashMap<>();
  private int nextLiveId = LIVE_NOTE_IDS;
  private double position;
  // published by the song thread
  private volatile boolean playing;
  private volatile double beatsNow;
  private volatile double tempoNow;
  private volatile int[] positionNow;

  /**
   * Starts the engine through {@code driver} (open, and prime and resolve done by the caller);
   * the transport is stopped.
   */
  LiveSong(Path file, Project project, ModuleRegistry registry, AudioDriver driver, Score score,
      TelemetryRing telemetry, Runnable onEnd) throws Exception {
    this.file = file;
    this.project = project;
    this.registry = registry;
    this.driver = driver;
    this.score = score;
    this.telemetry = telemetry;
    this.onEnd = onEnd;
    this.ahead = Math.max(512, 2L * driver.blockSize());
    this.plan = Plan.compile(project.graph(), registry, driver.sampleRate(), driver.blockSize());
    this.engine = new Engine(driver.sampleRate(), driver.blockSize(), ring, telemetry, 1);
    engine.cpuBudget(Engine.DEFAULT_CPU_BUDGET, Engine.DEFAULT_OVERRUN_BLOCKS);
    this.mixer = new ArrayList<>(project.graph().tracks());
    this.fader = new double[mixer.size()];
    java.util.Arrays.fill(fader, 1);
    List<String> out = new ArrayList<>();
    for (int i = 0; score.output(i) != null; i++) {
      out.add(score.output(i));
    }
    this.outputs = out.toArray(String[]::new);
    this.tempoNow = score.tempo();
    this.thread = Thread.ofPlatform().name("patchwork-live").daemon().unstarted(this::run);
    try {
      driver.start(new Render(this, engine));
    } catch (Exception e) {
      engine.close();
      plan.close();
      throw e;
    }
    thread.start();
  }

  /** The classes the audio thread runs, for ConstantPools. */

  static List<Class<?>> audioClasses() {
    return List.of(LiveSong.class, Render.class, Engine.class);
  }

  private void run() {
    warm();
    // the ring's producer is this thread, from the first message on
    engine.submit(plan);
    ring.tempo(0, score.tempo());
    var reader = telemetry.reader();
    int round = 0;
    while (!closed) {
      Runnable input;
      while ((input = inbox.poll()) != null) {
        input.run();
      }
      pump();
      beatsNow = playing ? score.beats(engine.frame()) : position;
      tempoNow = score.tempo();
      positionNow = score.position();
      if (++round % 16 == 0) {
        reader.drain(this::onTelemetry);
      }
      if (engine.frame() >= endFrame && !closed) {
        // close() waits for this thread: another one does it
        Thread.ofPlatform().name("patchwork-live-end").daemon().start(this::close);
        endFrame = Long.MAX_VALUE;
      }
      LockSupport.parkNanos(PUMP_NANOS);
    }
  }

  private void onTelemetry(TelemetryMessage m) {
    if (m.kind() == TelemetryMessage.Kind.METER) {
      if (m.channel() == 0) {
        peakLeft = m.peak();
      } else if (m.channel() == 1) {
        peakRight = m.peak();
      }
    }
  }

  /**
   * Plays the first seconds of the score into nowhere and stops, twice, so the first real play
   * meets compiled code and loaded classes: cold, it took longer than an input's latency.
   */
  private void warm() {
    Score.Out nowhere = new Score.Out() {
      @Override
      public void noteOn(long frame, int track, int noteId, int key, float velocity) {
      }

      @Override
      public void noteOff(long frame, int track, int noteId, int key) {
      }

      @Override
      public void expression(long frame, int track, int noteId, double semitones) {
      }

      @Override
      public void parameter(long frame, String node, String parameter, double value) {
        plan.parameterIndex(node, parameter);
      }

      @Override
      public void tempo(long frame, double bpm) {
      }

      @Override
      public int track(String trackId) {
        return plan.trackIndex(trackId);
      }
    };
    long seconds = 8L * driver.sampleRate();
    for (int round = 0; round < 2; round++) {
      score.start(0, 0);
      for (long f = 0; f < seconds && score.playing(); f += 512) {
        score.render(f, Long.MAX_VALUE, nowhere);
      }
      score.render(seconds, seconds, nowhere);
      score.stop(seconds);
      score.beats(0);
      score.position();
    }
  }

  /** Queues {@code input} for the song thread and wakes it. */

  private void send(long frame, Runnable input) {
    inputs.incrementAndGet();
    if (frame < engine.frame()) {
      late.incrementAndGet();
    }
    inbox.add(input);
    LockSupport.unpark(thread);
  }

  /** Renders the song up to the horizon; a song that ended stops the transport. Song thread. */

  private void pump() {
    if (!playing) {
      return;
    }
    score.render(engine.frame() + ahead, Long.MAX_VALUE, out);
    if (!score.playing()) {
      playing = false;
      position = 0;
    }
  }

  @Override
  public long renderAhead() {
    return ahead;
  }

  // ---- LiveRun ----

  @Override
  public Path project() {
    return file;
  }

  @Override
  public String name() {
    return project.name();
  }

  @Override
  public String driverName() {
    return driver.name();
  }

  @Override
  public int sampleRate() {
    return driver.sampleRate();
  }

  @Override
  public int blockSize() {
    return driver.blockSize();
  }

  @Override
  public long frame() {
    return engine.frame();
  }

  @Override
  public boolean alive() {
    return !closed;
  }

  @Override
  public void blockClock(BlockClock c) {
    clock = c;
  }

  @Override
  public void play(long frame) {
    send(frame, () -> {
      if (playing) {
        halt(frame);
      }
      begin(frame, position);
    });
  }

  @Override
  public void stop(long frame) {
    send(frame, () -> {
      if (playing) {
        halt(frame);
        position = score.beats(frame);
      }
    });
  }

  @Override
  public void resume(long frame) {
    send(frame, () -> {
      if (!playing) {
        begin(frame, position);
      }
    });
  }

  @Override
  public void locate(long frame, double beats) {
    send(frame, () -> {
      position = Math.max(0, beats);
      if (playing) {
        halt(frame);
        begin(frame, position);
      }
    });
  }

  @Override
  public void tempo(long frame, double bpm) {
    send(frame, () -> {
      if (playing) {
        score.render(frame, Long.MAX_VALUE, out);
      }
      score.tempo(bpm);
      ring.tempo(frame, bpm);
    });
  }

  @Override
  public boolean noteOn(long frame, int track, int key, double velocity) {
    int t = trackIndex(track);
    if (t < 0) {
      return false;
    }
    send(frame, () -> {
      long held = (long) track << 8 | key;
      Integer sounding = liveNotes.remove(held);
      if (sounding != null) {
        ring.noteOff(frame, t, sounding, key);
      }
      int id = nextLiveId++;
      if (nextLiveId < LIVE_NOTE_IDS) {
        nextLiveId = LIVE_NOTE_IDS;
      }
      liveNotes.put(held, id);
      ring.noteOn(frame, t, id, key, (float) velocity);
      if (score.recording()) {
        score.recordNoteOn(frame, track, key, velocity, out);
      }
    });
    return true;
  }

  @Override
  public boolean noteOff(long frame, int track, int key) {
    int t = trackIndex(track);
    if (t < 0) {
      return false;
    }
    send(frame, () -> {
      Integer id = liveNotes.remove((long) track << 8 | key);
      if (id != null) {
        ring.noteOff(frame, t, id, key);
      }
      if (score.recording()) {
        score.recordNoteOff(frame, track, key, out);
      }
    });
    return true;
  }

  @Override
  public boolean record(boolean on) {
    if (!(score instanceof SongScore)) {
      return false; // a project in notes has no song to write into
    }
    send(engine.frame(), () -> score.record(on));
    recordingWanted = on;
    return true;
  }

  @Override
  public boolean recording() {
    return recordingWanted;
  }

  @Override
  public String recordedSong() {
    CompletableFuture<String> song = new CompletableFuture<>();
    send(engine.frame(), () -> song.complete(score.songJson()));
    try {
      return song.get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the recorded song", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the live run did not answer with its song: " + e, e);
    }
  }

  @Override
  public boolean parameter(long frame, String node, String parameter, double value) {
    int n = plan.nodeIndex(node);
    int p = n < 0 ? -1 : plan.parameterIndex(node, parameter);
    if (p < 0) {
      return false;
    }
    send(frame, () -> ring.parameter(frame, n, p, value));
    return true;
  }

  @Override
  public boolean trackVolume(int track, double volume) {
    int t = mixerIndex(track);
    if (t < 0) {
      return false;
    }
    send(Long.MAX_VALUE, () -> {
      fader[t] = Math.max(0, Math.min(1, volume));
      Track base = project.graph().tracks().get(t);
      double db = fader[t] <= 0 ? -144 : Math.max(-144, Math.min(24, base.gainDb() + 20 * Math.log10(fader[t])));
      mixer.set(t, mixer.get(t).withGain(db));
      mix();
    });
    return true;
  }

  @Override
  public boolean trackPan(int track, double pan) {
    int t = mixerIndex(track);
    if (t < 0) {
      return false;
    }
    send(Long.MAX_VALUE, () -> {
      mixer.set(t, mixer.get(t).withPan(Math.max(-1, Math.min(1, pan))));
      mix();
    });
    return true;
  }

  @Override
  public boolean trackMute(int track, boolean muted) {
    int t = mixerIndex(track);
    if (t < 0) {
      return false;
    }
    send(Long.MAX_VALUE, () -> {
      mixer.set(t, mixer.get(t).withMute(muted));
      mix();
    });
    return true;
  }

  @Override
  public ParameterDescriptor parameterDescriptor(String node, String parameter) {
    int n = plan.nodeIndex(node);
    if (n < 0 || plan.parameterIndex(node, parameter) < 0) {
      return null;
    }
    return project.graph().node(node).flatMap(x -> registry.find(x.module()))
        .flatMap(f -> f.descriptor().parameters().stream().filter(d -> d.id().equals(parameter)).findFirst())
        .orElse(null);
  }

  @Override
  public boolean playing() {
    return playing;
  }

  /** As of the song thread's last round (a millisecond ago at most, when it keeps up). */

  @Override
  public double beats() {
    return beatsNow;
  }

  @Override
  public double tempo() {
    return tempoNow;
  }

  // ---- the model side ----

  private void begin(long frame, double beats) {
    score.start(frame, beats);
    ring.start(frame, Math.round(beats * 60 / score.tempo() * sampleRate()));
    playing = true;
    score.render(engine.frame() + ahead, Long.MAX_VALUE, out);
  }

  /** Stops the song at {@code frame}: nothing of it from there, every track released there. */

  private void halt(long frame) {
    score.render(frame, frame, out);
    score.stop(frame);
    playing = false;
    ring.stop(frame);
    for (int t = 0; t < mixer.size(); t++) {
      ring.allNotesOff(frame, t);
    }
    liveNotes.clear();
  }

  private void mix() {
    Graph g = project.graph();
    engine.submit(plan.mix(new Graph(g.nodes(), g.connections(), mixer, g.buses(), g.master())));
  }

  /** The plan's track a live track number plays on, or -1. Any thread. */

  private int trackIndex(int track) {
    return track >= 0 && track < outputs.length ? plan.trackIndex(outputs[track]) : -1;
  }

  /** The mixer track (index into the graph's tracks) of a live track number, or -1. Any thread. */

  private int mixerIndex(int track) {
    if (track < 0 || track >= outputs.length) {
      return -1;
    }
    List<Track> tracks = project.graph().tracks();
    for (int i = 0; i < tracks.size(); i++) {
      if (tracks.get(i).id().equals(outputs[track])) {
        return i;
      }
    }
    return -1;
  }

  /** Publishes the song's events on the ring. Song thread. */

  private final class Out implements Score.Out {
    private final Map<String, Integer> tracks = new HashMap<>();

    @Override
    public void noteOn(long frame, int track, int noteId, int key, float velocity) {
      if (track >= 0) {
        ring.noteOn(frame, track, noteId, key, velocity);
      }
    }

    @Override
    public void noteOff(long frame, int track, int noteId, int key) {
      if (track >= 0) {
        ring.noteOff(frame, track, noteId, key);
      }
    }

    @Override
    public void expression(long frame, int track, int noteId, double semitones) {
      if (track >= 0) {
        ring.noteExpression(frame, track, noteId, semitones);
      }
    }

    @Override
    public void parameter(long frame, String node, String parameter, double value) {
      int n = plan.nodeIndex(node);
      int p = n < 0 ? -1 : plan.parameterIndex(node, parameter);
      if (p >= 0) {
        ring.parameter(frame, n, p, value);
      }
    }

    @Override
    public void tempo(long frame, double bpm) {
      ring.tempo(frame, bpm);
    }

    @Override
    public int track(String trackId) {
      return tracks.computeIfAbsent(trackId, plan::trackIndex);
    }
  }

  // ---- statistics, end ----

  DriverStats stats() {
    return driver.stats();
  }

  long late() {
    return late.get();
  }

  long inputs() {
    return inputs.get();
  }

  long faults() {
    return engine.faults();
  }

  long telemetryDropped() {
    return telemetry.dropped();
  }

  float[] peaks() {
    return new float[] {peakLeft, peakRight};
  }

  int[] position() {
    return positionNow;
  }

  /** Ends the run by itself once the engine has played {@code frames} frames. */
  void endAfter(long frames) {
    endFrame = frames;
  }

  /** Waits until the run ends. */
  boolean await(long timeout, java.util.concurrent.TimeUnit unit) throws InterruptedException {
    return ended.await(timeout, unit);
  }

  boolean finished() {
    return ended.getCount() == 0;
  }

  /** Stops the driver and the song thread and releases the modules; safe to call twice. */
  void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      LockSupport.unpark(thread);
      thread.join(2000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      driver.stop();
      driver.close();
      engine.close();
      plan.close();
    } finally {
      ended.countDown();
      onEnd.run();
    }
  }
}

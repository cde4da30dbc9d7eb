package org.patchwork.controllers.testing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.patchwork.bus.EngineRing;
import org.patchwork.controllers.ControlBackend;
import org.patchwork.controllers.FrameClock;
import org.patchwork.controllers.ParameterRange;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.Engine;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Plan;
import org.patchwork.engine.Track;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.sequencer.SequencerEvent;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Sequencer;
import org.patchwork.sequencer.SongPosition;
import org.patchwork.sequencer.SongTrack;

/**
 * A real engine playing live through the control layer, for the tests: the example sine
 * instrument on tracks {@code lead} (node {@code synth}) and {@code bass} (node {@code synth2}),
 * run by the null driver's real-time clock at {@code block} frames, every output frame captured.
 * As a {@link ControlBackend} it is what the lead's live player will be: on the model thread it
 * turns inputs into engine-ring messages at their frames, and the transport plays a tracker
 * song (A4 on every beat of a looped one-bar pattern, through the real {@link Sequencer}) whose
 * events it renders ahead of the engine in {@link #pump}.
 */
public final class LiveRig implements ControlBackend, AutoCloseable {

  public static final int RATE = 48_000;
  /** How far ahead of the engine the song is rendered. */
  private static final long AHEAD = 4_096;

  private final ModuleRegistry registry = ModuleRegistry.of(new SineFactory());
  private final Plan plan;
  private final EngineRing ring = new EngineRing(8192);
  private final Engine engine;
  private final FrameClock clock;
  private final AudioDriver driver;
  private final float[] captured;
  private volatile int written;
  private final Sequencer sequencer = new Sequencer(RATE);
  private final Map<Long, Integer> noteIds = new HashMap<>();
  private final AtomicLong late = new AtomicLong();
  private int nextNoteId = 1_000_000;
  private long playStart = -1;
  private boolean submitted;
  private volatile long playFrame = -1;
  private volatile long stopFrame = -1;
  private volatile double tempo = 120;
  private double[] mix = {1, 1};

  /**
   * Starts the engine.
   *
   * @param driverName {@code jack} (a test jackd must run; its period is the block) or {@code null}
   * @param block frames per block asked of the driver
   * @param latencyFrames the constant latency of the frame clock
   * @param seconds how much output to capture
   */
  public LiveRig(String driverName, int block, long latencyFrames, int seconds) throws Exception {
    Graph graph = Graph.of(
        List.of(new Node("synth", "org.patchwork.examples.sine"), new Node("synth2", "org.patchwork.examples.sine")),
        List.of(), List.of(Track.of("lead", "synth"), Track.of("bass", "synth2")));
    plan = Plan.compile(graph, registry, RATE, block);
    engine = new Engine(RATE, block, ring, null);
    clock = new FrameClock(RATE, latencyFrames);
    captured = new float[seconds * RATE];
    sequencer.edit(new Edit.AddTrack(0, SongTrack.of("Lead", "lead")));
    sequencer.edit(new Edit.AddPattern(0, 16));
    sequencer.edit(new Edit.SetOrder(List.of(0)));
    for (int line = 0; line < 16; line += 4) {
      sequencer.edit(new Edit.SetNote(0, 0, line, 0, NoteCell.of(69)));
      sequencer.edit(new Edit.SetNote(0, 0, line + 2, 0, new NoteCell(NoteCell.OFF, -1, -1, -1, 0)));
    }
    sequencer.loop(new SongPosition(0, 0), new SongPosition(1, 0));
    prime(graph, block);
    driver = Drivers.create(driverName);
    driver.open(new DriverSettings(RATE, block, 0, 2, "rig"));
    driver.start((in, out, frames) -> {
      clock.blockStarted(engine.frame(), System.nanoTime());
      engine.processBlock(out, frames);
      int w = written;
      int n = Math.min(frames, captured.length - w);
      if (n > 0) {
        System.arraycopy(out[0], 0, captured, w, n);
        written = w + n;
      }
    });
  }

  /**
   * Runs a throw-away engine of the same graph for a while on this thread, notes and parameter
   * changes included, so that the JIT has compiled the audio path before the driver's thread
   * first calls it (an interpreted first period misses JACK's deadline: an xrun).
   */
  private void prime(Graph graph, int block) {
    EngineRing warmRing = new EngineRing(8192);
    try (Plan warm = Plan.compile(graph, registry, RATE, block); Engine e = new Engine(RATE, block, warmRing, null)) {
      e.submit(warm);
      float[][] out = new float[2][block];
      for (int i = 0; i < 40_000; i++) {
        // every kind of message the tests send, on both tracks and nodes, every parameter
        int k = i % 400;
        if (k == 0 || k == 200) {
          warmRing.noteOn(e.frame() + 10, k == 0 ? 0 : 1, i, 60 + i % 24, 0.5f);
          warmRing.parameter(e.frame() + 20, k == 0 ? 0 : 1, (i / 400) % 3, (i / 400) % 3 == 0 ? 0.3 : 5);
        } else if (k == 100 || k == 300) {
          warmRing.noteOff(e.frame() + 10, k == 100 ? 0 : 1, i - 100, 60 + (i - 100) % 24);
        } else if (k == 150) {
          warmRing.tempo(e.frame() + 5, 100 + (i / 400) % 40);
        } else if (k == 350) {
          warmRing.allNotesOff(e.frame() + 5, (i / 400) % 2);
        }
        e.processBlock(out, block);
        clock.blockStarted(0, 0);
      }
    }
    clock.reset();
  }

  // ---- ControlBackend: the model thread ----

  /**
   * The engine ring has one producer, the model thread: the plan goes out from there too, on the
   * first call that thread makes.
   */
  private void submitted() {
    if (!submitted) {
      submitted = true;
      engine.submit(plan);
    }
  }

  @Override
  public long frameOf(long nanos) {
    submitted();
    long f = clock.frameOf(nanos);
    long now = engine.frame();
    if (f < now) {
      late.incrementAndGet();
      return now;
    }
    return f;
  }

  @Override
  public void play(long frame) {
    sequencer.play();
    playStart = frame;
    playFrame = frame;
    pump();
  }

  @Override
  public void stop(long frame) {
    sequencer.stop();
    playStart = -1;
    stopFrame = frame;
    ring.allNotesOff(frame, 0);
  }

  @Override
  public void resume(long frame) {
    play(frame);
  }

  @Override
  public void locate(long frame, double beats) {
  }

  @Override
  public void tempo(long frame, double bpm) {
    tempo = bpm;
    ring.tempo(frame, bpm);
  }

  @Override
  public void noteOn(long frame, int track, int key, double velocity) {
    int id = nextNoteId++;
    noteIds.put((long) track << 8 | key, id);
    ring.noteOn(frame, track, id, key, (float) velocity);
  }

  @Override
  public void noteOff(long frame, int track, int key) {
    Integer id = noteIds.remove((long) track << 8 | key);
    if (id != null) {
      ring.noteOff(frame, track, id, key);
    }
  }

  @Override
  public void parameter(long frame, String node, String parameter, double value) {
    int n = plan.nodeIndex(node);
    int p = plan.parameterIndex(node, parameter);
    if (n < 0 || p < 0) {
      throw new IllegalArgumentException("no parameter " + node + "/" + parameter + " in the rig");
    }
    ring.parameter(frame, n, p, value);
  }

  @Override
  public void trackVolume(long frame, int track, double volume) {
    // the mixer is exercised through the control state; the rig's plan keeps unity gain
  }

  @Override
  public void trackPan(long frame, int track, double pan) {
  }

  @Override
  public void trackMute(long frame, int track, boolean muted) {
  }

  @Override
  public ParameterRange range(String node, String parameter) {
    return plan.graph().node(node).flatMap(n -> registry.find(n.module())).flatMap(f -> f.descriptor().parameters()
        .stream().filter(d -> d.id().equals(parameter)).findFirst())
        .map(d -> new ParameterRange(d.min(), d.max())).orElse(null);
  }

  @Override
  public void pump() {
    submitted();
    if (playStart < 0) {
      return;
    }
    while (playStart + sequencer.snapshot().frame() < engine.frame() + AHEAD) {
      sequencer.renderTicks(1, this::songEvent);
    }
  }

  private void songEvent(SequencerEvent e) {
    long f = playStart + e.frame();
    switch (e.kind()) {
      case NOTE_ON -> ring.noteOn(f, e.track(), e.key() << 8 | 1, e.key(), e.velocity());
      case NOTE_OFF -> ring.noteOff(f, e.track(), e.key() << 8 | 1, e.key());
      case TEMPO -> ring.tempo(f, e.value());
      default -> { }
    }
  }

  // ---- for the tests ----

  /** The engine frame of the last play, or -1. */
  public long playFrame() {
    return playFrame;
  }

  public long stopFrame() {
    return stopFrame;
  }

  public double tempo() {
    return tempo;
  }

  /** Forgets the late inputs counted so far (after a warm-up round). */
  public void resetLate() {
    late.set(0);
  }

  /** Inputs that reached the model thread after their frame had been rendered. */
  public long late() {
    return late.get();
  }

  public long engineFrame() {
    return engine.frame();
  }

  public FrameClock clock() {
    return clock;
  }

  /** Frames captured so far. */
  public int captured() {
    return written;
  }

  /** The captured left channel (valid up to {@link #captured()}). */
  public float[] audio() {
    return captured;
  }

  public DriverStats driverStats() {
    return driver.stats();
  }

  /** Waits until {@code frames} frames have been captured. */
  public void awaitFrames(long frames) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (written < Math.min(frames, captured.length) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  /** The parameter's descriptor default, for checks. */
  public ParameterDescriptor descriptor(String node, String parameter) {
    return plan.graph().node(node).flatMap(n -> registry.find(n.module())).flatMap(f -> f.descriptor().parameters()
        .stream().filter(d -> d.id().equals(parameter)).findFirst()).orElseThrow();
  }

  @Override
  public void close() {
    driver.stop();
    driver.close();
    engine.close();
    plan.close();
  }
}

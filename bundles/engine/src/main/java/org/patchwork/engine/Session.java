package org.patchwork.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.bus.EngineRing;
import org.patchwork.engine.internal.ModuleLifecycle;

/**
 * The real engine driven block by block on the caller's thread, playing a project's notes or a
 * {@link Timeline} of exact-frame events (a compiled tracker song). This thread is both the
 * ring's producer (it publishes the notes due in the next block, exactly as
 * a sequencer would) and the engine's audio thread (it then processes the block), so every
 * note goes through the ring and lands at its exact frame. The offline renderer calls
 * {@link #next()}; a real-time driver calls {@link #fill} from its audio callback.
 *
 * <p>{@link #next()} and {@link #fill} allocate nothing once warmed up. Thread: one thread at a
 * time (the audio thread while playing).
 */
@ProviderType
public final class Session implements AutoCloseable {

  /** Ring slots; notes sharing one frame may use at most half. */
  static final int RING_SIZE = 8192;
  // Event kinds; project notes go out at one frame in this order: a repeated key is released
  // before it sounds again, and a note's tuning follows its start. A timeline keeps its own order.
  private static final int OFF = 0;
  private static final int ON = 1;
  private static final int BEND = 2;
  private static final int PARAM = 3;
  private static final int TEMPO = 4;
  private static final int ALL_OFF = 5;

  private final EngineRing ring = new EngineRing(RING_SIZE);
  private final Engine engine;
  private final Plan plan;
  private final ModuleLifecycle live;
  private final Lifecycle lifecycle;
  private final int blockSize;
  private final float[][] buffer;
  private final long total;
  private final long[] frame;
  /** Per event: {@link #OFF}, {@link #ON}, {@link #BEND}, {@link #PARAM}, {@link #TEMPO}, {@link #ALL_OFF}. */
  private final int[] kind;
  /** The track index, or the node index of a {@link #PARAM}. */
  private final int[] track;
  private final int[] noteId;
  private final int[] key;
  private final float[] velocity;
  /** Parameter index in the node's descriptor, for {@link #PARAM}. */
  private final int[] parameter;
  /** Semitones ({@link #BEND}), the parameter value ({@link #PARAM}) or bpm ({@link #TEMPO}). */
  private final double[] value;
  private int next;
  private final double tempo;
  private boolean begun;
  private long position;
  private long skip;
  private long produced;

  /**
   * Compiles the project's graph and queues its notes.
   *
   * @param seconds frames to produce, in seconds; 0 for the last note's end plus
   *     {@link RenderSettings#TAIL_SECONDS}
   */
  public Session(Project project, ModuleRegistry registry, double sampleRate, int blockSize, double seconds) {
    this(project, registry, sampleRate, blockSize, seconds, null);
  }

  /**
   * As {@link #Session(Project, ModuleRegistry, double, int, double)}, publishing meters,
   * playhead, load and faults to {@code telemetry} (null for none), as real-time playback does.
   */
  public Session(Project project, ModuleRegistry registry, double sampleRate, int blockSize, double seconds,
      org.patchwork.bus.TelemetryRing telemetry) {
    this(project, registry, sampleRate, blockSize, seconds, telemetry, 1);
  }

  /**
   * As {@link #Session(Project, ModuleRegistry, double, int, double, org.patchwork.bus.TelemetryRing)},
   * with an engine that runs independent tracks on {@code threads} threads (see
   * {@link Engine#Engine(double, int, EngineRing, org.patchwork.bus.TelemetryRing, int)}); the
   * output does not depend on it. Real-time playback keeps 1.
   */
  public Session(Project project, ModuleRegistry registry, double sampleRate, int blockSize, double seconds,
      org.patchwork.bus.TelemetryRing telemetry, int threads) {
    this(project, null, registry, sampleRate, blockSize, seconds, telemetry, threads);
  }

  /**
   * Plays {@code timeline} through {@code project}'s graph instead of the project's notes (a
   * compiled tracker song): every note, pitch expression, parameter and tempo change goes
   * through the ring and lands at its frame. Parameter changes then glide as their descriptor's
   * smoothing says, exactly as live changes do.
   *
   * @param seconds frames to produce, in seconds; 0 for the timeline's {@link Timeline#end()}
   *     plus {@link RenderSettings#TAIL_SECONDS}
   * @throws IllegalArgumentException if the timeline was made for another sample rate or names
   *     a track, node or parameter the graph does not have
   */
  public Session(Project project, Timeline timeline, ModuleRegistry registry, double sampleRate, int blockSize,
      double seconds, org.patchwork.bus.TelemetryRing telemetry, int threads) {
    if (timeline != null && timeline.sampleRate() != sampleRate) {
      throw new IllegalArgumentException("the timeline was computed for " + timeline.sampleRate()
          + " Hz, the session runs at " + sampleRate + " Hz");
    }
    this.blockSize = blockSize;
    this.buffer = new float[2][blockSize];
    this.plan = Plan.compile(project.graph(), registry, sampleRate, blockSize);
    this.skip = plan.latencyFrames();
    long tail = Math.round(RenderSettings.TAIL_SECONDS * sampleRate);
    List<Timed> events;
    try {
      events = timeline == null ? notes(project, plan, sampleRate) : events(timeline, plan);
    } catch (RuntimeException e) {
      plan.close();
      throw e;
    }
    this.total = seconds > 0
        ? Math.round(seconds * sampleRate)
        : (timeline == null ? project.frameOf(project.lengthBeats(), sampleRate) : timeline.end()) + tail;
    int size = events.size();
    frame = new long[size];
    kind = new int[size];
    value = new double[size];
    track = new int[size];
    noteId = new int[size];
    key = new int[size];
    velocity = new float[size];
    parameter = new int[size];
    int sameFrame = 0;
    for (int i = 0; i < size; i++) {
      Timed e = events.get(i);
      frame[i] = e.frame();
      kind[i] = e.kind();
      value[i] = e.value();
      track[i] = e.target();
      noteId[i] = e.noteId();
      key[i] = e.key();
      velocity[i] = e.velocity();
      parameter[i] = e.parameter();
      sameFrame = i > 0 && frame[i] == frame[i - 1] ? sameFrame + 1 : 1;
      if (sameFrame > RING_SIZE / 2) {
        plan.close();
        throw new IllegalArgumentException("more than " + RING_SIZE / 2 + " note events at frame " + frame[i]);
      }
    }
    // Last, so nothing above can fail with helper threads started.
    this.engine = new Engine(sampleRate, blockSize, ring, telemetry, threads);
    // The ring's producer is the thread that calls next() or fill(): a single-producer ring
    // must see one thread only, so the opening messages go out from there, on the first block.
    this.tempo = project.tempo();
    this.live = new ModuleLifecycle(plan.compiled(), registry, sampleRate, blockSize);
    this.lifecycle = new Lifecycle(live);
  }

  /** An event ready for the ring: targets resolved to indexes. */
  private record Timed(long frame, int kind, int target, int noteId, int key, float velocity, int parameter,
      double value) {
  }

  /** The project's notes as ring events, in the order they go out. */
  private static List<Timed> notes(Project project, Plan plan, double sampleRate) {
    List<Timed> events = new ArrayList<>();
    List<Note> notes = project.notes();
    for (int i = 0; i < notes.size(); i++) {
      Note n = notes.get(i);
      int t = plan.trackIndex(n.track());
      if (t < 0) {
        throw new IllegalArgumentException("note " + i + " is for unknown track '" + n.track() + "'");
      }
      long start = project.frameOf(n.start(), sampleRate);
      // Sum in decimal so start + length does not pick up binary rounding; at least one frame.
      long end = Math.max(start + 1, frames(BigDecimal.valueOf(n.start()).add(BigDecimal.valueOf(n.length())),
          project.tempo(), sampleRate));
      events.add(new Timed(start, ON, t, i, n.key(), (float) n.velocity(), -1, 0));
      if (n.cents() != 0) {
        // The note's tuning, as a pitch expression at its first frame.
        events.add(new Timed(start, BEND, t, i, n.key(), 0f, -1, n.cents() / 100));
      }
      events.add(new Timed(end, OFF, t, i, n.key(), 0f, -1, 0));
    }
    events.sort(Comparator.comparingLong(Timed::frame).thenComparingInt(Timed::kind).thenComparingInt(Timed::noteId));
    return events;
  }

  /** A timeline's events as ring events, in its order; every name resolved against the plan. */
  private static List<Timed> events(Timeline timeline, Plan plan) {
    List<Timed> out = new ArrayList<>(timeline.events().size());
    List<Timeline.Event> events = timeline.events();
    for (int i = 0; i < events.size(); i++) {
      Timeline.Event e = events.get(i);
      switch (e.kind()) {
        case PARAMETER -> {
          int node = plan.nodeIndex(e.target());
          int p = plan.parameterIndex(e.target(), e.parameter());
          if (p < 0) {
            throw new IllegalArgumentException("timeline event " + i + " sets unknown parameter '"
                + e.target() + "." + e.parameter() + "'");
          }
          out.add(new Timed(e.frame(), PARAM, node, -1, -1, 0f, p, e.value()));
        }
        case TEMPO -> out.add(new Timed(e.frame(), TEMPO, -1, -1, -1, 0f, -1, e.value()));
        default -> {
          int t = plan.trackIndex(e.target());
          if (t < 0) {
            throw new IllegalArgumentException("timeline event " + i + " is for unknown track '" + e.target() + "'");
          }
          int k = switch (e.kind()) {
            case NOTE_ON -> ON;
            case NOTE_OFF -> OFF;
            case NOTE_EXPRESSION -> BEND;
            default -> ALL_OFF;
          };
          float vel = k == ON ? (float) e.value() : 0f;
          out.add(new Timed(e.frame(), k, t, e.noteId(), e.key(), vel, -1, k == BEND ? e.value() : 0));
        }
      }
    }
    return out;
  }

  private void begin() {
    if (!begun) {
      begun = true;
      ring.tempo(0, tempo);
      ring.start(0, 0);
      engine.submit(plan);
    }
  }

  /** Frames {@link #next()} will produce in all. */
  public long totalFrames() {
    return total;
  }

  /** Where {@link #next()} renders: {@code [2][blockSize]}. */
  public float[][] buffer() {
    return buffer;
  }

  /** The engine being driven. */
  public Engine engine() {
    return engine;
  }

  /** The compiled plan. */
  public Plan plan() {
    return plan;
  }

  /** Faults the engine counted so far. */
  public long faults() {
    return engine.faults();
  }

  /**
   * The session's live lifecycle: hot-swaps, placeholders and faults as module bundles change
   * under it (see {@link Lifecycle}).
   */
  public Lifecycle lifecycle() {
    return lifecycle;
  }

  /**
   * Renders the next block into {@link #buffer()}.
   *
   * @return frames rendered, 0 when the render is complete
   */
  public int next() {
    begin();
    // The plan's latency is rendered and thrown away first, so the file starts at song frame 0.
    while (skip > 0) {
      skip -= step((int) Math.min(skip, blockSize));
    }
    if (produced >= total) {
      return 0;
    }
    int n = step((int) Math.min(blockSize, total - produced));
    produced += n;
    return n;
  }

  /**
   * Renders exactly {@code frames} frames into {@code out[0..1][0..frames-1]}, for a real-time
   * driver's callback. Past the song's end it keeps running the engine (release tails, then
   * silence). Thread: audio; no allocation, no locks.
   *
   * @param frames at most the session's block size
   */
  public void fill(float[][] out, int frames) {
    begin();
    while (skip > 0) {
      skip -= step((int) Math.min(skip, blockSize));
    }
    int done = 0;
    while (done < frames) {
      int n = step(frames - done);
      System.arraycopy(buffer[0], 0, out[0], done, n);
      System.arraycopy(buffer[1], 0, out[1], done, n);
      done += n;
    }
    produced += frames;
  }

  /** Frames produced so far, not counting the discarded latency. */
  public long producedFrames() {
    return produced;
  }

  /** Publishes prepared swaps and the notes due in the next {@code max} frames, then processes them. */
  private int step(int max) {
    live.publish(ring);
    long end = position + max;
    while (next < frame.length && frame[next] < end) {
      if (ring.remainingCapacity() == 0) {
        // Render up to this note; the rest go out before the next block.
        end = frame[next];
        break;
      }
      switch (kind[next]) {
        case ON -> ring.noteOn(frame[next], track[next], noteId[next], key[next], velocity[next]);
        case OFF -> ring.noteOff(frame[next], track[next], noteId[next], key[next]);
        case BEND -> ring.noteExpression(frame[next], track[next], noteId[next], value[next]);
        case PARAM -> ring.parameter(frame[next], track[next], parameter[next], value[next]);
        case TEMPO -> ring.tempo(frame[next], value[next]);
        default -> ring.allNotesOff(frame[next], track[next]);
      }
      next++;
    }
    int n = (int) (end - position);
    engine.processBlock(buffer, n);
    position = end;
    return n;
  }

  /** Stops the lifecycle thread and the engine's helpers, and deactivates every instance. */
  @Override
  public void close() {
    try {
      live.close();
      engine.close();
    } finally {
      plan.close();
    }
  }

  private static long frames(BigDecimal beats, double tempo, double sampleRate) {
    return beats.multiply(BigDecimal.valueOf(60)).multiply(BigDecimal.valueOf(sampleRate))
        .divide(BigDecimal.valueOf(tempo), 0, RoundingMode.HALF_EVEN).longValueExact();
  }
}

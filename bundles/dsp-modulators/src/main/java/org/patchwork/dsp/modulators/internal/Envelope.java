package org.patchwork.dsp.modulators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A multi-segment envelope of up to eight segments on a CV output. Segment i moves from
 * wherever the envelope is to {@code level_i} in exactly {@code N = round(time_i·fs)} frames,
 * along the same normalised RC curve as the ADSR,
 *
 * <pre>  y(x) = a + (b − a)·(1 − e^{−c·x}) / (1 − e^{−c}),   x = n/N,   c = 6·curve_i</pre>
 *
 * so the segment starts on its first value at its first frame and reaches {@code level_i}
 * exactly N frames later (Puckette, "The Theory and Technique of Electronic Music", 2007,
 * ch. 4; the break-point envelopes of the Buchla 280 and Serge DUSG follow the same idea).
 *
 * <p>The gate is open while a note is held on {@code notes} or {@code gate} is above 0.
 * Opening the gate (or any NOTE_ON) starts segment 1 from the current level, so retriggers
 * never click. With a {@code sustain} point s, the envelope holds {@code level_s} at the end of
 * segment s while the gate is open, and closing the gate jumps to segment s + 1 from the
 * current level; without one, the gate only starts the envelope, which then runs to its end.
 * With {@code loop} on, the segments {@code loop_start..s} (or {@code loop_start..last} with
 * no sustain point) repeat while the gate is open instead of holding. After the last segment
 * the output stays at the last level. A chain of zero-time segments that would loop forever
 * holds instead.
 */
public final class Envelope implements AudioModule {

  static final int NOTES = 0;
  static final int GATE = 1;
  static final int OUT = 2;
  static final int SEGMENTS = 0;
  static final int SUSTAIN = 1;
  static final int LOOP = 2;
  static final int LOOP_START = 3;
  static final int FIRST_SEGMENT = 4;
  static final int MAX_SEGMENTS = 8;
  static final double MAX_MILLIS = 20_000;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.envelope", "Multi-segment envelope", "Patchwork", "1.0.0", ModuleKind.MODULATOR,
      Set.of("envelope", "modulator"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("gate"), PortDescriptor.cvOut("env")),
      parameters(),
      0);

  private static final double CURVATURE = 6;
  private static final double TINY = 1e-20;
  private static final int IDLE = -1;
  private static final int HOLDING = -2;

  private double sampleRate;
  private int held;
  private boolean cvGate;
  /** The running segment (0-based), or IDLE (output {@code value}) or HOLDING (at the sustain). */
  private int segment;
  private double value;
  private double origin;
  private double target;
  private double scale;
  private double e;
  private double mul;
  private double add;
  private int left;

  /** Level, time and curve of segment {@code i} (0-based) are parameters {@code level(i)..level(i)+2}. */
  static int level(int i) {
    return FIRST_SEGMENT + 3 * i;
  }

  private static List<ParameterDescriptor> parameters() {
    Set<ParameterFlag> stepped = Set.of(ParameterFlag.STEPPED, ParameterFlag.AUTOMATABLE);
    List<ParameterDescriptor> list = new ArrayList<>();
    list.add(new ParameterDescriptor("segments", "Segments", 1, MAX_SEGMENTS, 3, "", stepped, 0, List.of()));
    list.add(ParameterDescriptor.choice("sustain", "Sustain point", 2, "Off", "1", "2", "3", "4", "5", "6", "7", "8"));
    list.add(ParameterDescriptor.choice("loop", "Loop", 0, "Off", "On"));
    list.add(new ParameterDescriptor("loop_start", "Loop start", 1, MAX_SEGMENTS, 1, "", stepped, 0, List.of()));
    double[] levels = {1, 0.7, 0, 0, 0, 0, 0, 0};
    double[] times = {10, 200, 300, 100, 100, 100, 100, 100};
    for (int i = 0; i < MAX_SEGMENTS; i++) {
      int n = i + 1;
      list.add(ParameterDescriptor.of("level_" + n, "Level " + n, -1, 1, levels[i], ""));
      list.add(ParameterDescriptor.of("time_" + n, "Time " + n, 0, MAX_MILLIS, times[i], "ms"));
      list.add(ParameterDescriptor.of("curve_" + n, "Curve " + n, -1, 1, 0.5, ""));
    }
    return list;
  }

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] out = ctx.output(OUT, 0);
    float[] gate = ctx.input(GATE, 0);
    int events = ctx.eventCount();
    int nextEvent = 0;
    int nextFrame = events > 0 ? Math.min(ctx.event(0).frame(), frames - 1) : Integer.MAX_VALUE;
    for (int i = 0; i < frames; i++) {
      while (nextFrame <= i) {
        Event event = ctx.event(nextEvent);
        switch (event.type()) {
          case NOTE_ON -> {
            held++;
            enter(ctx, 0, current(ctx));
          }
          case NOTE_OFF -> {
            if (held > 0 && --held == 0 && !cvGate) {
              release(ctx);
            }
          }
          case ALL_NOTES_OFF -> {
            held = 0;
            if (!cvGate) {
              release(ctx);
            }
          }
          default -> { }
        }
        nextEvent++;
        // An event stamped past the block still takes effect, on its last frame.
        nextFrame = nextEvent < events ? Math.min(ctx.event(nextEvent).frame(), frames - 1) : Integer.MAX_VALUE;
      }
      boolean high = gate[i] > 0;
      if (high != cvGate) {
        cvGate = high;
        if (held == 0) {
          if (high) {
            enter(ctx, 0, current(ctx));
          } else {
            release(ctx);
          }
        }
      }
      double y = current(ctx);
      out[i] = (float) (y > -TINY && y < TINY ? 0 : y);
      if (segment >= 0) {
        e = e * mul + add;
        if (--left == 0) {
          finish(ctx);
        }
      }
    }
    return ProcessStatus.CONTINUE;
  }

  /** The level at the frame about to be written. */
  private double current(ProcessContext ctx) {
    if (segment >= 0) {
      return origin + scale * (1 - e);
    }
    return segment == HOLDING ? clamp(ctx.parameter(level(sustainIndex(ctx))), -1, 1) : value;
  }

  private boolean gateOpen() {
    return held > 0 || cvGate;
  }

  private static int count(ProcessContext ctx) {
    return (int) clamp(ctx.parameter(SEGMENTS), 1, MAX_SEGMENTS);
  }

  /** The 0-based segment whose end is the sustain point, or -1 for none. */
  private static int sustainIndex(ProcessContext ctx) {
    int s = (int) clamp(ctx.parameter(SUSTAIN), 0, MAX_SEGMENTS) - 1;
    return s < count(ctx) ? s : -1;
  }

  /** The gate closed: leave the sustain part for the segment after the sustain point. */
  private void release(ProcessContext ctx) {
    int s = sustainIndex(ctx);
    if (s < 0 || segment == IDLE || segment > s) {
      return; // no sustain point, not started, or already releasing: run on
    }
    double from = current(ctx);
    if (s + 1 < count(ctx)) {
      enter(ctx, s + 1, from);
    } else {
      segment = IDLE;
      value = from;
    }
  }

  /** The running segment reached its target. */
  private void finish(ProcessContext ctx) {
    int j = segment;
    value = target;
    enter(ctx, following(ctx, j), target);
  }

  /** What comes after segment {@code j}: a segment, HOLDING or IDLE. */
  private int following(ProcessContext ctx, int j) {
    int s = sustainIndex(ctx);
    int last = count(ctx) - 1;
    boolean loop = ctx.parameter(LOOP) >= 0.5 && gateOpen();
    int loopEnd = s >= 0 ? s : last;
    if (loop && j == loopEnd) {
      return (int) clamp(ctx.parameter(LOOP_START), 1, loopEnd + 1) - 1;
    }
    if (j == s && gateOpen()) {
      return HOLDING;
    }
    return j >= last ? IDLE : j + 1;
  }

  /** Starts segment {@code j} from {@code from}; segments of zero frames pass at once. */
  private void enter(ProcessContext ctx, int j, double from) {
    // More zero-time steps than a full pass plus a loop means a loop with no time in it.
    for (int guard = 0; guard <= 2 * MAX_SEGMENTS + 1; guard++) {
      if (j < 0) {
        segment = j;
        value = from;
        return;
      }
      int p = level(j);
      double to = clamp(ctx.parameter(p), -1, 1);
      double millis = clamp(ctx.parameter(p + 1), 0, MAX_MILLIS);
      start(j, from, to, (int) Math.round(millis * sampleRate / 1000),
          CURVATURE * clamp(ctx.parameter(p + 2), -1, 1));
      if (left > 0) {
        return;
      }
      from = to;
      j = following(ctx, j);
    }
    segment = IDLE;
    value = from;
  }

  private void start(int j, double from, double to, int frames, double c) {
    segment = j;
    left = frames;
    target = to;
    e = 1;
    double end;
    if (Math.abs(c) < 1e-6 || frames == 0) {
      end = 0;
      mul = 1;
      add = frames == 0 ? 0 : -1.0 / frames;
    } else {
      end = Math.exp(-c);
      mul = Math.exp(-c / frames);
      add = 0;
    }
    origin = from;
    scale = (to - from) / (1 - end);
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  @Override
  public void reset() {
    held = 0;
    cvGate = false;
    segment = IDLE;
    value = 0;
    left = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

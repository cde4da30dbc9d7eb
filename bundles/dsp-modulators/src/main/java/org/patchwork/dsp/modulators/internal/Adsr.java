package org.patchwork.dsp.modulators.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * An ADSR envelope with curved segments, gated by note events, on a 0..1 CV output.
 *
 * <p>Each segment moves from a level {@code a} to a level {@code b} in exactly
 * {@code N = round(T·fs)} frames along
 *
 * <pre>  y(x) = a + (b − a)·(1 − e^{−c·x}) / (1 − e^{−c}),   x = n/N,   c = 6·curve</pre>
 *
 * the charging curve of an RC circuit, as in analog envelope generators, normalised to end on
 * its target (envelope generators: Puckette, "The Theory and Technique of Electronic Music",
 * 2007, ch. 4). With {@code curve > 0} a segment moves fast first and settles slowly;
 * {@code curve = 0} is a straight line; {@code curve < 0} starts slowly. Because of the
 * normalisation every segment takes exactly its set time whatever the curve (a plain
 * exponential would never arrive). {@code e^{−c·x}} is advanced by one
 * multiplication per frame, so the loop calls no transcendental functions. With
 * {@code curves = Shared} one {@code curve} shapes every segment; with {@code Per segment}
 * the attack, decay and release each take their own ({@code attack_curve} ...), e.g. a
 * concave attack ({@code −0.5}) before a convex, RC-like decay and release.
 *
 * <p>A NOTE_ON starts the attack from the current level (no click on a retrigger); the gate
 * stays open while any note is held, and the release starts from whatever level the envelope
 * has when the last note ends. The value at an event's frame is the segment's start value.
 */
public final class Adsr implements AudioModule {

  static final int NOTES = 0;
  static final int OUT = 1;
  static final int ATTACK = 0;
  static final int DECAY = 1;
  static final int SUSTAIN = 2;
  static final int RELEASE = 3;
  static final int CURVE = 4;
  static final int CURVES = 5;
  static final int ATTACK_CURVE = 6;
  static final int DECAY_CURVE = 7;
  static final int RELEASE_CURVE = 8;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.adsr", "ADSR", "Patchwork", "1.1.0", ModuleKind.MODULATOR,
      Set.of("envelope", "modulator"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvOut("env")),
      List.of(
          ParameterDescriptor.of("attack", "Attack", 0, 10000, 10, "ms"),
          ParameterDescriptor.of("decay", "Decay", 0, 10000, 100, "ms"),
          ParameterDescriptor.of("sustain", "Sustain", 0, 1, 0.7, ""),
          ParameterDescriptor.of("release", "Release", 0, 20000, 500, "ms"),
          ParameterDescriptor.of("curve", "Curve", -1, 1, 0.5, ""),
          // Appended in 1.1: saved projects address parameters by id, and older ones by index.
          ParameterDescriptor.choice("curves", "Curves", 0, "Shared", "Per segment"),
          ParameterDescriptor.of("attack_curve", "Attack curve", -1, 1, 0.5, ""),
          ParameterDescriptor.of("decay_curve", "Decay curve", -1, 1, 0.5, ""),
          ParameterDescriptor.of("release_curve", "Release curve", -1, 1, 0.5, "")),
      0);

  private static final int IDLE = 0;
  private static final int ATTACKING = 1;
  private static final int DECAYING = 2;
  private static final int SUSTAINING = 3;
  private static final int RELEASING = 4;
  private static final double CURVATURE = 6;

  private double sampleRate;
  private int stage;
  private int held;
  private double sustainLevel;
  // The running segment: y = origin + scale·(1 − e), e ← e·mul + add, for `left` frames;
  // written from the origin so that a segment starts exactly on its first value.
  private double origin;
  private double target;
  private double scale;
  private double e;
  private double mul;
  private double add;
  private int left;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] out = ctx.output(OUT, 0);
    int from = 0;
    for (int i = 0, n = ctx.eventCount(); i < n; i++) {
      Event event = ctx.event(i);
      int at = Math.max(from, Math.min(event.frame(), frames));
      render(ctx, out, from, at);
      from = at;
      switch (event.type()) {
        case NOTE_ON -> {
          held++;
          begin(ctx, ATTACKING, current());
        }
        case NOTE_OFF -> {
          held = Math.max(0, held - 1);
          if (held == 0 && stage != IDLE) {
            begin(ctx, RELEASING, current());
          }
        }
        case ALL_NOTES_OFF -> reset();
        default -> { }
      }
    }
    render(ctx, out, from, frames);
    return ProcessStatus.CONTINUE;
  }

  /** Starts stage {@code next} from level {@code from}; stages of zero frames pass at once. */
  private void begin(ProcessContext ctx, int next, double from) {
    stage = next;
    while (stage == ATTACKING || stage == DECAYING || stage == RELEASING) {
      double to;
      double millis;
      int curve;
      if (stage == ATTACKING) {
        to = 1;
        millis = clamp(ctx.parameter(ATTACK), 0, 10000);
        curve = ATTACK_CURVE;
      } else if (stage == DECAYING) {
        to = clamp(ctx.parameter(SUSTAIN), 0, 1);
        millis = clamp(ctx.parameter(DECAY), 0, 10000);
        curve = DECAY_CURVE;
      } else {
        to = 0;
        millis = clamp(ctx.parameter(RELEASE), 0, 20000);
        curve = RELEASE_CURVE;
      }
      boolean perSegment = ctx.parameter(CURVES) >= 0.5;
      segment(from, to, millis, CURVATURE * clamp(ctx.parameter(perSegment ? curve : CURVE), -1, 1));
      if (left > 0) {
        return;
      }
      from = to;
      stage = following(stage);
    }
    sustainLevel = clamp(ctx.parameter(SUSTAIN), 0, 1);
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  private static int following(int stage) {
    return stage == ATTACKING ? DECAYING : stage == DECAYING ? SUSTAINING : IDLE;
  }

  /** The level the envelope has at the next frame to render. */
  private double current() {
    return switch (stage) {
      case IDLE -> 0;
      case SUSTAINING -> sustainLevel;
      default -> origin + scale * (1 - e);
    };
  }

  private void segment(double from, double to, double millis, double c) {
    left = (int) Math.round(millis * sampleRate / 1000);
    target = to;
    e = 1;
    double end;
    if (Math.abs(c) < 1e-6 || left == 0) {
      end = 0;
      mul = 1;
      add = left == 0 ? 0 : -1.0 / left;
    } else {
      end = Math.exp(-c);
      mul = Math.exp(-c / left);
      add = 0;
    }
    origin = from;
    scale = (to - from) / (1 - end);
  }

  private void render(ProcessContext ctx, float[] out, int from, int to) {
    int i = from;
    while (i < to) {
      if (stage == IDLE) {
        for (; i < to; i++) {
          out[i] = 0f;
        }
        return;
      }
      if (stage == SUSTAINING) {
        boolean constant = ctx.isParameterConstant(SUSTAIN);
        float[] ramp = ctx.parameterRamp(SUSTAIN);
        double sustain = clamp(ctx.parameter(SUSTAIN), 0, 1);
        for (; i < to; i++) {
          out[i] = (float) (constant ? sustain : clamp(ramp[i], 0, 1));
        }
        sustainLevel = constant ? sustain : clamp(ramp[to - 1], 0, 1);
        return;
      }
      int n = Math.min(to - i, left);
      double x = e;
      double o = origin;
      double k = scale;
      double m = mul;
      double a = add;
      for (int stop = i + n; i < stop; i++) {
        double y = o + k * (1 - x);
        // Curved segments approach their target geometrically; flush what no one can hear.
        out[i] = (float) (y > -1e-20 && y < 1e-20 ? 0 : y);
        x = x * m + a;
      }
      e = x;
      left -= n;
      if (left == 0) {
        begin(ctx, following(stage), target);
      }
    }
  }

  @Override
  public void reset() {
    stage = IDLE;
    held = 0;
    sustainLevel = 0;
    left = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

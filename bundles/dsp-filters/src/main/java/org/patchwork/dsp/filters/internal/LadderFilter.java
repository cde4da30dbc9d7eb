package org.patchwork.dsp.filters.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A mono Moog-style four-pole ladder in the zero-delay-feedback TPT form of Zavalishin, "The
 * Art of VA Filter Design" (rev. 2.1.0, 2018), ch. 5: four TPT one-poles
 * ({@code y = G·x + (1 − G)·s}, {@code G = g/(1 + g)}, {@code g = tan(π·fc/fs)}) in series, with
 * their output fed back, {@code u = x − k·y4}. The feedback is solved within the sample: with
 * {@code S = G³(1−G)s1 + G²(1−G)s2 + G(1−G)s3 + (1−G)s4} the stages give {@code y4 = G⁴·u + S}, so
 *
 * <pre>  linear:  u = (x − k·S) / (1 + k·G⁴)
 *  tanh:    u = tanh(d·x − k·(G⁴·u + S)),  solved by Newton-Raphson from the linear u</pre>
 *
 * (in tanh mode the signal is scaled by the drive d going in and by 1/d coming out, so drive
 * changes the saturation, not the level; the equation has one root since its left side minus
 * its right grows with u). The analog prototype is {@code H(s) = 1/((1 + s/ωc)⁴ + k)}.
 *
 * <p><b>What the cutoff means.</b> fc is the corner of each of the four poles: with no
 * resonance the LP24 output is {@code 4·(−3.01) = −12.04 dB} at fc and falls 24 dB per octave
 * above it; LP12 ({@code y2}) is −6.02 dB at fc. At {@code k = 4} each stage turns the phase by
 * −45° at fc, so the loop rings exactly at fc: resonance 1 ({@code k = 4·resonance}) is the edge
 * of self-oscillation. In tanh mode resonance up to 1.1 self-oscillates at fc with a level the
 * saturator holds; in linear mode k stops at 3.96 (just below the edge, where a linear ladder
 * would grow without bound). The band-pass {@code 4·(y2 − 2y3 + y4)} ({@code 4·s²/(1+s)⁴}, 0 dB at
 * fc with no resonance) and the high-pass {@code u − 4y1 + 6y2 − 4y3 + y4} ({@code s⁴/(1+s)⁴},
 * −12.04 dB at fc) are mixed from the stage outputs (Zavalishin 5.6). As in the Moog, the
 * pass-band of LP24 falls by {@code 1/(1 + k)} as the resonance rises. The cutoff follows
 * {@code cutoff_cv} at 1 V/octave.
 */
public final class LadderFilter implements AudioModule {

  static final int IN = 0;
  static final int CUTOFF_CV = 1;
  static final int OUT = 2;
  static final int MODE = 0;
  static final int CUTOFF = 1;
  static final int RESONANCE = 2;
  static final int DRIVE = 3;
  static final int SATURATION = 4;

  static final int LP24 = 0;
  static final int LP12 = 1;
  static final int BP = 2;
  static final int HP = 3;

  static final double MAX_RESONANCE = 1.1;
  static final double MAX_DRIVE_DB = 24;
  /** The largest feedback of the linear ladder: its poles stay inside the unit circle. */
  static final double LINEAR_K_LIMIT = 3.96;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.ladder", "Ladder filter", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("filter"),
      List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("cutoff_cv"),
          PortDescriptor.audioOut("out", 1)),
      List.of(
          ParameterDescriptor.choice("mode", "Mode", LP24, "LP24", "LP12", "BP", "HP"),
          Cutoff.PARAMETER,
          ParameterDescriptor.of("resonance", "Resonance", 0, MAX_RESONANCE, 0.3, ""),
          ParameterDescriptor.of("drive", "Drive", 0, MAX_DRIVE_DB, 0, "dB"),
          ParameterDescriptor.choice("saturation", "Saturation", 1, "Linear", "Tanh")),
      0);

  private static final int NEWTON_STEPS = 4;

  private double sampleRate;
  private double s1;
  private double s2;
  private double s3;
  private double s4;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] in = ctx.input(IN, 0);
    float[] out = ctx.output(OUT, 0);
    float[] cv = ctx.input(CUTOFF_CV, 0);
    int mode = (int) clamp(ctx.parameter(MODE), 0, 3);
    boolean tanh = ctx.parameter(SATURATION) >= 0.5;
    double kLimit = tanh ? 4 * MAX_RESONANCE : LINEAR_K_LIMIT;
    // Output = c0·u + c1·y1 + c2·y2 + c3·y3 + c4·y4, so one loop serves every mode.
    double c0 = mode == HP ? 1 : 0;
    double c1 = mode == HP ? -4 : 0;
    double c2 = mode == LP12 ? 1 : mode == BP ? 4 : mode == HP ? 6 : 0;
    double c3 = mode == BP ? -8 : mode == HP ? -4 : 0;
    double c4 = mode == LP24 || mode == HP ? 1 : mode == BP ? 4 : 0;
    boolean cutoffConstant = ctx.isParameterConstant(CUTOFF);
    boolean resonanceConstant = ctx.isParameterConstant(RESONANCE);
    boolean driveConstant = ctx.isParameterConstant(DRIVE);
    boolean cutoffMoving = !cutoffConstant || ctx.isConnected(CUTOFF_CV);
    float[] cutoffRamp = ctx.parameterRamp(CUTOFF);
    float[] resonanceRamp = ctx.parameterRamp(RESONANCE);
    float[] driveRamp = ctx.parameterRamp(DRIVE);
    double cutoff = ctx.parameter(CUTOFF);
    double k = feedback(ctx.parameter(RESONANCE), kLimit);
    double drive = drive(ctx.parameter(DRIVE));
    double g = Cutoff.gain(cutoff, 0, sampleRate);
    double big = g / (1 + g);
    double a = s1;
    double b = s2;
    double c = s3;
    double d = s4;
    for (int i = 0; i < frames; i++) {
      if (cutoffMoving) {
        g = Cutoff.gain(cutoffConstant ? cutoff : cutoffRamp[i], cv[i], sampleRate);
        big = g / (1 + g);
      }
      if (!resonanceConstant) {
        k = feedback(resonanceRamp[i], kLimit);
      }
      if (!driveConstant) {
        drive = drive(driveRamp[i]);
      }
      double rest = 1 - big;
      double g2 = big * big;
      double g4 = g2 * g2;
      double sum = rest * (((a * big + b) * big + c) * big + d);
      double u;
      if (tanh) {
        double x = drive * in[i];
        u = solve(x - k * sum, k * g4);
      } else {
        u = (in[i] - k * sum) / (1 + k * g4);
      }
      double y1 = big * u + rest * a;
      a = Cutoff.flush(2 * y1 - a);
      double y2 = big * y1 + rest * b;
      b = Cutoff.flush(2 * y2 - b);
      double y3 = big * y2 + rest * c;
      c = Cutoff.flush(2 * y3 - c);
      double y4 = big * y3 + rest * d;
      d = Cutoff.flush(2 * y4 - d);
      double y = c0 * u + c1 * y1 + c2 * y2 + c3 * y3 + c4 * y4;
      out[i] = (float) Cutoff.flush(tanh ? y / drive : y);
    }
    // A NaN or infinite input must not poison every later block.
    if (Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d)) {
      s1 = a;
      s2 = b;
      s3 = c;
      s4 = d;
    } else {
      reset();
    }
    return ProcessStatus.CONTINUE;
  }

  /**
   * The root of {@code u = tanh(p − q·u)} ({@code q ≥ 0}): Newton-Raphson from the linear
   * solution, limited to [−1, 1] where the root lies.
   */
  static double solve(double p, double q) {
    double u = clamp(p / (1 + q), -1, 1);
    for (int n = 0; n < NEWTON_STEPS; n++) {
      double t = Math.tanh(p - q * u);
      u -= (u - t) / (1 + q * (1 - t * t));
    }
    return u;
  }

  private static double feedback(double resonance, double limit) {
    return Math.min(4 * clamp(resonance, 0, MAX_RESONANCE), limit);
  }

  private static double drive(double db) {
    return Math.pow(10, clamp(db, 0, MAX_DRIVE_DB) / 20);
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  @Override
  public void reset() {
    s1 = 0;
    s2 = 0;
    s3 = 0;
    s4 = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

package org.patchwork.dsp.modulators.internal;

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
 * A slew limiter (portamento, lag processor) with separate rise and fall times:
 *
 * <pre>  linear       y ← y + clamp(x − y, −1/N_fall, +1/N_rise),   N = time·fs
 *  exponential  y ← y + (1 − e^{−1/(τ·fs)})·(x − y),          τ = time / ln 100</pre>
 *
 * In linear mode the output moves at most one unit per rise (or fall) time, so a step from 0
 * to 1 takes exactly the rise time (the step's own frame already takes the first 1/N, so 1 is
 * output N − 1 frames after it); in exponential mode (an RC lag, as in analog slew
 * circuits) the time is that to cover 99 % of a step, whatever its size. The rise time applies
 * while the input is above the output, the fall time while it is below; a time of 0 passes
 * the input through. Times follow automation frame by frame (Pirkle, "Designing Software
 * Synthesizer Plug-ins in C++", 2015, ch. 5, on portamento and lag).
 */
public final class Slew implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int RISE = 0;
  static final int FALL = 1;
  static final int SHAPE = 2;

  static final double MAX_MILLIS = 10_000;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.slew", "Slew limiter", "Patchwork", "1.0.0", ModuleKind.MODULATOR,
      Set.of("modulator", "utility"),
      List.of(PortDescriptor.cvIn("in"), PortDescriptor.cvOut("out")),
      List.of(
          ParameterDescriptor.of("rise", "Rise time", 0, MAX_MILLIS, 100, "ms"),
          ParameterDescriptor.of("fall", "Fall time", 0, MAX_MILLIS, 100, "ms"),
          ParameterDescriptor.choice("shape", "Shape", 0, "Linear", "Exponential")),
      0);

  private static final double LN_100 = Math.log(100);
  private static final double TINY = 1e-20;
  /** A CV beyond this is nonsense; limiting keeps the state finite whatever comes in. */
  private static final double LIMIT = 1e6;

  private double sampleRate;
  private double output;

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
    boolean exponential = ctx.parameter(SHAPE) >= 0.5;
    boolean riseConstant = ctx.isParameterConstant(RISE);
    boolean fallConstant = ctx.isParameterConstant(FALL);
    float[] riseRamp = ctx.parameterRamp(RISE);
    float[] fallRamp = ctx.parameterRamp(FALL);
    double up = coefficient(ctx.parameter(RISE), exponential);
    double down = coefficient(ctx.parameter(FALL), exponential);
    double y = output;
    for (int i = 0; i < frames; i++) {
      if (!riseConstant) {
        up = coefficient(riseRamp[i], exponential);
      }
      if (!fallConstant) {
        down = coefficient(fallRamp[i], exponential);
      }
      double x = clamp(in[i], -LIMIT, LIMIT);
      double d = x - y;
      double c = d > 0 ? up : down;
      if (exponential) {
        y = c >= 1 ? x : y + c * d;
      } else {
        y = d > c ? y + c : d < -c ? y - c : x;
      }
      y = y > -TINY && y < TINY ? 0 : y;
      out[i] = (float) y;
    }
    output = y;
    return ProcessStatus.CONTINUE;
  }

  /**
   * Per frame: the largest step (linear) or the one-pole coefficient (exponential) for a
   * time in ms; a time of 0 gives a coefficient that passes the input at once.
   */
  private double coefficient(double millis, boolean exponential) {
    double frames = clamp(millis, 0, MAX_MILLIS) * sampleRate / 1000;
    if (frames < 1e-9) {
      return exponential ? 1 : Double.MAX_VALUE;
    }
    return exponential ? 1 - Math.exp(-LN_100 / frames) : 1 / frames;
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  @Override
  public void reset() {
    output = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

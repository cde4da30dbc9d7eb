package org.patchwork.dsp.utility.internal;

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
 * A stereo DC blocker: a first-order high-pass in Zavalishin's TPT form ("The Art of VA Filter
 * Design", rev. 2.1.0, 2018, ch. 3), one trapezoidal integrator per channel:
 *
 * <pre>  g = tan(π·fc/fs),  v = (x − s)·g/(1 + g),  lp = v + s,  s ← lp + v,  y = x − lp</pre>
 *
 * the bilinear transform of {@code s/(s + ωc)} with fc prewarped: a zero exactly at DC, −3.01 dB
 * at fc, and {@code 1/√(1 + (fc/f)²)} above it (−0.0004 dB at 1 kHz for the default 10 Hz).
 * A step of DC decays as {@code e^{−2π·fc·t}}: below 1e-4 after {@code 9.2/(2π·fc)}, 147 ms at
 * 10 Hz. Unlike the classic {@code y = x − x₁ + R·y₁} its cutoff is exact and its gain at
 * Nyquist is exactly 1. The cutoff is recomputed every frame while it moves.
 */
public final class DcBlocker implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int CUTOFF = 0;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.dc_blocker", "DC blocker", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("utility", "filter"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(ParameterDescriptor.of("cutoff", "Cutoff", 1, 200, 10, "Hz")),
      0);

  private double sampleRate;
  private final double[] state = new double[2];

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    boolean constant = ctx.isParameterConstant(CUTOFF);
    float[] ramp = ctx.parameterRamp(CUTOFF);
    double coefficient = coefficient(ctx.parameter(CUTOFF));
    for (int ch = 0; ch < 2; ch++) {
      float[] in = ctx.input(IN, ch);
      float[] out = ctx.output(OUT, ch);
      double k = coefficient;
      double s = state[ch];
      for (int i = 0; i < frames; i++) {
        if (!constant) {
          k = coefficient(ramp[i]);
        }
        double x = in[i];
        double v = (x - s) * k;
        double lp = v + s;
        s = Levels.flush(lp + v);
        out[i] = Levels.sample(x - lp);
      }
      // A NaN or infinite input must not poison every later block.
      state[ch] = Double.isFinite(s) ? s : 0;
    }
    return ProcessStatus.CONTINUE;
  }

  /** {@code g/(1 + g)} with {@code g = tan(π·fc/fs)}, fc limited to the parameter's range. */
  private double coefficient(double cutoff) {
    double g = Math.tan(Math.PI * Levels.clamp(cutoff, 1, 200) / sampleRate);
    return g / (1 + g);
  }

  @Override
  public void reset() {
    state[0] = 0;
    state[1] = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

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
 * A mono resonant state-variable filter in the topology-preserving transform (TPT) form of
 * Zavalishin, "The Art of VA Filter Design" (rev. 2.1.0, 2018), ch. 4: two trapezoidal
 * integrators with states s1, s2 and
 *
 * <pre>  g = tan(π·fc/fs),  2R = 1/Q
 *  hp = (x − (2R + g)·s1 − s2) / (1 + 2R·g + g²)
 *  bp = g·hp + s1,  s1 ← bp + g·hp
 *  lp = g·bp + s2,  s2 ← lp + g·bp</pre>
 *
 * <p>The output is lp, hp, the normalised band-pass {@code 2R·bp} (0 dB at fc) or the notch
 * {@code x − 2R·bp}. Because g is prewarped, the analog prototype's response at fc is kept
 * exactly: the low-pass at Q = 1/√2 is 3.01 dB down at the cutoff, and at higher Q it peaks at
 * Q there. The TPT form stays stable and free of zipper noise under audio-rate cutoff changes,
 * so when the cutoff or Q moves in the block, or {@code cutoff_cv} (1 V/oct) is connected,
 * the coefficients are recomputed every frame; otherwise once per block.
 */
public final class StateVariableFilter implements AudioModule {

  static final int IN = 0;
  static final int CUTOFF_CV = 1;
  static final int OUT = 2;
  static final int MODE = 0;
  static final int CUTOFF = 1;
  static final int RESONANCE = 2;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.svf", "State-variable filter", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("filter"),
      List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("cutoff_cv"),
          PortDescriptor.audioOut("out", 1)),
      List.of(
          ParameterDescriptor.choice("mode", "Mode", 0, "Low-pass", "High-pass", "Band-pass", "Notch"),
          Cutoff.PARAMETER,
          ParameterDescriptor.of("resonance", "Resonance (Q)", 0.5, 25, Math.sqrt(0.5), "")),
      0);

  private double sampleRate;
  private double s1;
  private double s2;

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
    int mode = (int) ctx.parameter(MODE);
    // Output = low·lp + band·(2R·bp) + high·hp, so one loop serves every mode.
    double low = mode == 0 || mode == 3 ? 1 : 0;
    double band = mode == 2 ? 1 : 0;
    double high = mode == 1 || mode == 3 ? 1 : 0;
    boolean cutoffConstant = ctx.isParameterConstant(CUTOFF);
    boolean resonanceConstant = ctx.isParameterConstant(RESONANCE);
    boolean moving = !cutoffConstant || !resonanceConstant || ctx.isConnected(CUTOFF_CV);
    float[] cutoffRamp = ctx.parameterRamp(CUTOFF);
    float[] resonanceRamp = ctx.parameterRamp(RESONANCE);
    double cutoff = ctx.parameter(CUTOFF);
    double r2 = damping(ctx.parameter(RESONANCE));
    double g = Cutoff.gain(cutoff, 0, sampleRate);
    double norm = 1 / (1 + g * (g + r2));
    double a = s1;
    double b = s2;
    for (int i = 0; i < frames; i++) {
      if (moving) {
        if (!resonanceConstant) {
          r2 = damping(resonanceRamp[i]);
        }
        g = Cutoff.gain(cutoffConstant ? cutoff : cutoffRamp[i], cv[i], sampleRate);
        norm = 1 / (1 + g * (g + r2));
      }
      double x = in[i];
      double hp = (x - (r2 + g) * a - b) * norm;
      double v1 = g * hp;
      double bp = v1 + a;
      a = Cutoff.flush(bp + v1);
      double v2 = g * bp;
      double lp = v2 + b;
      b = Cutoff.flush(lp + v2);
      out[i] = (float) Cutoff.flush(low * lp + band * r2 * bp + high * hp);
    }
    // A NaN or infinite input must not poison every later block.
    if (Double.isFinite(a) && Double.isFinite(b)) {
      s1 = a;
      s2 = b;
    } else {
      s1 = 0;
      s2 = 0;
    }
    return ProcessStatus.CONTINUE;
  }

  /** {@code 2R = 1/Q} with Q held to the parameter's range (NaN gives the lowest Q). */
  private static double damping(double q) {
    return 1 / (q >= 0.5 ? (q <= 25 ? q : 25) : 0.5);
  }

  @Override
  public void reset() {
    s1 = 0;
    s2 = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

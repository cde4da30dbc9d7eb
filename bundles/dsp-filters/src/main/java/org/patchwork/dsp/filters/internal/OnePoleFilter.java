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
 * A mono one-pole (6 dB/octave) low-pass or high-pass in Zavalishin's TPT form ("The Art of
 * VA Filter Design", rev. 2.1.0, ch. 3): one trapezoidal integrator with state s,
 *
 * <pre>  g = tan(π·fc/fs),  v = (x − s)·g/(1 + g),  lp = v + s,  s ← lp + v,  hp = x − lp</pre>
 *
 * i.e. the bilinear transform of {@code ωc/(s + ωc)} with the cutoff prewarped, so both
 * outputs are exactly 3.01 dB down at fc. Coefficients are recomputed every frame when the
 * cutoff moves in the block or {@code cutoff_cv} (1 V/oct) is connected.
 */
public final class OnePoleFilter implements AudioModule {

  static final int IN = 0;
  static final int CUTOFF_CV = 1;
  static final int OUT = 2;
  static final int MODE = 0;
  static final int CUTOFF = 1;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.onepole", "One-pole filter", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("filter"),
      List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("cutoff_cv"),
          PortDescriptor.audioOut("out", 1)),
      List.of(ParameterDescriptor.choice("mode", "Mode", 0, "Low-pass", "High-pass"), Cutoff.PARAMETER),
      0);

  private double sampleRate;
  private double state;

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
    boolean highPass = ctx.parameter(MODE) >= 0.5;
    boolean cutoffConstant = ctx.isParameterConstant(CUTOFF);
    boolean moving = !cutoffConstant || ctx.isConnected(CUTOFF_CV);
    float[] cutoffRamp = ctx.parameterRamp(CUTOFF);
    double cutoff = ctx.parameter(CUTOFF);
    double g = Cutoff.gain(cutoff, 0, sampleRate);
    double coefficient = g / (1 + g);
    double s = state;
    for (int i = 0; i < frames; i++) {
      if (moving) {
        g = Cutoff.gain(cutoffConstant ? cutoff : cutoffRamp[i], cv[i], sampleRate);
        coefficient = g / (1 + g);
      }
      double x = in[i];
      double v = (x - s) * coefficient;
      double lp = v + s;
      s = Cutoff.flush(lp + v);
      out[i] = (float) Cutoff.flush(highPass ? x - lp : lp);
    }
    state = Double.isFinite(s) ? s : 0;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    state = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

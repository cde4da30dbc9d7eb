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
 * A stereo voltage-controlled amplifier: {@code y = x · gain · r(cv)}, with the control voltage
 * limited to [0, 1] (a one-quadrant VCA: negative CV closes it, as in hardware) and read
 * through one of two responses:
 *
 * <pre>  linear       r(c) = c
 *  exponential  r(c) = (1000^c − 1) / 999</pre>
 *
 * The exponential response is about linear in decibels over its top 60 dB (c = 0.75 is
 * −15 dB, c = 0.5 is −30 dB), like an exponential VCA core, and still reaches exactly 0 at
 * c = 0 so a closed VCA is silent. With nothing on {@code cv} the VCA is fully open ({@code r = 1})
 * and the output is {@code x · gain}. The CV is read every frame (audio-rate amplitude
 * modulation is allowed); see Pirkle, "Designing Software Synthesizer Plug-ins in C++", 2015,
 * ch. 7 on DCA responses.
 */
public final class Vca implements AudioModule {

  static final int IN = 0;
  static final int CV = 1;
  static final int OUT = 2;
  static final int GAIN = 0;
  static final int RESPONSE = 1;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.vca", "VCA", "Patchwork", "1.0.0", ModuleKind.UTILITY,
      Set.of("utility"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.cvIn("cv"), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("gain", "Gain", 0, 2, 1, ""),
          ParameterDescriptor.choice("response", "Response", 0, "Linear", "Exponential")),
      0);

  private static final double SPAN = Math.log(1000);

  @Override
  public void activate(double sampleRate, int maxFrames) {
    // Stateless: nothing to allocate.
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] cv = ctx.input(CV, 0);
    boolean cvOn = ctx.isConnected(CV);
    boolean exponential = ctx.parameter(RESPONSE) >= 0.5;
    boolean gainConstant = ctx.isParameterConstant(GAIN);
    float[] gainRamp = ctx.parameterRamp(GAIN);
    double gain = Levels.clamp(ctx.parameter(GAIN), 0, 2);
    for (int ch = 0; ch < 2; ch++) {
      float[] in = ctx.input(IN, ch);
      float[] out = ctx.output(OUT, ch);
      for (int i = 0; i < frames; i++) {
        double g = gainConstant ? gain : Levels.clamp(gainRamp[i], 0, 2);
        if (cvOn) {
          g *= response(cv[i], exponential);
        }
        out[i] = Levels.sample(in[i] * g);
      }
    }
    return ProcessStatus.CONTINUE;
  }

  /** The VCA's opening for control voltage {@code c}; 0 for NaN. */
  static double response(double c, boolean exponential) {
    double x = Levels.clamp(c, 0, 1);
    // Math.exp, not expm1: an intrinsic, where expm1 is Java code whose compilation the
    // allocation check can catch; the precision near 0 is the same to 1e-16 absolute.
    return exponential ? (Math.exp(SPAN * x) - 1) / 999 : x;
  }

  @Override
  public void reset() {
    // No state to clear.
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

package org.patchwork.examples.gain;

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
 * A stereo gain in decibels: {@code y = x · 10^(g/20)}. When the gain moves inside a block the
 * host's per-frame ramp is followed, so automation never clicks.
 */
public final class GainModule implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int GAIN = 0;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.examples.gain", "Gain", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("utility", "example"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(ParameterDescriptor.of("gain", "Gain", -60, 24, 0, "dB")),
      0);

  @Override
  public void activate(double sampleRate, int maxFrames) {
    // Stateless: nothing to allocate.
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    boolean constant = ctx.isParameterConstant(GAIN);
    float fixed = (float) Math.pow(10, ctx.parameter(GAIN) / 20);
    float[] ramp = ctx.parameterRamp(GAIN);
    for (int ch = 0; ch < 2; ch++) {
      float[] in = ctx.input(IN, ch);
      float[] out = ctx.output(OUT, ch);
      if (constant) {
        for (int i = 0; i < frames; i++) {
          out[i] = in[i] * fixed;
        }
      } else {
        for (int i = 0; i < frames; i++) {
          out[i] = in[i] * (float) Math.pow(10, ramp[i] / 20);
        }
      }
    }
    return ProcessStatus.CONTINUE;
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

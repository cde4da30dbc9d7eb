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
  static final double MIN_DB = -60;
  static final double MAX_DB = 24;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.examples.gain", "Gain", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("utility", "example"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(ParameterDescriptor.of("gain", "Gain", MIN_DB, MAX_DB, 0, "dB")),
      0);

  @Override
  public void activate(double sampleRate, int maxFrames) {
    // Stateless: nothing to allocate.
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    boolean constant = ctx.isParameterConstant(GAIN);
    float fixed = linear(ctx.parameter(GAIN));
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
          out[i] = in[i] * linear(ramp[i]);
        }
      }
    }
    return ProcessStatus.CONTINUE;
  }

  /**
   * {@code 10^(dB/20)} with dB limited to the declared range (NaN gives the lowest): hosts clamp
   * parameter values, but a module must not rely on it, and +1000 dB would be infinite.
   */
  private static float linear(double db) {
    double limited = db >= MIN_DB ? Math.min(db, MAX_DB) : MIN_DB;
    return (float) Math.pow(10, limited / 20);
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

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
 * A stereo gain in decibels with phase invert: {@code y = ±x · 10^(g/20)}, where the bottom
 * of the range (−96 dB) means −∞, a gain of exactly 0.
 *
 * <p>The linear gain {@code a} (sign included) is smoothed by a one-pole low-pass with a
 * 5 ms time constant, {@code a ← a + (1 − e^{−1/(τ·fs)})·(target − a)}, so that flipping the
 * phase (a stepped parameter the host does not smooth) or jumping the gain never clicks; the
 * host's own glide on the decibel value comes first. Once within 1e-9 of its target the
 * smoother lands on it exactly, so a steady setting gives exactly the set gain. The first
 * block after activation or reset starts on the target.
 */
public final class Gain implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int GAIN = 0;
  static final int INVERT = 1;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.gain", "Gain", "Patchwork", "1.0.0", ModuleKind.UTILITY,
      Set.of("utility"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("gain", "Gain", Levels.FLOOR_DB, 24, 0, "dB"),
          ParameterDescriptor.choice("invert", "Phase invert", 0, "Off", "On")),
      0);

  private static final double TIME_CONSTANT_SECONDS = 0.005;
  private static final double LANDED = 1e-9;

  private double coefficient;
  private double current;
  private boolean fresh;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    coefficient = -Math.expm1(-1 / (TIME_CONSTANT_SECONDS * sampleRate));
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    double sign = ctx.parameter(INVERT) >= 0.5 ? -1 : 1;
    boolean gainConstant = ctx.isParameterConstant(GAIN);
    float[] ramp = ctx.parameterRamp(GAIN);
    double fixed = sign * Levels.gain(Levels.clamp(ctx.parameter(GAIN), Levels.FLOOR_DB, 24));
    if (fresh) {
      current = fixed;
      fresh = false;
    }
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    double a = current;
    double k = coefficient;
    for (int i = 0; i < frames; i++) {
      double target = gainConstant ? fixed
          : sign * Levels.gain(Levels.clamp(ramp[i], Levels.FLOOR_DB, 24));
      double d = target - a;
      a = d > -LANDED && d < LANDED ? target : a + k * d;
      outL[i] = Levels.sample(inL[i] * a);
      outR[i] = Levels.sample(inR[i] * a);
    }
    current = a;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    current = 0;
    fresh = true;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

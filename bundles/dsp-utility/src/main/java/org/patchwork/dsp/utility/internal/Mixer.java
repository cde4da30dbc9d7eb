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
 * Four stereo channels summed to a stereo bus:
 *
 * <pre>  L = m · Σ a_k · cos θ_k · L_k,   R = m · Σ a_k · sin θ_k · R_k,   θ = (p + 1)·π/4</pre>
 *
 * with channel level {@code a_k = 10^(level_k/20)}, master {@code m = 10^(master/20)} (the
 * bottom of either range, −96 dB, is silence) and pan {@code p} in [−1, 1]. The pan is the
 * equal-power (sine/cosine) law: {@code cos² θ + sin² θ = 1}, so a mono source keeps its power
 * as it moves and sits at −3.01 dB in each side at the centre (Griesinger, "Stereo and Surround
 * Panning in Practice", AES 112, 2002). On a stereo source it works as a balance control.
 * Levels and pans follow the host's per-frame ramps while they move; unconnected channels are
 * skipped.
 */
public final class Mixer implements AudioModule {

  static final int CHANNELS = 4;
  static final int OUT = CHANNELS;
  /** Parameter index of channel k's level; its pan is the next one. */
  static final int MASTER = 2 * CHANNELS;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.mixer", "Mixer", "Patchwork", "1.0.0", ModuleKind.UTILITY,
      Set.of("utility", "mixer"),
      List.of(PortDescriptor.audioIn("in1", 2), PortDescriptor.audioIn("in2", 2),
          PortDescriptor.audioIn("in3", 2), PortDescriptor.audioIn("in4", 2),
          PortDescriptor.audioOut("out", 2)),
      List.of(
          level(1), pan(1), level(2), pan(2), level(3), pan(3), level(4), pan(4),
          ParameterDescriptor.of("master", "Master level", Levels.FLOOR_DB, 12, 0, "dB")),
      0);

  private static final double QUARTER_PI = Math.PI / 4;

  private static ParameterDescriptor level(int k) {
    return ParameterDescriptor.of("level" + k, "Level " + k, Levels.FLOOR_DB, 12, 0, "dB");
  }

  private static ParameterDescriptor pan(int k) {
    return ParameterDescriptor.of("pan" + k, "Pan " + k, -1, 1, 0, "");
  }

  @Override
  public void activate(double sampleRate, int maxFrames) {
    // Stateless: nothing to allocate.
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    java.util.Arrays.fill(outL, 0, frames, 0f);
    java.util.Arrays.fill(outR, 0, frames, 0f);
    for (int k = 0; k < CHANNELS; k++) {
      if (ctx.isConnected(k)) {
        add(ctx, k, frames, outL, outR);
      }
    }
    boolean masterConstant = ctx.isParameterConstant(MASTER);
    float[] masterRamp = ctx.parameterRamp(MASTER);
    double master = masterGain(ctx.parameter(MASTER));
    for (int i = 0; i < frames; i++) {
      double m = masterConstant ? master : masterGain(masterRamp[i]);
      outL[i] = Levels.sample(outL[i] * m);
      outR[i] = Levels.sample(outR[i] * m);
    }
    return ProcessStatus.CONTINUE;
  }

  private static void add(ProcessContext ctx, int k, int frames, float[] outL, float[] outR) {
    int levelIndex = 2 * k;
    int panIndex = levelIndex + 1;
    float[] inL = ctx.input(k, 0);
    float[] inR = ctx.input(k, 1);
    boolean levelConstant = ctx.isParameterConstant(levelIndex);
    boolean panConstant = ctx.isParameterConstant(panIndex);
    float[] levelRamp = ctx.parameterRamp(levelIndex);
    float[] panRamp = ctx.parameterRamp(panIndex);
    double level = Levels.gain(Levels.clamp(ctx.parameter(levelIndex), Levels.FLOOR_DB, 12));
    double pan = Levels.clamp(ctx.parameter(panIndex), -1, 1);
    double gl = level * left(pan);
    double gr = level * right(pan);
    boolean moving = !levelConstant || !panConstant;
    for (int i = 0; i < frames; i++) {
      if (moving) {
        double a = levelConstant ? level : Levels.gain(Levels.clamp(levelRamp[i], Levels.FLOOR_DB, 12));
        double p = panConstant ? pan : Levels.clamp(panRamp[i], -1, 1);
        gl = a * left(p);
        gr = a * right(p);
      }
      outL[i] += (float) (inL[i] * gl);
      outR[i] += (float) (inR[i] * gr);
    }
  }

  /** {@code cos θ} written as {@code sin((1 − p)·π/4)}, so a hard pan gives exactly 0. */
  static double left(double pan) {
    return Math.sin((1 - pan) * QUARTER_PI);
  }

  /** {@code sin θ = sin((1 + p)·π/4)}. */
  static double right(double pan) {
    return Math.sin((1 + pan) * QUARTER_PI);
  }

  private static double masterGain(double db) {
    return Levels.gain(Levels.clamp(db, Levels.FLOOR_DB, 12));
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

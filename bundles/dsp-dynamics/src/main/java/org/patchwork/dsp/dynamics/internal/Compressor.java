package org.patchwork.dsp.dynamics.internal;

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
 * A stereo-linked, feed-forward compressor after Giannoulis, Massberg and Reiss, "Digital
 * Dynamic Range Compressor Design — A Tutorial and Analysis", JAES 60(6), 2012: the level is
 * taken in dB, passed through the static gain computer, and the gain reduction is smoothed in
 * the log domain by the smooth branching peak detector, placed after the gain computer: the
 * design the paper recommends.
 *
 * <p>Level x<sub>G</sub> (dB; both channels, or the {@code sidechain} input when connected):
 * peak mode {@code 20·log10(max|x|)}; RMS mode {@code 10·log10(2·ms)} where ms is the mean
 * square of the channels averaged by a 10 ms one-pole. The factor 2 calibrates RMS to sine
 * peaks: a steady sine reads the same level in both modes. Soft-knee gain computer, threshold T,
 * ratio R, knee width W:
 *
 * <pre>  y = x                              for 2(x − T) &lt; −W
 *  y = x + (1/R − 1)(x − T + W/2)²/(2W)  for 2|x − T| ≤ W
 *  y = T + (x − T)/R                  for 2(x − T) &gt; W</pre>
 *
 * Detector on the gain reduction x<sub>L</sub> = x<sub>G</sub> − y, α = exp(−1/(τ·fs)):
 * {@code y_L ← α_A·y_L + (1 − α_A)·x_L} when x<sub>L</sub> &gt; y<sub>L</sub>, else with α_R;
 * so a level step reaches 63 % of its gain change after the attack time, and recovers 63 % after
 * the release time. Output {@code x·10^((makeup − y_L)/20)}, the same gain on both channels.
 *
 * <p>The {@code gain_reduction} CV output carries y<sub>L</sub>/10: 0 for none, 1.0 per 10 dB
 * of gain reduction (makeup not included), never negative.
 */
public final class Compressor implements AudioModule {

  static final int IN = 0;
  static final int SIDECHAIN = 1;
  static final int OUT = 2;
  static final int GAIN_REDUCTION = 3;

  static final ParameterDescriptor P_DETECTOR = ParameterDescriptor.choice("detector", "Detector", 0, "Peak", "RMS");
  static final ParameterDescriptor P_THRESHOLD = ParameterDescriptor.of("threshold", "Threshold", -60, 0, -18, "dB");
  static final ParameterDescriptor P_RATIO = ParameterDescriptor.of("ratio", "Ratio", 1, 20, 4, ":1");
  static final ParameterDescriptor P_KNEE = ParameterDescriptor.of("knee", "Knee", 0, 24, 6, "dB");
  static final ParameterDescriptor P_ATTACK = ParameterDescriptor.of("attack", "Attack", 0.05, 200, 10, "ms");
  static final ParameterDescriptor P_RELEASE = ParameterDescriptor.of("release", "Release", 5, 2000, 100, "ms");
  static final ParameterDescriptor P_MAKEUP = ParameterDescriptor.of("makeup", "Makeup gain", 0, 24, 0, "dB");

  static final int DETECTOR = 0;
  static final int THRESHOLD = 1;
  static final int RATIO = 2;
  static final int KNEE = 3;
  static final int ATTACK = 4;
  static final int RELEASE = 5;
  static final int MAKEUP = 6;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.compressor", "Compressor", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "dynamics"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioIn("sidechain", 2),
          PortDescriptor.audioOut("out", 2), PortDescriptor.cvOut("gain_reduction")),
      List.of(P_DETECTOR, P_THRESHOLD, P_RATIO, P_KNEE, P_ATTACK, P_RELEASE, P_MAKEUP),
      0);

  /** Levels below this (−200 dB) read as this, so log10 never sees 0. */
  private static final double FLOOR = 1e-10;
  private static final double RMS_MILLIS = 10;

  private double sampleRate;
  private double rmsCoefficient;
  /** Mean square of the detector input (RMS mode). */
  private double meanSquare;
  /** Smoothed gain reduction y_L in dB, ≥ 0. */
  private double reduction;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    rmsCoefficient = Dsp.pole(RMS_MILLIS, sampleRate);
    reset();
  }

  /** The static curve: the gain computer's output level y<sub>G</sub> for input level x (dB). */
  static double curve(double x, double threshold, double ratio, double knee) {
    double over = x - threshold;
    if (2 * over < -knee) {
      return x;
    }
    if (knee > 0 && 2 * over <= knee) {
      double k = over + knee / 2;
      return x + (1 / ratio - 1) * k * k / (2 * knee);
    }
    return threshold + over / ratio;
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    boolean keyed = ctx.isConnected(SIDECHAIN);
    float[] keyL = keyed ? ctx.input(SIDECHAIN, 0) : inL;
    float[] keyR = keyed ? ctx.input(SIDECHAIN, 1) : inR;
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    float[] grOut = ctx.output(GAIN_REDUCTION, 0);
    boolean rms = Dsp.choice(ctx.parameter(DETECTOR), P_DETECTOR) == 1;
    double threshold = Dsp.clamp(ctx.parameter(THRESHOLD), P_THRESHOLD);
    double ratio = Dsp.clamp(ctx.parameter(RATIO), P_RATIO);
    double knee = Dsp.clamp(ctx.parameter(KNEE), P_KNEE);
    double attack = Dsp.pole(Dsp.clamp(ctx.parameter(ATTACK), P_ATTACK), sampleRate);
    double release = Dsp.pole(Dsp.clamp(ctx.parameter(RELEASE), P_RELEASE), sampleRate);
    boolean makeupConstant = ctx.isParameterConstant(MAKEUP);
    float[] makeupRamp = ctx.parameterRamp(MAKEUP);
    double makeup = Dsp.clamp(ctx.parameter(MAKEUP), P_MAKEUP);
    double rmsC = rmsCoefficient;
    double ms = meanSquare;
    double yL = reduction;
    for (int i = 0; i < frames; i++) {
      double a = keyL[i];
      double b = keyR[i];
      double level;
      if (rms) {
        ms = Dsp.flush(rmsC * ms + (1 - rmsC) * 0.5 * (a * a + b * b));
        level = 2 * ms;
        level = 10 * Math.log10(level > FLOOR * FLOOR ? level : FLOOR * FLOOR);
      } else {
        double peak = Math.max(Math.abs(a), Math.abs(b));
        level = 20 * Math.log10(peak > FLOOR ? peak : FLOOR);
      }
      double xL = level - curve(level, threshold, ratio, knee);
      double alpha = xL > yL ? attack : release;
      yL = Dsp.flush(alpha * yL + (1 - alpha) * xL);
      if (!makeupConstant) {
        makeup = Dsp.clamp(makeupRamp[i], P_MAKEUP);
      }
      double g = Dsp.gain(makeup - yL);
      outL[i] = Dsp.out(inL[i] * g);
      outR[i] = Dsp.out(inR[i] * g);
      grOut[i] = Dsp.out(yL * 0.1);
    }
    // A NaN or infinite input must not poison every later block.
    meanSquare = Double.isFinite(ms) ? ms : 0;
    reduction = Double.isFinite(yL) ? yL : 0;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    meanSquare = 0;
    reduction = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

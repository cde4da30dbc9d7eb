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
 * A stereo waveshaper run at 1×, 2×, 4× or 8× the sample rate so that the harmonics the curve
 * makes above Nyquist are filtered out instead of folding back as inharmonic aliases (see
 * {@link Oversampler}; the up/down filters are designed in {@link #activate}). At the high
 * rate, with drive d (linear), bias b and curve f:
 *
 * <pre>  wet = dcblock(f(d·x + b) − f(b)),   y = level·(mix·wet + (1 − mix)·x)</pre>
 *
 * Curves: tanh; hard clip to ±1; cubic soft clip {@code 1.5v − 0.5v³}, v = clamp(2u/3, ±1)
 * (unit slope at 0, flat from |u| = 1.5); triangle foldback, reflecting at ±1 (as in the
 * musicdsp.org "foldback distortion"); asymmetric "tube" {@code 1 − e^−u} for u ≥ 0,
 * {@code 2(e^(u/2) − 1)} below (unit slope at 0, harder on top, so even harmonics appear).
 * Subtracting f(b) keeps silence silent; the 5 Hz DC blocker
 * {@code y[n] = x[n] − x[n−1] + R·y[n−1]}, R = 1 − 2π·5/fs_high, removes the DC that bias and
 * the asymmetric curve make from a signal. It always runs on the wet path (not only when the
 * bias is not 0), so that sweeping the bias through 0 never switches it and clicks. The dry
 * part goes through the same up/down filters, so dry and wet stay phase aligned for any mix.
 *
 * <p>The IIR half-band filters are not linear phase; their group delay (a few samples at
 * 48 kHz, frequency dependent) is not a whole-sample latency and is not declared.
 */
public final class Waveshaper implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;

  static final ParameterDescriptor P_DRIVE = ParameterDescriptor.of("drive", "Drive", 0, 48, 12, "dB");
  static final ParameterDescriptor P_SHAPE = ParameterDescriptor.choice("shape", "Shape", 0,
      "Tanh", "Hard clip", "Soft clip (cubic)", "Foldback", "Tube (asymmetric)");
  static final ParameterDescriptor P_BIAS = ParameterDescriptor.of("bias", "Bias", -1, 1, 0, "");
  static final ParameterDescriptor P_LEVEL = ParameterDescriptor.of("level", "Output level", -36, 12, 0, "dB");
  static final ParameterDescriptor P_MIX = ParameterDescriptor.of("mix", "Mix", 0, 100, 100, "%");
  static final ParameterDescriptor P_OVERSAMPLING = ParameterDescriptor.choice("oversampling", "Oversampling",
      2, "1x", "2x", "4x", "8x");

  static final int DRIVE = 0;
  static final int SHAPE = 1;
  static final int BIAS = 2;
  static final int LEVEL = 3;
  static final int MIX = 4;
  static final int OVERSAMPLING = 5;

  static final int TANH = 0;
  static final int HARD = 1;
  static final int CUBIC = 2;
  static final int FOLDBACK = 3;
  static final int TUBE = 4;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.waveshaper", "Waveshaper", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "distortion"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(P_DRIVE, P_SHAPE, P_BIAS, P_LEVEL, P_MIX, P_OVERSAMPLING),
      0);

  private static final double DC_HZ = 5;

  private double sampleRate;
  private final Oversampler[] oversamplers = new Oversampler[2];
  private final double[] dcIn = new double[2];
  private final double[] dcOut = new double[2];
  private int stages = -1;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    oversamplers[0] = new Oversampler(maxFrames);
    oversamplers[1] = new Oversampler(maxFrames);
    reset();
  }

  /** The curve, with its own guards: any finite u gives a finite result in [−2, 1]. */
  static double shape(int kind, double u) {
    switch (kind) {
      case HARD:
        return u > 1 ? 1 : u < -1 ? -1 : u;
      case CUBIC: {
        double v = u * (2.0 / 3);
        v = v > 1 ? 1 : v < -1 ? -1 : v;
        return 1.5 * v - 0.5 * v * v * v;
      }
      case FOLDBACK: {
        if (u >= -1 && u <= 1) {
          return u;
        }
        double w = u + 1;
        w -= 4 * Math.floor(w / 4);
        return 1 - Math.abs(w - 2);
      }
      case TUBE:
        return u >= 0 ? 1 - Math.exp(-u) : 2 * (Math.exp(0.5 * u) - 1);
      default:
        return Math.tanh(u);
    }
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    int kind = Dsp.choice(ctx.parameter(SHAPE), P_SHAPE);
    int k = Dsp.choice(ctx.parameter(OVERSAMPLING), P_OVERSAMPLING);
    if (k != stages) {
      // The other stages' filters hold stale state: start the new chain from silence.
      clearState();
      stages = k;
    }
    boolean driveConstant = ctx.isParameterConstant(DRIVE);
    boolean biasConstant = ctx.isParameterConstant(BIAS);
    boolean mixConstant = ctx.isParameterConstant(MIX);
    boolean levelConstant = ctx.isParameterConstant(LEVEL);
    float[] driveRamp = ctx.parameterRamp(DRIVE);
    float[] biasRamp = ctx.parameterRamp(BIAS);
    float[] mixRamp = ctx.parameterRamp(MIX);
    float[] levelRamp = ctx.parameterRamp(LEVEL);
    double drive0 = Dsp.gain(Dsp.clamp(ctx.parameter(DRIVE), P_DRIVE));
    double bias0 = Dsp.clamp(ctx.parameter(BIAS), P_BIAS);
    double mix0 = Dsp.clamp(ctx.parameter(MIX), P_MIX) * 0.01;
    double level0 = Dsp.gain(Dsp.clamp(ctx.parameter(LEVEL), P_LEVEL));
    double r = 1 - 2 * Math.PI * DC_HZ / (sampleRate * (1 << k));
    for (int ch = 0; ch < 2; ch++) {
      Oversampler os = oversamplers[ch];
      double[] high = os.up(ctx.input(IN, ch), frames, k);
      int n = frames << k;
      double drive = drive0;
      double bias = bias0;
      double mix = mix0;
      double offset = shape(kind, bias);
      double x1 = dcIn[ch];
      double y1 = dcOut[ch];
      for (int j = 0; j < n; j++) {
        int i = j >> k;
        if (!driveConstant) {
          drive = Dsp.gain(Dsp.clamp(driveRamp[i], P_DRIVE));
        }
        if (!biasConstant) {
          bias = Dsp.clamp(biasRamp[i], P_BIAS);
          offset = shape(kind, bias);
        }
        if (!mixConstant) {
          mix = Dsp.clamp(mixRamp[i], P_MIX) * 0.01;
        }
        double x = high[j];
        double shaped = shape(kind, drive * x + bias) - offset;
        double wet = shaped - x1 + r * y1;
        x1 = shaped;
        y1 = Dsp.flush(wet);
        high[j] = mix * wet + (1 - mix) * x;
      }
      dcIn[ch] = x1 - x1 == 0 ? Dsp.flush(x1) : 0;
      dcOut[ch] = y1 - y1 == 0 ? y1 : 0;
      double[] base = os.down(high, frames, k);
      float[] out = ctx.output(OUT, ch);
      double level = level0;
      for (int i = 0; i < frames; i++) {
        if (!levelConstant) {
          level = Dsp.gain(Dsp.clamp(levelRamp[i], P_LEVEL));
        }
        out[i] = Dsp.out(level * base[i]);
      }
      os.flush();
    }
    return ProcessStatus.CONTINUE;
  }

  private void clearState() {
    oversamplers[0].clear();
    oversamplers[1].clear();
    dcIn[0] = 0;
    dcIn[1] = 0;
    dcOut[0] = 0;
    dcOut[1] = 0;
  }

  @Override
  public void reset() {
    clearState();
  }

  @Override
  public void deactivate() {
    oversamplers[0] = null;
    oversamplers[1] = null;
  }
}

package org.patchwork.dsp.oscillators.internal;

import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Pink noise (power ∝ 1/f, −3 dB per octave) by Paul Kellet's "refined" filter
 * (music-dsp mailing list, 1999; musicdsp.org "Pink noise filter"): white noise {@code w}
 * ({@link Noise}) feeds six one-pole low-passes in parallel plus a direct and a one-sample
 * term,
 *
 * <pre>  b_i ← p_i·b_i + g_i·w    (p = .99886 .99332 .96900 .86650 .55000 −.7616)
 *  pink = Σ b_i + 0.5362·w + 0.115926·w[n−1]</pre>
 *
 * which stays within ±0.05 dB of 1/f above 9.2 Hz at 44.1 kHz; the coefficients are fixed, so
 * at another rate the fitted band scales with it (9.2·fs/44.1k Hz up to near Nyquist). The sum
 * is scaled by 1/3.0525, its RMS gain, so pink and white noise of the same level have the
 * same RMS ({@code level/√3}). Silent until the first NOTE_ON, then it runs freely (gate it
 * with an envelope).
 */
public final class PinkNoise implements AudioModule {

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.pink_noise", "Pink noise", "Patchwork", "1.0.0",
      ModuleKind.INSTRUMENT, Set.of("oscillator", "noise"), Noise.PORTS, Noise.PARAMETERS, 0);

  /** 1/√(Σ h[n]²) of the filter's impulse response, computed once offline. */
  private static final double NORMALISE = 1 / 3.0525275463;

  private long state;
  private double seed = -1;
  /** False until the first note: an instrument is silent until played. */
  private boolean started;
  private double b0;
  private double b1;
  private double b2;
  private double b3;
  private double b4;
  private double b5;
  private double b6;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    double wanted = ctx.parameter(Noise.SEED);
    if (wanted != seed) {
      seed = wanted;
      state = (long) wanted;
    }
    int frames = ctx.frames();
    float[] out = ctx.output(Noise.OUT, 0);
    int begin = started ? 0 : Frequency.firstSound(ctx, Noise.OUT);
    if (begin >= frames) {
      return ProcessStatus.SILENT;
    }
    started = true;
    for (int i = 0; i < begin; i++) {
      out[i] = 0f;
    }
    boolean levelConstant = ctx.isParameterConstant(Noise.LEVEL);
    float[] levelRamp = ctx.parameterRamp(Noise.LEVEL);
    double level = ctx.parameter(Noise.LEVEL) * NORMALISE;
    long s = state;
    double c0 = b0;
    double c1 = b1;
    double c2 = b2;
    double c3 = b3;
    double c4 = b4;
    double c5 = b5;
    double c6 = b6;
    for (int i = begin; i < frames; i++) {
      s = Noise.advance(s);
      double w = Noise.uniform(s);
      c0 = 0.99886 * c0 + w * 0.0555179;
      c1 = 0.99332 * c1 + w * 0.0750759;
      c2 = 0.96900 * c2 + w * 0.1538520;
      c3 = 0.86650 * c3 + w * 0.3104856;
      c4 = 0.55000 * c4 + w * 0.5329522;
      c5 = -0.7616 * c5 - w * 0.0168980;
      double pink = c0 + c1 + c2 + c3 + c4 + c5 + c6 + w * 0.5362;
      c6 = w * 0.115926;
      double gain = levelConstant ? level : levelRamp[i] * NORMALISE;
      out[i] = (float) (gain * pink);
    }
    state = s;
    b0 = c0;
    b1 = c1;
    b2 = c2;
    b3 = c3;
    b4 = c4;
    b5 = c5;
    b6 = c6;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    started = false;
    seed = -1;
    b0 = 0;
    b1 = 0;
    b2 = 0;
    b3 = 0;
    b4 = 0;
    b5 = 0;
    b6 = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

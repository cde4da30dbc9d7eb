package org.patchwork.dsp.oscillators.internal;

import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * White noise: independent samples uniform in (−level, level), so the RMS is
 * {@code level/√3} and the spectrum is flat. Reproducible: the {@code seed} parameter starts
 * the generator ({@link Noise}), and {@link #reset()} starts it again. Silent until the first
 * NOTE_ON, then it runs freely (gate it with an envelope).
 */
public final class WhiteNoise implements AudioModule {

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.white_noise", "White noise", "Patchwork", "1.0.0",
      ModuleKind.INSTRUMENT, Set.of("oscillator", "noise"), Noise.PORTS, Noise.PARAMETERS, 0);

  private long state;
  private double seed = -1;
  /** False until the first note: an instrument is silent until played. */
  private boolean started;

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
    double level = ctx.parameter(Noise.LEVEL);
    long s = state;
    for (int i = begin; i < frames; i++) {
      s = Noise.advance(s);
      out[i] = (float) ((levelConstant ? level : levelRamp[i]) * Noise.uniform(s));
    }
    state = s;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    started = false;
    // The next block seeds again from the parameter.
    seed = -1;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

package org.patchwork.dsp.oscillators.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A sine oscillator: {@code y[n] = level · sin(2π·φ[n])}, {@code φ[n+1] = φ[n] + f[n]/fs}
 * (mod 1), with f from {@link Frequency}.
 *
 * <p>A sine has no corners, so it needs no band-limiting and no delay. Unlike the other
 * oscillators its frequency may go negative under linear FM (through-zero FM, as in
 * Chowning's "The Synthesis of Complex Audio Spectra by Means of Frequency Modulation",
 * JAES 21(7), 1973): the phase then runs backwards instead of stopping.
 *
 * <p>It is silent (exactly 0.0) until played: from the frame of the first NOTE_ON, or at once
 * when an input is connected ({@link Frequency#firstSound}); then it runs freely, keeping the
 * last key after NOTE_OFF (gate it with an envelope). {@code reset} silences it again, and it
 * starts at phase 0, so without a click.
 */
public final class SineOscillator implements AudioModule {

  static final int OUT = 3;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.sine", "Sine", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), ports(), Frequency.PARAMETERS, 0);

  private static final double TWO_PI = 2 * Math.PI;

  private final Frequency frequency = new Frequency();
  private double phase;
  private boolean started;

  private static List<PortDescriptor> ports() {
    List<PortDescriptor> ports = new ArrayList<>(Frequency.PORTS);
    ports.add(PortDescriptor.audioOut("out", 1));
    return ports;
  }

  @Override
  public void activate(double sampleRate, int maxFrames) {
    frequency.activate(maxFrames);
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    double[] inc = frequency.compute(ctx, -Frequency.MAX_INCREMENT, Frequency.MAX_INCREMENT);
    float[] out = ctx.output(OUT, 0);
    boolean levelConstant = ctx.isParameterConstant(Frequency.LEVEL);
    float[] levelRamp = ctx.parameterRamp(Frequency.LEVEL);
    double level = ctx.parameter(Frequency.LEVEL);
    int begin = started ? 0 : Frequency.firstSound(ctx, OUT);
    if (begin >= frames) {
      return ProcessStatus.SILENT;
    }
    started = true;
    for (int i = 0; i < begin; i++) {
      out[i] = 0f;
    }
    double p = phase;
    for (int i = begin; i < frames; i++) {
      out[i] = (float) ((levelConstant ? level : levelRamp[i]) * Math.sin(TWO_PI * p));
      p += inc[i];
      // floor rather than a compare: the phase may run backwards.
      p -= Math.floor(p);
    }
    phase = p;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    frequency.reset();
    phase = 0;
    started = false;
  }

  @Override
  public void deactivate() {
    // Nothing beyond the frequency buffer, which the next activate replaces.
  }
}

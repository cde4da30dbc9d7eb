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
 */
public final class SineOscillator implements AudioModule {

  static final int OUT = 3;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.sine", "Sine", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), ports(), Frequency.PARAMETERS, 0);

  private static final double TWO_PI = 2 * Math.PI;

  private final Frequency frequency = new Frequency();
  private double phase;

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
    double p = phase;
    for (int i = 0; i < frames; i++) {
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
  }

  @Override
  public void deactivate() {
    // Nothing beyond the frequency buffer, which the next activate replaces.
  }
}

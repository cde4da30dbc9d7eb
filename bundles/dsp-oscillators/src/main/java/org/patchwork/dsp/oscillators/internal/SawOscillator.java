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
 * A band-limited sawtooth by PolyBLEP (Välimäki and Huovilainen, IEEE SPM 2007).
 *
 * <p>The naive saw {@code s(φ) = 2φ − 1} of the phase {@code φ[n+1] = φ[n] + f[n]/fs (mod 1)}
 * drops by 2 at every wrap; the two-point polyBLEP residual of {@link Blep} replaces that
 * step with a band-limited one. At 48 kHz and about 1 kHz the strongest alias is 36 dB below
 * the fundamental (just under Nyquist) and 55 dB below it under 10 kHz; a naive saw manages
 * 27 and 29 dB (figures measured by the test). Frequency comes
 * from {@link Frequency}. A rising zero crossing on {@code sync} resets the phase at the
 * interpolated sub-sample instant, and the resulting jump gets its own polyBLEP. The output is
 * delayed by one frame so that the correction before a corner can still be applied.
 *
 * <p>Silent (exactly 0.0) until played, then free-running, as {@link SineOscillator} describes;
 * it starts from the phase {@code reset} sets.
 */
public final class SawOscillator implements AudioModule {

  static final int SYNC = 3;
  static final int OUT = 4;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.saw", "Saw", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), ports(), Frequency.PARAMETERS, 1);

  private final Frequency frequency = new Frequency();
  private double phase;
  private double held;
  private double previousSync;
  /** False until played (see {@link Frequency#firstSound}): an instrument is silent until then. */
  private boolean started;

  static List<PortDescriptor> ports() {
    List<PortDescriptor> ports = new ArrayList<>(Frequency.PORTS);
    ports.add(PortDescriptor.cvIn("sync"));
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
    double[] inc = frequency.compute(ctx, 0, Frequency.MAX_INCREMENT);
    float[] out = ctx.output(OUT, 0);
    float[] sync = ctx.input(SYNC, 0);
    boolean syncOn = ctx.isConnected(SYNC);
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
    double pending = held;
    double lastSync = previousSync;
    for (int i = begin; i < frames; i++) {
      double dt = inc[i];
      double y = pending;
      double after = 0;
      p += dt;
      double d = syncOn ? Blep.risingCrossing(lastSync, sync[i]) : -1;
      if (d > 0) {
        double atCrossing = p - d * dt;
        if (atCrossing >= 1) {
          atCrossing -= 1;
        }
        double h = -2 * atCrossing; // from 2φ−1 down to −1
        y += Blep.stepBefore(h, d);
        after = Blep.stepAfter(h, d);
        p = d * dt;
      } else if (p >= 1) {
        p -= 1;
        d = p / dt;
        y += Blep.stepBefore(-2, d);
        after = Blep.stepAfter(-2, d);
      }
      lastSync = sync[i];
      pending = 2 * p - 1 + after;
      out[i] = (float) (y * (levelConstant ? level : levelRamp[i]));
    }
    phase = p;
    held = pending;
    previousSync = lastSync;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    frequency.reset();
    // Start at the zero crossing so the first frame does not click.
    phase = 0.5;
    held = 0;
    previousSync = 0;
    started = false;
  }

  @Override
  public void deactivate() {
    // Nothing beyond the frequency buffer, which the next activate replaces.
  }
}

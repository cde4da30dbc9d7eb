package org.patchwork.dsp.oscillators.internal;

import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A band-limited triangle by PolyBLAMP (Esqueda, Välimäki and Bilbao, "Rounding Corners with
 * BLAMP", DAFx 2016).
 *
 * <p>The naive triangle {@code t(φ) = 4φ − 1} for {@code φ < ½} and {@code 3 − 4φ} after has
 * no steps, only corners: its slope changes by {@code −8·f/fs} per frame at {@code φ = ½} and
 * by {@code +8·f/fs} at the wrap. Each corner gets the two-point polyBLAMP of {@link Blep} at
 * its sub-sample position; at 48 kHz and about 1 kHz the strongest alias is 64 dB below the
 * fundamental (measured by the test). Unlike a leaky integrator of a band-limited square,
 * this keeps no DC state, so pitch jumps, FM and hard sync cannot make it drift. A sync reset to
 * {@code φ = 0} makes a step (polyBLEP) and, on the falling half, a corner (polyBLAMP). The
 * output is delayed by one frame.
 *
 * <p>Silent (exactly 0.0) until played, then free-running, as {@link SineOscillator} describes;
 * it starts from the phase {@code reset} sets.
 */
public final class TriangleOscillator implements AudioModule {

  static final int SYNC = 3;
  static final int OUT = 4;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.triangle", "Triangle", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), SawOscillator.ports(), Frequency.PARAMETERS, 1);

  private final Frequency frequency = new Frequency();
  private double phase;
  private double held;
  private double previousSync;
  /** False until played (see {@link Frequency#firstSound}): an instrument is silent until then. */
  private boolean started;

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
      double corner = 8 * dt;
      double y = pending;
      double after = 0;
      double next = p + dt;
      double d = syncOn ? Blep.risingCrossing(lastSync, sync[i]) : -1;
      if (d > 0) {
        double atCrossing = next - d * dt;
        if (atCrossing >= 1) {
          atCrossing -= 1;
        }
        double h = -1 - naive(atCrossing);
        y += Blep.stepBefore(h, d);
        after += Blep.stepAfter(h, d);
        if (atCrossing >= 0.5) { // falling before the reset, rising after it
          y += Blep.rampBefore(corner, d);
          after += Blep.rampAfter(corner, d);
        }
        next = d * dt;
      } else {
        if (p < 0.5 && next >= 0.5) {
          d = (next - 0.5) / dt;
          y += Blep.rampBefore(-corner, d);
          after += Blep.rampAfter(-corner, d);
        }
        if (next >= 1) {
          next -= 1;
          d = next / dt;
          y += Blep.rampBefore(corner, d);
          after += Blep.rampAfter(corner, d);
        }
      }
      p = next;
      lastSync = sync[i];
      pending = naive(p) + after;
      out[i] = (float) (y * (levelConstant ? level : levelRamp[i]));
    }
    phase = p;
    held = pending;
    previousSync = lastSync;
    return ProcessStatus.CONTINUE;
  }

  private static double naive(double phase) {
    return phase < 0.5 ? 4 * phase - 1 : 3 - 4 * phase;
  }

  @Override
  public void reset() {
    frequency.reset();
    // Start at the rising zero crossing so the first frame does not click.
    phase = 0.25;
    held = 0;
    previousSync = 0;
    started = false;
  }

  @Override
  public void deactivate() {
    // Nothing beyond the frequency buffer, which the next activate replaces.
  }
}

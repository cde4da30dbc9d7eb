package org.patchwork.dsp.oscillators.internal;

import java.util.ArrayList;
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
 * A band-limited pulse with variable width by PolyBLEP (Välimäki and Huovilainen, IEEE SPM
 * 2007).
 *
 * <p>The naive pulse is {@code +1} while the phase {@code φ < w} and {@code −1} after, so it
 * falls by 2 where φ crosses the width {@code w = width + pwm[n]} (limited to 0.01..0.99) and
 * rises by 2 at the wrap. Each edge is found at its sub-sample position and gets a two-point
 * polyBLEP ({@link Blep}); a narrow pulse at a high pitch may have both edges in one frame.
 * Hard sync works as in {@link SawOscillator}. The output is delayed by one frame. A width
 * that moves across a standing phase is not band-limited, which is inaudible at modulation
 * rates.
 *
 * <p>Silent (exactly 0.0) until played, then free-running, as {@link SineOscillator} describes;
 * it starts from the phase {@code reset} sets.
 */
public final class SquareOscillator implements AudioModule {

  static final int SYNC = 3;
  static final int PWM = 4;
  static final int OUT = 5;
  static final int WIDTH = 3;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.square", "Square", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), ports(), parameters(), 1);

  private static final double MIN_WIDTH = 0.01;
  private static final double MAX_WIDTH = 0.99;

  private final Frequency frequency = new Frequency();
  private double phase;
  private double held;
  private double previousSync;
  /** False until played (see {@link Frequency#firstSound}): an instrument is silent until then. */
  private boolean started;

  private static List<PortDescriptor> ports() {
    List<PortDescriptor> ports = new ArrayList<>(Frequency.PORTS);
    ports.add(PortDescriptor.cvIn("sync"));
    ports.add(PortDescriptor.cvIn("pwm"));
    ports.add(PortDescriptor.audioOut("out", 1));
    return ports;
  }

  private static List<ParameterDescriptor> parameters() {
    List<ParameterDescriptor> parameters = new ArrayList<>(Frequency.PARAMETERS);
    parameters.add(ParameterDescriptor.of("width", "Pulse width", MIN_WIDTH, MAX_WIDTH, 0.5, ""));
    return parameters;
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
    float[] pwm = ctx.input(PWM, 0);
    boolean levelConstant = ctx.isParameterConstant(Frequency.LEVEL);
    float[] levelRamp = ctx.parameterRamp(Frequency.LEVEL);
    double level = ctx.parameter(Frequency.LEVEL);
    boolean widthConstant = ctx.isParameterConstant(WIDTH);
    float[] widthRamp = ctx.parameterRamp(WIDTH);
    double width = ctx.parameter(WIDTH);
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
      // pwm reads zeros when unconnected, so it needs no test of its own.
      double w = Frequency.clamp((widthConstant ? width : widthRamp[i]) + pwm[i], MIN_WIDTH, MAX_WIDTH);
      double y = pending;
      double after = 0;
      double next = p + dt;
      boolean restarted = false;
      double d = syncOn ? Blep.risingCrossing(lastSync, sync[i]) : -1;
      if (d > 0) {
        double atCrossing = next - d * dt;
        if (atCrossing >= 1) {
          atCrossing -= 1; // a wrap just before the reset: its edge is not band-limited
        } else if (p < w && atCrossing >= w) {
          double e = (next - w) / dt;
          y += Blep.stepBefore(-2, e);
          after += Blep.stepAfter(-2, e);
        }
        if (atCrossing >= w) { // low before the reset, high after it
          y += Blep.stepBefore(2, d);
          after += Blep.stepAfter(2, d);
        }
        next = d * dt;
        restarted = true;
      } else if (next >= 1) {
        if (p < w) {
          d = (next - w) / dt;
          y += Blep.stepBefore(-2, d);
          after += Blep.stepAfter(-2, d);
        }
        next -= 1;
        d = next / dt;
        y += Blep.stepBefore(2, d);
        after += Blep.stepAfter(2, d);
        restarted = true;
      } else if (p < w && next >= w) {
        d = (next - w) / dt;
        y += Blep.stepBefore(-2, d);
        after += Blep.stepAfter(-2, d);
      }
      if (restarted && next >= w) {
        // A narrow pulse at a high pitch: the new cycle has already passed its width.
        d = (next - w) / dt;
        y += Blep.stepBefore(-2, d);
        after += Blep.stepAfter(-2, d);
      }
      p = next;
      lastSync = sync[i];
      pending = (p < w ? 1 : -1) + after;
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
    phase = 0;
    held = 0;
    previousSync = 0;
    started = false;
  }

  @Override
  public void deactivate() {
    // Nothing beyond the frequency buffer, which the next activate replaces.
  }
}

package org.patchwork.dsp.modulators.internal;

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
 * Sample and hold: on each clock the output takes the value of {@code in} at that frame and
 * holds it, exactly, until the next clock. The clock is a rise of {@code trigger} through zero
 * ({@code t[n−1] ≤ 0 < t[n]}, the convention of the LFO's reset) when that input is connected,
 * otherwise an internal clock of {@code rate} Hz, a phase accumulator that samples at frame 0
 * after a reset and then every {@code fs/rate} frames. With nothing on {@code in} the source
 * is uniform white noise in [−1, 1) from a xorshift64 generator (Marsaglia, "Xorshift RNGs",
 * J. Stat. Software 2003), seeded again on reset, for the classic random stepped voltage.
 *
 * <p>{@code glide} > 0 lets the output follow the held value through a one-pole low-pass,
 * {@code y ← y + (1 − e^{−1/(τ·fs)})·(h − y)} with τ = glide, landing exactly on h once within
 * 1e-9 of it; at 0 the steps are instant. Before the first clock the output is 0.
 */
public final class SampleHold implements AudioModule {

  static final int IN = 0;
  static final int TRIGGER = 1;
  static final int OUT = 2;
  static final int RATE = 0;
  static final int GLIDE = 1;

  static final double MAX_RATE = 1000;
  static final double MAX_GLIDE = 10_000;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.sample_hold", "Sample & hold", "Patchwork", "1.0.0", ModuleKind.MODULATOR,
      Set.of("modulator"),
      List.of(PortDescriptor.cvIn("in"), PortDescriptor.cvIn("trigger"), PortDescriptor.cvOut("out")),
      List.of(
          ParameterDescriptor.of("rate", "Rate", 0.01, MAX_RATE, 4, "Hz"),
          ParameterDescriptor.of("glide", "Glide", 0, MAX_GLIDE, 0, "ms")),
      0);

  private static final long SEED = 0x9E3779B97F4A7C15L;
  private static final double LANDED = 1e-9;
  private static final double CYCLE_TOLERANCE = 1e-9;
  private static final double TINY = 1e-20;

  private double sampleRate;
  private double phase;
  private double lastTrigger;
  private double held;
  private double output;
  private long random;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] in = ctx.input(IN, 0);
    float[] trigger = ctx.input(TRIGGER, 0);
    float[] out = ctx.output(OUT, 0);
    boolean external = ctx.isConnected(TRIGGER);
    boolean noise = !ctx.isConnected(IN);
    boolean rateConstant = ctx.isParameterConstant(RATE);
    float[] rateRamp = ctx.parameterRamp(RATE);
    double step = clamp(ctx.parameter(RATE), 0.01, MAX_RATE) / sampleRate;
    double glide = clamp(ctx.parameter(GLIDE), 0, MAX_GLIDE);
    // Glide is read once per block: it only shapes how the output follows.
    double k = glide > 0 ? 1 - Math.exp(-1000 / (glide * sampleRate)) : 1;
    double p = phase;
    double last = lastTrigger;
    double h = held;
    double y = output;
    long r = random;
    for (int i = 0; i < frames; i++) {
      boolean clock;
      if (external) {
        double t = trigger[i];
        clock = last <= 0 && t > 0;
        last = t;
      } else {
        // The tolerance absorbs the rounding of a summed 1/period, so 100 Hz at 48 kHz
        // clocks on every 480th frame, not now and then on the 481st.
        clock = p >= 1 - CYCLE_TOLERANCE;
        if (clock) {
          p = p >= 1 ? p - 1 : 0;
        }
        p += rateConstant ? step : clamp(rateRamp[i], 0.01, MAX_RATE) / sampleRate;
      }
      if (clock) {
        if (noise) {
          r ^= r << 13;
          r ^= r >>> 7;
          r ^= r << 17;
          h = (r >>> 11) * 0x1.0p-52 - 1;
        } else {
          double x = in[i];
          h = Double.isFinite(x) ? x : 0;
        }
      }
      double d = h - y;
      y = d > -LANDED && d < LANDED ? h : y + k * d;
      out[i] = (float) (y > -TINY && y < TINY ? 0 : y);
    }
    phase = p;
    lastTrigger = Double.isFinite(last) ? last : 0;
    held = h;
    output = y;
    random = r;
    return ProcessStatus.CONTINUE;
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  @Override
  public void reset() {
    phase = 1; // the internal clock samples on the first frame
    lastTrigger = 0;
    held = 0;
    output = 0;
    random = SEED;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

package org.patchwork.dsp.filters.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A mono comb filter tuned to a pitch (Smith, "Physical Audio Signal Processing", 2010,
 * "Feedforward and feedback comb filters"): with a delay of {@code D = fs/f} frames,
 *
 * <pre>  feed-forward  y[n] = x[n] + g·L(x[n − D])    peaks at k·f, notches at (k + ½)·f for g > 0
 *  feedback      y[n] = x[n] + g·L(y[n − D])    peaks of 1/(1 − |g|) at k·f for g > 0,
 *                                               at (k + ½)·f for g < 0</pre>
 *
 * (a negative g swaps peaks and notches). {@code f = frequency·2^pitch}, or in tracking mode the
 * last played note's frequency {@code 440·2^((key − 69)/12)} times {@code 2^pitch}; f is limited
 * to 20 Hz .. fs/4. The fractional delay is read by third-order Lagrange interpolation, flat in
 * phase delay at low frequencies (Laakso et al., "Splitting the unit delay", IEEE SP Magazine,
 * 1996). L is the damping, a one-pole low-pass {@code L(v)[n] = (1 − d)·v[n] + d·L[n − 1]} that
 * makes high harmonics fade faster, as in Karplus-Strong; its phase delay at f,
 * {@code atan(d·sin ω/(1 − d·cos ω))/ω}, is taken off D so the fundamental stays in tune (Jaffe
 * and Smith, "Extensions of the Karplus-Strong Plucked-String Algorithm", CMJ 1983). The output
 * is not normalised: at feedback 0.9 the peaks are 20 dB up.
 */
public final class CombFilter implements AudioModule {

  static final int IN = 0;
  static final int PITCH = 1;
  static final int NOTES = 2;
  static final int OUT = 3;
  static final int MODE = 0;
  static final int FREQUENCY = 1;
  static final int FEEDBACK = 2;
  static final int DAMPING = 3;
  static final int TRACKING = 4;

  static final int FEED_FORWARD = 0;
  static final int FEEDBACK_MODE = 1;

  static final double MIN_HZ = 20;
  static final double MAX_HZ = 10_000;
  static final double MAX_GAIN = 0.99;
  static final double MAX_DAMPING = 0.9;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.comb", "Comb filter", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("filter"),
      List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("pitch"), PortDescriptor.eventsIn("notes"),
          PortDescriptor.audioOut("out", 1)),
      List.of(
          ParameterDescriptor.choice("mode", "Mode", FEEDBACK_MODE, "Feed-forward", "Feedback"),
          ParameterDescriptor.of("frequency", "Frequency", MIN_HZ, MAX_HZ, 220, "Hz"),
          ParameterDescriptor.of("feedback", "Feedback", -MAX_GAIN, MAX_GAIN, 0.7, ""),
          ParameterDescriptor.of("damping", "Damping", 0, MAX_DAMPING, 0, ""),
          ParameterDescriptor.choice("tracking", "Note tracking", 0, "Off", "On")),
      0);

  private static final double LN2 = Math.log(2);

  private double sampleRate;
  private float[] line;
  private int mask;
  private int write;
  private double lowPass;
  /** The last played note's frequency in Hz, or 0 before any note. */
  private double noteHz;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    // The longest delay, fs/20, plus the interpolator's reach.
    int size = Integer.highestOneBit((int) Math.ceil(sampleRate / MIN_HZ) + 8) << 1;
    line = new float[size];
    mask = size - 1;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    for (int e = 0, n = ctx.eventCount(); e < n; e++) {
      Event event = ctx.event(e);
      if (event.type() == Event.Type.NOTE_ON) {
        noteHz = 440 * Math.exp((event.key() - 69) / 12.0 * LN2);
      }
    }
    float[] in = ctx.input(IN, 0);
    float[] out = ctx.output(OUT, 0);
    float[] pitch = ctx.input(PITCH, 0);
    boolean feedbackMode = ctx.parameter(MODE) >= 0.5;
    boolean tracking = ctx.parameter(TRACKING) >= 0.5 && noteHz > 0;
    boolean frequencyConstant = ctx.isParameterConstant(FREQUENCY) || tracking;
    boolean gainConstant = ctx.isParameterConstant(FEEDBACK);
    boolean dampingConstant = ctx.isParameterConstant(DAMPING);
    boolean moving = !frequencyConstant || !dampingConstant || ctx.isConnected(PITCH);
    float[] frequencyRamp = ctx.parameterRamp(FREQUENCY);
    float[] gainRamp = ctx.parameterRamp(FEEDBACK);
    float[] dampingRamp = ctx.parameterRamp(DAMPING);
    double frequency = tracking ? noteHz : ctx.parameter(FREQUENCY);
    double gain = clamp(ctx.parameter(FEEDBACK), -MAX_GAIN, MAX_GAIN);
    double damping = clamp(ctx.parameter(DAMPING), 0, MAX_DAMPING);
    double delay = delay(frequency, 0, damping);
    float[] buffer = line;
    int m = mask;
    int w = write;
    double lp = lowPass;
    for (int i = 0; i < frames; i++) {
      if (moving) {
        if (!dampingConstant) {
          damping = clamp(dampingRamp[i], 0, MAX_DAMPING);
        }
        delay = delay(frequencyConstant ? frequency : frequencyRamp[i], pitch[i], damping);
      }
      if (!gainConstant) {
        gain = clamp(gainRamp[i], -MAX_GAIN, MAX_GAIN);
      }
      // Third-order Lagrange on the taps N−1 .. N+2 frames back, at fraction t past N.
      int whole = (int) delay;
      double t = delay - whole;
      int r = w - whole;
      double xm1 = buffer[(r + 1) & m];
      double x0 = buffer[r & m];
      double x1 = buffer[(r - 1) & m];
      double x2 = buffer[(r - 2) & m];
      double tm1 = t - 1;
      double tm2 = t - 2;
      double tp1 = t + 1;
      double tapped = -t * tm1 * tm2 / 6 * xm1 + tp1 * tm1 * tm2 / 2 * x0
          - tp1 * t * tm2 / 2 * x1 + tp1 * t * tm1 / 6 * x2;
      lp = Cutoff.flush((1 - damping) * tapped + damping * lp);
      double x = in[i];
      double y = x + gain * lp;
      if (!(y >= -1e15 && y <= 1e15)) {
        y = 0; // a non-finite or absurd input must not live on in the loop
      }
      buffer[w & m] = (float) Cutoff.flush(feedbackMode ? y : x);
      w = (w + 1) & m;
      out[i] = (float) Cutoff.flush(y);
    }
    write = w;
    lowPass = Double.isFinite(lp) ? lp : 0;
    return ProcessStatus.CONTINUE;
  }

  /**
   * Frames of delay for the tuned frequency {@code hz·2^pitch}, less the damping's phase delay
   * at that frequency, limited so the interpolator never reads the frame being written.
   */
  private double delay(double hz, double pitch, double damping) {
    double f = hz * Math.exp(pitch * LN2);
    f = clamp(f, MIN_HZ, Math.min(MAX_HZ, sampleRate / 4));
    double period = sampleRate / f;
    if (damping > 0) {
      double omega = 2 * Math.PI / period;
      period -= Math.atan2(damping * Math.sin(omega), 1 - damping * Math.cos(omega)) / omega;
    }
    return clamp(period, 2, line.length - 4);
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(line, 0f);
    write = 0;
    lowPass = 0;
    noteHz = 0;
  }

  @Override
  public void deactivate() {
    line = null;
  }
}

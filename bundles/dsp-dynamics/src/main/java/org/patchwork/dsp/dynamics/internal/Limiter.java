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
 * A stereo-linked look-ahead brickwall peak limiter: no output sample exceeds the ceiling c.
 * The audio is delayed by L = {@value #LOOKAHEAD} frames (at every sample rate: 1.33 ms at
 * 48 kHz, 0.67 ms at 96 kHz; {@code latencySamples} says L). For each frame, with
 * p = max(|left|, |right|) after the input gain:
 *
 * <pre>  r[n] = min(1, c·(1 − 10⁻⁶)/p)                            required gain
 *  e[n] = r[n] if r[n] &lt; e[n−1], else e[n−1] + (r[n] − e[n−1])·(1 − α_R)   instant attack, release
 *  m[n] = min(e[n−L] … e[n])                                 hold over L + 1 frames
 *  g[n] = (m[n−L+1] + … + m[n]) / L                          linear attack ramp
 *  y[n] = x[n−L]·g[n]</pre>
 *
 * Every m in the box window of frame n covers frame n − L, so g[n] ≤ r[n − L] and the delayed
 * peak leaves exactly at or under c; the 10⁻⁶ margin absorbs the rounding to float. Below the
 * ceiling r = e = m = 1, g is exactly 1.0 and the output is the input delayed by L, bit for bit.
 * The guarantee is against the ceiling in force when a sample entered: while the ceiling glides
 * down, samples already in the delay may pass up to L frames above the new value.
 * Look-ahead limiting in general: U. Zölzer (ed.), "DAFX", 2nd ed., Wiley 2011, ch. 4 (limiter);
 * the hold-then-moving-average gain path makes the attack a ramp of exactly L frames that can
 * never arrive late, which an exponential attack cannot promise.
 */
public final class Limiter implements AudioModule {

  /** Look-ahead and latency in frames. Fixed because the descriptor's latency is static. */
  static final int LOOKAHEAD = 64;
  private static final int HOLD = LOOKAHEAD + 1;
  private static final double MARGIN = 1 - 1e-6;

  static final int IN = 0;
  static final int OUT = 1;

  static final ParameterDescriptor P_CEILING = ParameterDescriptor.of("ceiling", "Ceiling", -24, 0, -1, "dB");
  static final ParameterDescriptor P_RELEASE = ParameterDescriptor.of("release", "Release", 1, 2000, 50, "ms");
  static final ParameterDescriptor P_INPUT_GAIN = ParameterDescriptor.of("input_gain", "Input gain", 0, 24, 0, "dB");

  static final int CEILING = 0;
  static final int RELEASE = 1;
  static final int INPUT_GAIN = 2;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.limiter", "Limiter", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "dynamics"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(P_CEILING, P_RELEASE, P_INPUT_GAIN),
      LOOKAHEAD);

  private double sampleRate;
  private float[] delayL;
  private float[] delayR;
  private double[] box;
  /** Monotonic deque for the running minimum: values rising from front to back. */
  private double[] holdValue;
  private long[] holdFrame;
  private int holdFront;
  private int holdCount;
  private long frame;
  private int position;
  private double boxSum;
  private double envelope;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    delayL = new float[LOOKAHEAD];
    delayR = new float[LOOKAHEAD];
    box = new double[LOOKAHEAD];
    holdValue = new double[HOLD];
    holdFrame = new long[HOLD];
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    double release = 1 - Dsp.pole(Dsp.clamp(ctx.parameter(RELEASE), P_RELEASE), sampleRate);
    boolean ceilingConstant = ctx.isParameterConstant(CEILING);
    boolean gainConstant = ctx.isParameterConstant(INPUT_GAIN);
    float[] ceilingRamp = ctx.parameterRamp(CEILING);
    float[] gainRamp = ctx.parameterRamp(INPUT_GAIN);
    double ceiling = Dsp.gain(Dsp.clamp(ctx.parameter(CEILING), P_CEILING));
    double inputGain = Dsp.gain(Dsp.clamp(ctx.parameter(INPUT_GAIN), P_INPUT_GAIN));
    float[] dl = delayL;
    float[] dr = delayR;
    double[] boxes = box;
    double[] values = holdValue;
    long[] times = holdFrame;
    int front = holdFront;
    int count = holdCount;
    long t = frame;
    int pos = position;
    double sum = boxSum;
    double env = envelope;
    for (int i = 0; i < frames; i++) {
      if (!ceilingConstant) {
        ceiling = Dsp.gain(Dsp.clamp(ceilingRamp[i], P_CEILING));
      }
      if (!gainConstant) {
        inputGain = Dsp.gain(Dsp.clamp(gainRamp[i], P_INPUT_GAIN));
      }
      double xl = finite(inL[i] * inputGain);
      double xr = finite(inR[i] * inputGain);
      double peak = Math.max(Math.abs(xl), Math.abs(xr));
      double required = peak > ceiling ? ceiling * MARGIN / peak : 1;
      env = required < env ? required : env + (required - env) * release;
      // Running minimum of env over frames t − L .. t: drop what left the window, then every
      // value not below the new one (it can never be the minimum again), then append.
      if (count > 0 && times[front] <= t - HOLD) {
        front = (front + 1) % HOLD;
        count--;
      }
      while (count > 0 && values[(front + count - 1) % HOLD] >= env) {
        count--;
      }
      int back = (front + count) % HOLD;
      values[back] = env;
      times[back] = t;
      count++;
      double held = values[front];
      sum += held - boxes[pos];
      boxes[pos] = held;
      double g = sum / LOOKAHEAD;
      outL[i] = Dsp.out(dl[pos] * g);
      outR[i] = Dsp.out(dr[pos] * g);
      dl[pos] = (float) xl;
      dr[pos] = (float) xr;
      if (++pos == LOOKAHEAD) {
        pos = 0;
        sum = exactSum(boxes); // running sums drift; start each lap from the exact sum
      }
      t++;
    }
    holdFront = front;
    holdCount = count;
    frame = t;
    position = pos;
    boxSum = sum;
    envelope = env;
    return ProcessStatus.CONTINUE;
  }

  private static double finite(double x) {
    return x - x == 0 ? x : 0;
  }

  private static double exactSum(double[] values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(delayL, 0f);
    java.util.Arrays.fill(delayR, 0f);
    java.util.Arrays.fill(box, 1.0);
    holdFront = 0;
    holdCount = 0;
    frame = 0;
    position = 0;
    boxSum = LOOKAHEAD;
    envelope = 1;
  }

  @Override
  public void deactivate() {
    delayL = null;
    delayR = null;
    box = null;
    holdValue = null;
    holdFrame = null;
  }
}

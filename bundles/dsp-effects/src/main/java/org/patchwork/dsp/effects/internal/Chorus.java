package org.patchwork.dsp.effects.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Chorus and flanger: a delay line per channel read by 1 to 4 voices whose delays swing with
 * a sine LFO (Dattorro, "Effect Design Part 2: Delay-Line Modulation and Chorus", J. Audio Eng.
 * Soc. 45(10), 1997; Zölzer, "DAFX", 2nd ed., ch. 2.3). Voice v of V on channel c reads
 *
 * <pre>  d_v,c(t) = delay + depth·(1 + sin(2π·(rate·t + v/V + c/4)))/2
 *  w_c[n] = (1/V)·Σ_v line_c[n − d_v,c]        (cubic Hermite read between frames)
 *  line_c[n] = x_c[n] + feedback·w_c[n]
 *  out_c = (1 − mix)·x_c + mix·w_c</pre>
 *
 * so the voices spread evenly over the LFO cycle and the right channel runs a quarter cycle
 * ahead of the left, which makes a wide stereo image from a mono input. A sine of frequency
 * f through one voice is phase-modulated with index β = 2π·f·depth/2 (depth in seconds): its
 * spectrum gains sidebands at f ± k·rate of relative height J_k(β)/J_0(β). With a long
 * {@code delay} (10 to 30 ms) and no feedback this is a chorus; with 0.1 to 5 ms and feedback it
 * is a flanger, whose comb (at mix ½ and no feedback) has notches at (2k + 1)/(2·d) Hz, and
 * whose feedback raises peaks at k/d (positive) or (k + ½)/d (negative).
 */
public final class Chorus implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int DELAY = 0;
  static final int DEPTH = 1;
  static final int RATE = 2;
  static final int FEEDBACK = 3;
  static final int VOICES = 4;
  static final int MIX = 5;

  static final double MAX_DELAY_MS = 30;
  static final double MAX_DEPTH_MS = 10;
  static final double MAX_FEEDBACK = 0.95;
  static final int MAX_VOICES = 4;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.chorus", "Chorus/Flanger", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "modulation", "chorus", "flanger"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("delay", "Delay", 0.1, MAX_DELAY_MS, 12, "ms"),
          ParameterDescriptor.of("depth", "Depth", 0, MAX_DEPTH_MS, 3, "ms"),
          ParameterDescriptor.of("rate", "Rate", 0.01, 10, 0.5, "Hz"),
          ParameterDescriptor.of("feedback", "Feedback", -MAX_FEEDBACK, MAX_FEEDBACK, 0, ""),
          new ParameterDescriptor("voices", "Voices", 1, MAX_VOICES, 2, "",
              Set.of(ParameterFlag.STEPPED, ParameterFlag.AUTOMATABLE), 0, List.of()),
          ParameterDescriptor.of("mix", "Mix", 0, 1, 0.5, "")),
      0);

  private static final float[] NONE = new float[0];

  private double sampleRate = 48_000;
  private float[] left = NONE;
  private float[] right = NONE;
  private int mask;
  private int write;
  private double phase;
  private final double[] offsetCos = new double[MAX_VOICES];
  private final double[] offsetSin = new double[MAX_VOICES];

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    double longest = (MAX_DELAY_MS + MAX_DEPTH_MS) / 1000 * sampleRate;
    left = Ring.allocate(longest);
    right = Ring.allocate(longest);
    mask = left.length - 1;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    double toFrames = sampleRate / 1000;
    boolean delayConstant = ctx.isParameterConstant(DELAY);
    float[] delayRamp = ctx.parameterRamp(DELAY);
    double delayBlock = Ring.clamp(ctx.parameter(DELAY), 0.1, MAX_DELAY_MS) * toFrames;
    boolean depthConstant = ctx.isParameterConstant(DEPTH);
    float[] depthRamp = ctx.parameterRamp(DEPTH);
    double depthBlock = Ring.clamp(ctx.parameter(DEPTH), 0, MAX_DEPTH_MS) * toFrames;
    double increment = Ring.clamp(ctx.parameter(RATE), 0.01, 10) / sampleRate;
    boolean fbConstant = ctx.isParameterConstant(FEEDBACK);
    float[] fbRamp = ctx.parameterRamp(FEEDBACK);
    double fbBlock = Ring.clamp(ctx.parameter(FEEDBACK), -MAX_FEEDBACK, MAX_FEEDBACK);
    boolean mixConstant = ctx.isParameterConstant(MIX);
    float[] mixRamp = ctx.parameterRamp(MIX);
    double mixBlock = Ring.clamp(ctx.parameter(MIX), 0, 1);
    int voices = (int) Ring.clamp(Math.rint(ctx.parameter(VOICES)), 1, MAX_VOICES);
    double[] oc = offsetCos;
    double[] os = offsetSin;
    for (int v = 0; v < voices; v++) {
      oc[v] = Math.cos(2 * Math.PI * v / voices);
      os[v] = Math.sin(2 * Math.PI * v / voices);
    }
    double perVoice = 1.0 / voices;
    float[] l = left;
    float[] r = right;
    int m = mask;
    int w = write;
    double p = phase;
    for (int i = 0; i < frames; i++) {
      double base = delayConstant ? delayBlock : Ring.clamp(delayRamp[i], 0.1, MAX_DELAY_MS) * toFrames;
      double half = 0.5 * (depthConstant ? depthBlock : Ring.clamp(depthRamp[i], 0, MAX_DEPTH_MS) * toFrames);
      double sinP = Math.sin(2 * Math.PI * p);
      double cosP = Math.cos(2 * Math.PI * p);
      double wl = 0;
      double wr = 0;
      for (int v = 0; v < voices; v++) {
        double sv = sinP * oc[v] + cosP * os[v];
        double cv = cosP * oc[v] - sinP * os[v];
        // The right channel's LFO is a quarter cycle ahead: sin(θ + π/2) = cos θ.
        wl += Ring.read(l, m, w, base + half * (1 + sv));
        wr += Ring.read(r, m, w, base + half * (1 + cv));
      }
      wl *= perVoice;
      wr *= perVoice;
      double fb = fbConstant ? fbBlock : Ring.clamp(fbRamp[i], -MAX_FEEDBACK, MAX_FEEDBACK);
      double mix = mixConstant ? mixBlock : Ring.clamp(mixRamp[i], 0, 1);
      double xl = Ring.flushState(inL[i]);
      double xr = Ring.flushState(inR[i]);
      l[w] = Ring.flush(xl + fb * wl);
      r[w] = Ring.flush(xr + fb * wr);
      w = (w + 1) & m;
      outL[i] = Ring.flush((1 - mix) * xl + mix * wl);
      outR[i] = Ring.flush((1 - mix) * xr + mix * wr);
      p += increment;
      if (p >= 1) {
        p -= 1;
      }
    }
    write = w;
    phase = p;
    return ProcessStatus.CONTINUE;
  }

  @Override
  public void reset() {
    Arrays.fill(left, 0f);
    Arrays.fill(right, 0f);
    write = 0;
    phase = 0;
  }

  @Override
  public void deactivate() {
    left = NONE;
    right = NONE;
  }
}

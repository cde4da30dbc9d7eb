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
 * A stereo parametric equaliser: high-pass, low shelf, two bells, high shelf and low-pass in
 * series, each an RBJ cookbook {@link Biquad}. The pass filters are Butterworth, so they are
 * 3.01 dB down at their frequency: 12 dB/oct is one section with Q = 1/√2, 24 dB/oct two with
 * Q = 1/(2·cos(π/8)) = 0.541 and 1/(2·cos(3π/8)) = 1.307; "Off" bypasses them. A bell has its
 * full gain at its frequency; a shelf reaches its full gain at DC (low) or Nyquist (high) and
 * half of it, in dB, at its frequency (bilinear transform with prewarping, so exact).
 *
 * <p>Parameters arrive smoothed by the host; coefficients are recomputed only for a band whose
 * values changed, at most once per {@value #STEP} frames while they glide.
 */
public final class ParametricEq implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  /** Frames between coefficient updates while a parameter glides. */
  static final int STEP = 16;

  private static final double BUTTERWORTH_2 = Math.sqrt(0.5);
  private static final double BUTTERWORTH_4A = 0.5 / Math.cos(Math.PI / 8);
  private static final double BUTTERWORTH_4B = 0.5 / Math.cos(3 * Math.PI / 8);

  static final ParameterDescriptor P_HP_FREQ = ParameterDescriptor.of("hp_freq", "High-pass frequency", 20, 20000, 30, "Hz");
  static final ParameterDescriptor P_HP_SLOPE = ParameterDescriptor.choice("hp_slope", "High-pass slope", 0,
      "Off", "12 dB/oct", "24 dB/oct");
  static final ParameterDescriptor P_LOW_FREQ = ParameterDescriptor.of("low_freq", "Low shelf frequency", 20, 20000, 100, "Hz");
  static final ParameterDescriptor P_LOW_GAIN = ParameterDescriptor.of("low_gain", "Low shelf gain", -24, 24, 0, "dB");
  static final ParameterDescriptor P_LOW_Q = ParameterDescriptor.of("low_q", "Low shelf Q", 0.3, 4, BUTTERWORTH_2, "");
  static final ParameterDescriptor P_MID1_FREQ = ParameterDescriptor.of("mid1_freq", "Bell 1 frequency", 20, 20000, 500, "Hz");
  static final ParameterDescriptor P_MID1_GAIN = ParameterDescriptor.of("mid1_gain", "Bell 1 gain", -24, 24, 0, "dB");
  static final ParameterDescriptor P_MID1_Q = ParameterDescriptor.of("mid1_q", "Bell 1 Q", 0.1, 18, 1, "");
  static final ParameterDescriptor P_MID2_FREQ = ParameterDescriptor.of("mid2_freq", "Bell 2 frequency", 20, 20000, 2500, "Hz");
  static final ParameterDescriptor P_MID2_GAIN = ParameterDescriptor.of("mid2_gain", "Bell 2 gain", -24, 24, 0, "dB");
  static final ParameterDescriptor P_MID2_Q = ParameterDescriptor.of("mid2_q", "Bell 2 Q", 0.1, 18, 1, "");
  static final ParameterDescriptor P_HIGH_FREQ = ParameterDescriptor.of("high_freq", "High shelf frequency", 20, 20000, 8000, "Hz");
  static final ParameterDescriptor P_HIGH_GAIN = ParameterDescriptor.of("high_gain", "High shelf gain", -24, 24, 0, "dB");
  static final ParameterDescriptor P_HIGH_Q = ParameterDescriptor.of("high_q", "High shelf Q", 0.3, 4, BUTTERWORTH_2, "");
  static final ParameterDescriptor P_LP_FREQ = ParameterDescriptor.of("lp_freq", "Low-pass frequency", 20, 20000, 18000, "Hz");
  static final ParameterDescriptor P_LP_SLOPE = ParameterDescriptor.choice("lp_slope", "Low-pass slope", 0,
      "Off", "12 dB/oct", "24 dB/oct");

  private static final ParameterDescriptor[] PARAMETERS = {
      P_HP_FREQ, P_HP_SLOPE, P_LOW_FREQ, P_LOW_GAIN, P_LOW_Q, P_MID1_FREQ, P_MID1_GAIN, P_MID1_Q,
      P_MID2_FREQ, P_MID2_GAIN, P_MID2_Q, P_HIGH_FREQ, P_HIGH_GAIN, P_HIGH_Q, P_LP_FREQ, P_LP_SLOPE};

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.eq", "Parametric EQ", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "eq"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(PARAMETERS),
      0);

  /** Band kinds, in processing order; each owns three parameters (or two for the pass filters). */
  private static final int HP = 0;
  private static final int LOW = 1;
  private static final int MID1 = 2;
  private static final int MID2 = 3;
  private static final int HIGH = 4;
  private static final int LP = 5;
  private static final int BANDS = 6;
  /** First parameter index of each band. */
  private static final int[] FIRST = {0, 2, 5, 8, 11, 14};

  private double sampleRate;
  private double[] left;
  private double[] right;
  /** Two sections per band; the second is used by 24 dB/oct pass filters only. */
  private final Biquad[] sections = new Biquad[2 * BANDS];
  /** Last values each band was designed for: [band][3]; NaN forces a design. */
  private final double[] designed = new double[3 * BANDS];
  private final double[] now = new double[3];

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    left = new double[maxFrames];
    right = new double[maxFrames];
    for (int s = 0; s < sections.length; s++) {
      sections[s] = new Biquad();
    }
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    double[] l = left;
    double[] r = right;
    for (int i = 0; i < frames; i++) {
      l[i] = inL[i];
      r[i] = inR[i];
    }
    for (int from = 0; from < frames; from += STEP) {
      int to = Math.min(frames, from + STEP);
      for (int band = 0; band < BANDS; band++) {
        update(ctx, band, from);
        sections[2 * band].process(l, r, from, to);
        sections[2 * band + 1].process(l, r, from, to);
      }
    }
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    for (int i = 0; i < frames; i++) {
      outL[i] = Dsp.out(l[i]);
      outR[i] = Dsp.out(r[i]);
    }
    return ProcessStatus.CONTINUE;
  }

  /** Redesigns a band's sections if its parameters at {@code frame} differ from the last design. */
  private void update(ProcessContext ctx, int band, int frame) {
    int first = FIRST[band];
    int count = band == HP || band == LP ? 2 : 3;
    boolean changed = false;
    for (int p = 0; p < count; p++) {
      int index = first + p;
      double raw = ctx.isParameterConstant(index) ? ctx.parameter(index) : ctx.parameterRamp(index)[frame];
      double v = Dsp.clamp(raw, PARAMETERS[index]);
      now[p] = v;
      if (!(v == designed[3 * band + p])) {
        designed[3 * band + p] = v;
        changed = true;
      }
    }
    if (!changed) {
      return;
    }
    Biquad a = sections[2 * band];
    Biquad b = sections[2 * band + 1];
    double hz = now[0];
    switch (band) {
      case HP, LP -> {
        int slope = Dsp.choice(now[1], PARAMETERS[first + 1]);
        boolean high = band == HP;
        if (slope == 0) {
          a.setIdentity();
          b.setIdentity();
        } else if (slope == 1) {
          pass(a, high, hz, BUTTERWORTH_2);
          b.setIdentity();
        } else {
          pass(a, high, hz, BUTTERWORTH_4A);
          pass(b, high, hz, BUTTERWORTH_4B);
        }
      }
      case LOW -> a.setLowShelf(sampleRate, hz, now[1], now[2]);
      case HIGH -> a.setHighShelf(sampleRate, hz, now[1], now[2]);
      default -> a.setPeak(sampleRate, hz, now[1], now[2]);
    }
  }

  private void pass(Biquad section, boolean high, double hz, double q) {
    if (high) {
      section.setHighPass(sampleRate, hz, q);
    } else {
      section.setLowPass(sampleRate, hz, q);
    }
  }

  @Override
  public void reset() {
    for (Biquad s : sections) {
      s.clear();
    }
    java.util.Arrays.fill(designed, Double.NaN);
  }

  @Override
  public void deactivate() {
    left = null;
    right = null;
  }
}

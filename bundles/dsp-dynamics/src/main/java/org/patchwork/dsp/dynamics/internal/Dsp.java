package org.patchwork.dsp.dynamics.internal;

import org.patchwork.sdk.module.ParameterDescriptor;

/** What the modules of this bundle share: decibels, parameter clamping and denormal flushing. */
final class Dsp {

  /** Below this a state is 400 dB down: flushed to zero so it never decays into denormals. */
  static final double TINY = 1e-20;
  /** Smallest output magnitude kept; well above {@link Float#MIN_NORMAL} (1.2e-38). */
  private static final double TINY_OUT = 1e-30;
  private static final double DB_TO_LN = Math.log(10) / 20;

  private Dsp() {
  }

  /** 10^(db/20). */
  static double gain(double db) {
    return Math.exp(db * DB_TO_LN);
  }

  /** 20·log10(x) for x > 0. */
  static double db(double x) {
    return Math.log(x) / DB_TO_LN;
  }

  /** {@code value} limited to the parameter's range; NaN gives the minimum. */
  static double clamp(double value, ParameterDescriptor p) {
    if (value >= p.min()) {
      return value <= p.max() ? value : p.max();
    }
    return p.min();
  }

  /** A stepped parameter's value as an index 0..max-min (rounded, clamped). */
  static int choice(double value, ParameterDescriptor p) {
    return (int) Math.rint(clamp(value, p) - p.min());
  }

  /** {@code x}, or 0 when it is too small to hear and would otherwise become denormal. */
  static double flush(double x) {
    return x > -TINY && x < TINY ? 0 : x;
  }

  /** {@code x} as an output sample: 0 when tiny (never a denormal float), 0 when not finite. */
  static float out(double x) {
    if (x > -TINY_OUT && x < TINY_OUT || !(x - x == 0)) {
      return 0f;
    }
    return (float) x;
  }

  /** The one-pole smoothing coefficient exp(−1/(τ·fs)) for a time constant in milliseconds. */
  static double pole(double millis, double sampleRate) {
    return Math.exp(-1000.0 / (millis * sampleRate));
  }
}

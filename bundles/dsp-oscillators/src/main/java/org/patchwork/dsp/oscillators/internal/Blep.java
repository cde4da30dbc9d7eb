package org.patchwork.dsp.oscillators.internal;

/**
 * Two-point polynomial corrections that band-limit the corners of a naive waveform
 * (Välimäki and Huovilainen, "Antialiasing Oscillators in Subtractive Synthesis", IEEE Signal
 * Processing Magazine 24(2), 2007; Esqueda, Välimäki and Bilbao, "Rounding Corners with
 * BLAMP", DAFx 2016).
 *
 * <p>For a step of height {@code h} that happens {@code d} frames (0 ≤ d ≤ 1) before sample
 * {@code n}, the polyBLEP residual adds {@code h·d²/2} to sample {@code n−1} and
 * {@code −h·(1−d)²/2} to sample {@code n}. Integrating that residual once gives the polyBLAMP
 * for a change of slope {@code Δ} (per frame): {@code Δ·d³/6} before and {@code Δ·(1−d)³/6}
 * after. The oscillators delay their output by one frame, so both halves can be applied to
 * any corner, including ones nobody could predict (hard sync, FM, pulse-width changes).
 */
final class Blep {

  private Blep() {
  }

  /** Correction for the sample before a step of {@code h} that happened {@code d} frames ago. */
  static double stepBefore(double h, double d) {
    return 0.5 * h * d * d;
  }

  /** Correction for the sample after a step of {@code h} that happened {@code d} frames ago. */
  static double stepAfter(double h, double d) {
    double e = 1 - d;
    return -0.5 * h * e * e;
  }

  /** Correction for the sample before a slope change of {@code delta} per frame. */
  static double rampBefore(double delta, double d) {
    return delta * d * d * d * (1.0 / 6);
  }

  /** Correction for the sample after a slope change of {@code delta} per frame. */
  static double rampAfter(double delta, double d) {
    double e = 1 - d;
    return delta * e * e * e * (1.0 / 6);
  }

  /**
   * Frames since a master signal crossed zero upwards between {@code previous} and
   * {@code current} (linear interpolation), in (0, 1]; or -1 when it did not cross.
   */
  static double risingCrossing(double previous, double current) {
    return previous <= 0 && current > 0 ? current / (current - previous) : -1;
  }
}

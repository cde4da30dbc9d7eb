package org.patchwork.dsp.oscillators.internal;

/**
 * Polynomial sine and tangent for the synth's control points, where 256 voices need one of
 * each every 16 frames and {@code Math.sin}/{@code Math.tan} cost about as much as the audio
 * itself. Truncated Taylor series (Abramowitz and Stegun, "Handbook of Mathematical
 * Functions", 4.3.65-66) on reduced ranges; errors are bounded by the first omitted term and
 * checked by the test: below 1e-9 for {@link #sin2pi} and 1e-8 relative for {@link #tan},
 * far finer than a cutoff needs. Pure arithmetic, so results are identical on every machine.
 */
final class FastTrig {

  private static final double TWO_PI = 2 * Math.PI;

  private FastTrig() {
  }

  /** {@code sin(2π·x)} for x in [0, 1). */
  static double sin2pi(double x) {
    // sin(2πx) = −sin(2πy) with y = x − ½ in [−½, ½); fold |y| > ¼ with sin(π − a) = sin a.
    double y = x - 0.5;
    if (y > 0.25) {
      y = 0.5 - y;
    } else if (y < -0.25) {
      y = -0.5 - y;
    }
    double a = TWO_PI * y; // |a| ≤ π/2, where the first omitted term is (π/2)^15/15! < 1e-9
    double z = a * a;
    double p = 1.0 / 6227020800.0;
    p = p * z - 1.0 / 39916800.0;
    p = p * z + 1.0 / 362880.0;
    p = p * z - 1.0 / 5040.0;
    p = p * z + 1.0 / 120.0;
    p = p * z - 1.0 / 6.0;
    p = p * z + 1.0;
    return -a * p;
  }

  /** {@code tan(a)} for a in [0, 1.45] (cutoffs up to 0.46·fs), as sine over cosine. */
  static double tan(double a) {
    double z = a * a;
    double s = 1.0 / 6227020800.0;
    s = s * z - 1.0 / 39916800.0;
    s = s * z + 1.0 / 362880.0;
    s = s * z - 1.0 / 5040.0;
    s = s * z + 1.0 / 120.0;
    s = s * z - 1.0 / 6.0;
    s = s * z + 1.0;
    double c = -1.0 / 87178291200.0;
    c = c * z + 1.0 / 479001600.0;
    c = c * z - 1.0 / 3628800.0;
    c = c * z + 1.0 / 40320.0;
    c = c * z - 1.0 / 720.0;
    c = c * z + 1.0 / 24.0;
    c = c * z - 1.0 / 2.0;
    c = c * z + 1.0;
    return a * s / c;
  }
}

package org.patchwork.dsp.sampler.internal;

/**
 * The sampler's interpolator: a 32-tap Kaiser-windowed sinc (β = 10) in polyphase tables of
 * {@link #PHASES} phases, linearly interpolated between neighbouring phases. The value at
 * position {@code n + f} (0 ≤ f &lt; 1) of a signal x is
 *
 * <pre>  y = Σ_{j=−15..16} h(f − j)·x[n + j],   h(t) = c·sinc(c·t)·I0(β·√(1 − (t/16)²))/I0(β)</pre>
 *
 * with each phase normalised to a DC gain of exactly 1 (J. O. Smith, "Digital Audio Resampling
 * Home Page", ccrma.stanford.edu/~jos/resample, the bandlimited interpolation this follows).
 *
 * <p>Why a windowed sinc and not a 4- or 6-point polynomial: a sampler transposes arbitrary
 * material by arbitrary ratios, often from 44.1 kHz sources at 48 kHz, and a polynomial's image
 * rejection is only good for oversampled input. Resampling a sine from 44.1 to 48 kHz (+113
 * cents), a 4-point Hermite gives THD+N of −47 dB at 5 kHz and −21 dB at 12 kHz, a 6-point
 * Lagrange −75 and −31 dB; this kernel stays below −104 dB from 1 to 18 kHz
 * ({@code InterpolationTest}), for about 100 flops a frame and channel.
 *
 * <p>Bank k of {@link #BANKS} has the cutoff {@code c = 0.9·2^(−k/2)} (relative to the source's
 * Nyquist frequency) and serves increments up to {@code 2^(k/2)} source frames per output
 * frame, so transposing up to two octaves above the root is band-limited instead of aliasing;
 * the highest banks have fewer zero crossings within the 32 taps, hence a wider transition.
 * Above 4 frames per frame, bank 4 is used and some aliasing returns.
 */
final class SincKernel {

  /** Taps either side of the interpolated point. */
  static final int HALF = 16;
  static final int TAPS = 2 * HALF;
  static final int PHASES = 256;
  static final int BANKS = 5;
  private static final double BETA = 10;
  /** {@code TABLE[bank][phase·TAPS + tap]}, phases 0..PHASES inclusive. */
  private static final float[][] TABLE = new float[BANKS][];

  static {
    for (int k = 0; k < BANKS; k++) {
      TABLE[k] = bank(0.9 * Math.pow(2, -k / 2.0));
    }
  }

  private SincKernel() {
  }

  /** The table of bank {@code k}. Touching it loads the class: call it in activate. */
  static float[] table(int k) {
    return TABLE[k];
  }

  /** The bank for an increment of {@code inc} source frames per output frame. */
  static int bankFor(double inc) {
    if (inc <= 1) {
      return 0;
    }
    if (inc <= 1.4142135623730951) {
      return 1;
    }
    if (inc <= 2) {
      return 2;
    }
    return inc <= 2.8284271247461903 ? 3 : 4;
  }

  private static float[] bank(double cutoff) {
    float[] t = new float[(PHASES + 1) * TAPS];
    double norm = besselI0(BETA);
    for (int p = 0; p <= PHASES; p++) {
      double f = (double) p / PHASES;
      double sum = 0;
      double[] row = new double[TAPS];
      for (int k = 0; k < TAPS; k++) {
        double x = f - (k - HALF + 1);
        double r = x / HALF;
        double w = r * r >= 1 ? 0 : besselI0(BETA * Math.sqrt(1 - r * r)) / norm;
        double a = Math.PI * cutoff * x;
        double sinc = Math.abs(a) < 1e-12 ? 1 : Math.sin(a) / a;
        row[k] = cutoff * sinc * w;
        sum += row[k];
      }
      for (int k = 0; k < TAPS; k++) {
        t[p * TAPS + k] = (float) (row[k] / sum);
      }
    }
    return t;
  }

  /** The modified Bessel function of order 0, by its power series. */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 100 && term > 1e-17 * sum; k++) {
      term *= q / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}

package org.patchwork.dsp.oscillators.internal;

/**
 * A tabulated band-limited step residual (BLEP; Brandt, "Hard Sync Without Aliasing", ICMC
 * 2001, in its linear-phase form) for corrections wider than {@link Blep}'s two points.
 *
 * <p>The band-limited step is the running integral of a windowed sinc,
 * {@code B(t) = ∫ w(τ)·2fc·sinc(2fc·τ) dτ} over {@code [−HALF, t]}, normalised to end at 1,
 * with {@code fc} = {@value #CUTOFF} of the sample rate and {@code w} a Kaiser window
 * ({@code β} = {@value #BETA}, about 80 dB of stop band) over {@code ±}{@value #HALF} frames:
 * its transition band, about 5/(2·HALF) of the rate wide, sits between 20 kHz and Nyquist at
 * 48 kHz, so harmonics that would fold back are at least 80 dB down. The residual {@code R(t) = B(t) − u(t)} is what
 * turns a naive step into a band-limited one; {@code B} is stored at {@value #PHASES} points per
 * frame and read with linear interpolation. A step of height {@code h} at time {@code t0} adds
 * {@code h·R(m − t0)} to every sample {@code m} within {@value #HALF} frames of it, so an
 * oscillator using it delays its output by {@value #HALF} frames.
 *
 * <p>Against {@link Blep}'s two-point polynomial this moves the strongest alias of a 5 kHz saw
 * from about −22 dB to below −80 dB (measured by {@code SawOscillatorTest}); the price is
 * {@value #HALF} frames of latency (0.67 ms at 48 kHz), which the engine compensates.
 */
final class BlepTable {

  /** Frames on each side of the step that receive a correction; also the output delay. */
  static final int HALF = 32;
  /** Table points per frame. */
  static final int PHASES = 512;
  /** Cutoff of the sinc as a fraction of the sample rate: a little under Nyquist (0.5). */
  static final double CUTOFF = 0.458;
  /** Kaiser window shape: 0.1102·(A − 8.7) for a stop band of A = 80 dB. */
  static final double BETA = 7.86;

  /**
   * B(t) at t = −HALF + j/PHASES for j in 0 .. 2·HALF·PHASES, plus one guard point. The smooth
   * step is tabulated, not the residual, whose jump at t = 0 linear interpolation would smear.
   */
  private static final double[] STEP = build();

  private BlepTable() {
  }

  /** The band-limited step {@code B(t)}: 0 before {@code −HALF}, 1 from {@code HALF} on. */
  static double smoothStep(double t) {
    double x = (t + HALF) * PHASES;
    if (x <= 0) {
      return 0;
    }
    if (x >= 2 * HALF * PHASES) {
      return 1;
    }
    int j = (int) x;
    double f = x - j;
    return STEP[j] + f * (STEP[j + 1] - STEP[j]);
  }

  /**
   * Adds the correction for a step of height {@code h} that happened {@code d} frames before
   * sample {@code n} (0 ≤ d ≤ 1; sample {@code n} is the first whose naive value is past the
   * step) to the accumulator {@code acc} (a power-of-two ring indexed by sample number,
   * {@code mask} = length − 1, at least {@code 4·HALF} long).
   *
   * <p>Which samples hold the naive step is decided by their index, never by the sign of a
   * computed time: {@code n − d} rounded in floating point can land on either side of a
   * sample when the step falls a hair before it (exact frequencies such as 5 kHz at 48 kHz do
   * this every period), and the wrong side costs a full step of error.
   */
  static void addStep(float[] acc, int mask, long n, double d, double h) {
    for (int k = -HALF; k < HALF; k++) {
      double residual = smoothStep(k + d) - (k >= 0 ? 1 : 0);
      acc[(int) ((n + k) & mask)] += (float) (h * residual);
    }
  }

  private static double[] build() {
    int points = 2 * HALF * PHASES;
    double[] kernel = new double[points + 1];
    for (int j = 0; j <= points; j++) {
      double t = -HALF + (double) j / PHASES;
      kernel[j] = window(t) * sinc(2 * CUTOFF * t) * 2 * CUTOFF;
    }
    double[] integral = new double[points + 1];
    double sum = 0;
    for (int j = 1; j <= points; j++) {
      sum += 0.5 * (kernel[j - 1] + kernel[j]) / PHASES; // trapezoid rule
      integral[j] = sum;
    }
    double[] step = new double[points + 2];
    for (int j = 0; j <= points; j++) {
      step[j] = integral[j] / sum;
    }
    step[points + 1] = step[points];
    return step;
  }

  private static double sinc(double x) {
    return x == 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
  }

  /** Kaiser window over [−HALF, HALF]: I0(β·√(1 − (t/HALF)²)) / I0(β). */
  private static double window(double t) {
    double r = t / HALF;
    double inside = 1 - r * r;
    return inside <= 0 ? 0 : besselI0(BETA * Math.sqrt(inside)) / besselI0(BETA);
  }

  /** Modified Bessel function of the first kind, order 0, by its power series. */
  private static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 60 && term > 1e-17 * sum; k++) {
      term *= q / ((double) k * k);
      sum += term;
    }
    return sum;
  }
}

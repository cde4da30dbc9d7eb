package org.patchwork.dsp.oscillators.internal;

/**
 * A bank of single-cycle frames for {@link WavetableOscillator}, each stored as a mip-map of
 * band-limited tables, one per octave.
 *
 * <p>A frame is defined by its harmonic amplitudes {@code a_k} (sine phase), and table m of a
 * frame holds {@code x_m[n] = Σ_{k ≤ K_m} a_k·e_k·sin(2π·k·n/SIZE) / peak} with
 * {@code K_m = 512 / 2^m} harmonics, m = 0..9. The oscillator reads the table with the most
 * harmonics whose highest one is still at or below Nyquist, {@code K_m·|f|/fs ≤ 1/2}, so no
 * harmonic ever folds back; within an octave the highest harmonic lies between fs/4 and fs/2
 * (the usual price of one table per octave). {@code peak} is the largest magnitude of the
 * full-band table (m = 0), the same for every level, so switching levels does not change the
 * loudness.
 *
 * <p>Tables have 2048 points, at least four per period of the highest harmonic, and are read
 * by 4-point cubic Hermite (Catmull-Rom) interpolation. Its kernel h has the spectrum H(ν),
 * which scales harmonic k by H(k/2048) (−0.5 dB at k = 512) and leaves images at harmonic
 * numbers 2048·j ± k that fall as (k/2048)³, about 36 dB more per octave of oversampling than
 * linear interpolation's (k/2048)²: a formant at harmonic 32 leaves images near −110 dB. The
 * tables are pre-emphasised by {@code e_k = 1/H(k/2048)}, so every harmonic comes out at its
 * amplitude. (Interpolation kernels and their spectra: Niemitalo, "Polynomial Interpolators for
 * High-Quality Resampling of Oversampled Audio", 2001.)
 *
 * <p>The built-in banks are made once, when the class is first used (an oscillator's
 * {@code activate}), and are shared and never written afterwards.
 */
final class WavetableBank {

  static final int SIZE = 2048;
  static final int LEVELS = 10;
  static final int MAX_HARMONICS = 512;
  /** Each table is stored as x[SIZE−1], x[0..SIZE−1], x[0], x[1]: the interpolator's four points never wrap. */
  private static final int STRIDE = SIZE + 3;

  /** Sine, triangle, saw, square: the classic analogue shapes, in order of brightness. */
  static final WavetableBank CLASSIC = new WavetableBank(classicSpectra());
  /** Eight harmonic series with a formant sweeping from harmonic 1 to harmonic 32. */
  static final WavetableBank FORMANT = new WavetableBank(formantSpectra());

  final int frames;
  private final float[] data;
  /** Normalised amplitude of harmonic k of each frame: the sine amplitude it has in the output. */
  private final double[][] harmonics;

  private WavetableBank(double[][] spectra) {
    frames = spectra.length;
    data = new float[frames * LEVELS * STRIDE];
    harmonics = new double[frames][];
    double[] sine = new double[SIZE];
    for (int n = 0; n < SIZE; n++) {
      sine[n] = Math.sin(2 * Math.PI * n / SIZE);
    }
    double[] emphasis = new double[MAX_HARMONICS + 1];
    for (int k = 1; k <= MAX_HARMONICS; k++) {
      emphasis[k] = 1 / kernelSpectrum((double) k / SIZE);
    }
    double[] table = new double[SIZE];
    for (int f = 0; f < frames; f++) {
      double peak = 0;
      for (int level = 0; level < LEVELS; level++) {
        int top = MAX_HARMONICS >> level;
        for (int n = 0; n < SIZE; n++) {
          double x = 0;
          for (int k = 1; k <= top; k++) {
            x += spectra[f][k] * emphasis[k] * sine[k * n & (SIZE - 1)];
          }
          table[n] = x;
          if (level == 0) {
            peak = Math.max(peak, Math.abs(x));
          }
        }
        int offset = offset(f, level);
        data[offset] = (float) (table[SIZE - 1] / peak);
        for (int n = 0; n < SIZE; n++) {
          data[offset + 1 + n] = (float) (table[n] / peak);
        }
        data[offset + SIZE + 1] = data[offset + 1];
        data[offset + SIZE + 2] = data[offset + 2];
      }
      harmonics[f] = new double[MAX_HARMONICS + 1];
      for (int k = 1; k <= MAX_HARMONICS; k++) {
        harmonics[f][k] = spectra[f][k] / peak;
      }
    }
  }

  /**
   * H(ν) = ∫ h(x)·cos(2πνx) dx of the Catmull-Rom kernel h(x) = 1.5|x|³ − 2.5|x|² + 1 on
   * [0, 1], −0.5|x|³ + 2.5|x|² − 4|x| + 2 on [1, 2], by Simpson's rule.
   */
  static double kernelSpectrum(double nu) {
    int steps = 2000;
    double dx = 2.0 / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double x = i * dx;
      double h = x <= 1 ? (1.5 * x - 2.5) * x * x + 1 : ((-0.5 * x + 2.5) * x - 4) * x + 2;
      double weight = i == 0 || i == steps ? 1 : (i & 1) == 1 ? 4 : 2;
      sum += weight * h * Math.cos(2 * Math.PI * nu * x);
    }
    return 2 * sum * dx / 3;
  }

  /** The built-in banks, in the order of the oscillator's {@code bank} parameter. */
  static WavetableBank[] builtIn() {
    return new WavetableBank[] {CLASSIC, FORMANT};
  }

  /** Index of table {@code level} of frame {@code frame} in {@link #data}. */
  static int offset(int frame, int level) {
    return (frame * LEVELS + level) * STRIDE;
  }

  /**
   * The mip level for an increment of {@code absIncrement} cycles per frame: the smallest m
   * with {@code (512 >> m)·absIncrement ≤ 1/2}.
   */
  static int level(double absIncrement) {
    double x = absIncrement * (2 * MAX_HARMONICS);
    if (!(x > 1)) {
      return 0;
    }
    int m = Math.getExponent(x) + 1;
    return m < LEVELS ? m : LEVELS - 1;
  }

  /** The table at {@code offset} at phase {@code p} in [0, 1), by Catmull-Rom interpolation. */
  double read(int offset, double p) {
    double x = p * SIZE;
    int i = (int) x;
    double t = x - i;
    // p can round to exactly 1 after p − floor(p) of a tiny negative value; wrap it to 0.
    i = offset + (i & (SIZE - 1));
    double xm1 = data[i];
    double x0 = data[i + 1];
    double x1 = data[i + 2];
    double x2 = data[i + 3];
    double c1 = 0.5 * (x1 - xm1);
    double c2 = xm1 - 2.5 * x0 + 2 * x1 - 0.5 * x2;
    double c3 = 0.5 * (x2 - xm1) + 1.5 * (x0 - x1);
    return ((c3 * t + c2) * t + c1) * t + x0;
  }

  /** Amplitude of harmonic {@code k} of frame {@code frame} in the output at level 1. */
  double harmonic(int frame, int k) {
    return harmonics[frame][k];
  }

  private static double[][] classicSpectra() {
    double[][] s = new double[4][MAX_HARMONICS + 1];
    s[0][1] = 1;
    for (int k = 1; k <= MAX_HARMONICS; k++) {
      boolean odd = (k & 1) == 1;
      // Triangle 8/π²·Σ (−1)^((k−1)/2)·sin(kx)/k², saw 2/π·Σ (−1)^(k+1)·sin(kx)/k, square 4/π·Σ sin(kx)/k.
      s[1][k] = odd ? 8 / (Math.PI * Math.PI) * ((k >> 1 & 1) == 0 ? 1 : -1) / ((double) k * k) : 0;
      s[2][k] = 2 / Math.PI * (odd ? 1 : -1) / k;
      s[3][k] = odd ? 4 / Math.PI / k : 0;
    }
    return s;
  }

  private static double[][] formantSpectra() {
    int frames = 8;
    double[][] s = new double[frames][MAX_HARMONICS + 1];
    for (int f = 0; f < frames; f++) {
      // Centres 1 .. 32 spaced evenly in pitch; widths grow with the centre, like a vowel's formants.
      double centre = Math.pow(2, 5.0 * f / (frames - 1));
      double width = 0.75 + centre / 4;
      for (int k = 1; k <= MAX_HARMONICS; k++) {
        double d = (k - centre) / width;
        s[f][k] = 0.1 / k + Math.exp(-0.5 * d * d);
      }
    }
    return s;
  }
}

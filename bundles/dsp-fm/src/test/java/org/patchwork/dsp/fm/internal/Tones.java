package org.patchwork.dsp.fm.internal;

import java.util.Arrays;
import org.patchwork.sdk.testkit.Signals;

/** Measurements for the FM tests: component amplitudes, levels, Bessel functions. */
final class Tones {

  static final int RATE = 48_000;

  private Tones() {
  }

  /**
   * Amplitude of the component at {@code hz} over frames {@code from..from+length-1}, by a
   * rectangular-window DFT: exact when the length holds a whole number of its periods.
   */
  static double amplitude(float[] signal, int from, int length, double hz) {
    double[] x = new double[length];
    for (int i = 0; i < length; i++) {
      x[i] = signal[from + i];
    }
    return 2 * Signals.magnitude(x, hz, RATE);
  }

  /** Amplitude at {@code hz} under a Hann window (for components that do not fit the length). */
  static double windowedAmplitude(float[] signal, int from, int length, double hz) {
    double[] w = Signals.hann(Arrays.copyOfRange(signal, from, from + length));
    return 4 * Signals.magnitude(w, hz, RATE);
  }

  static double db(double ratio) {
    return 20 * Math.log10(ratio);
  }

  static double cents(double hz, double expected) {
    return 1200 * Math.log(hz / expected) / Math.log(2);
  }

  static double keyHz(int key) {
    return 440 * Math.pow(2, (key - 69) / 12.0);
  }

  /** The Bessel function of the first kind J_n(x) for n ≥ 0, by its power series. */
  static double besselJ(int n, double x) {
    double term = 1;
    for (int i = 1; i <= n; i++) {
      term *= x / 2 / i;
    }
    double sum = 0;
    for (int m = 0; m < 60; m++) {
      sum += term;
      term *= -(x / 2) * (x / 2) / ((m + 1) * (double) (m + 1 + n));
    }
    return sum;
  }

  /** J_n(x) for any integer n: J_{−n} = (−1)^n·J_n. */
  static double besselJSigned(int n, double x) {
    return n >= 0 ? besselJ(n, x) : (n % 2 == 0 ? 1 : -1) * besselJ(-n, x);
  }

  /** Whether every sample is finite and none is subnormal. */
  static boolean clean(float[] signal) {
    for (float x : signal) {
      if (!Float.isFinite(x) || x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }

  /** A constant CV of {@code frames} frames. */
  static float[][] constant(float value, int frames) {
    float[] x = new float[frames];
    Arrays.fill(x, value);
    return new float[][] {x};
  }
}

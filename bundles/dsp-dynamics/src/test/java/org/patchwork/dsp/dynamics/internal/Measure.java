package org.patchwork.dsp.dynamics.internal;

import org.patchwork.sdk.testkit.Signals;

/** Test signals and measurements shared by this bundle's tests. */
final class Measure {

  static final int RATE = 48_000;

  private Measure() {
  }

  static float[] sine(double hz, double amplitude, int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  static float[] noise(long seed, double scale, int frames) {
    java.util.Random random = new java.util.Random(seed);
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (scale * random.nextGaussian());
    }
    return x;
  }

  static float[][] both(float[] x) {
    return new float[][] {x, x};
  }

  static double db(double gain) {
    return 20 * Math.log10(gain);
  }

  /** Whether every sample is finite and either 0 or a normal float (no denormals). */
  static boolean clean(float[] signal) {
    for (float x : signal) {
      if (!Float.isFinite(x) || x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }

  /** Largest |x| over frames from..to-1. */
  static double peak(float[] x, int from, int to) {
    double p = 0;
    for (int i = from; i < to; i++) {
      p = Math.max(p, Math.abs(x[i]));
    }
    return p;
  }

  /** |H(f)| from an impulse response: the exact DFT of {@code ir} at {@code hz}. */
  static double response(float[] ir, double hz) {
    double w = 2 * Math.PI * hz / RATE;
    double re = 0;
    double im = 0;
    double cos = Math.cos(w);
    double sin = Math.sin(w);
    double c = 1;
    double s = 0;
    for (float h : ir) {
      re += h * c;
      im -= h * s;
      double t = c * cos - s * sin;
      s = s * cos + c * sin;
      c = t;
    }
    return Math.hypot(re, im);
  }

  /**
   * Amplitude of each bin of the Hann-windowed spectrum of frames from..from+n-1 (n a power
   * of two), scaled so a bin-centred sine of amplitude A reads A.
   */
  static double[] amplitudes(float[] x, int from, int n) {
    double[] w = Signals.hann(java.util.Arrays.copyOfRange(x, from, from + n));
    double[] power = Signals.powerSpectrum(w);
    double[] a = new double[power.length];
    for (int k = 0; k < a.length; k++) {
      a[k] = Math.sqrt(power[k]) * 4 / n;
    }
    return a;
  }
}

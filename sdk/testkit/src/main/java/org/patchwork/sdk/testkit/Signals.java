package org.patchwork.sdk.testkit;

/**
 * Measurements on rendered signals, for tests that assert what a module does rather than that
 * it ran: spectral peaks, levels, onsets.
 */
public final class Signals {

  private Signals() {
  }

  /**
   * The frequency of the strongest spectral component of {@code signal}, found by a coarse
   * Hann-windowed FFT and refined with a golden-section search on the Goertzel magnitude,
   * so the result is accurate to well under a cent for a steady tone of a second or more.
   */
  public static double peakFrequency(float[] signal, double sampleRate) {
    double[] w = hann(signal);
    double[] power = powerSpectrum(w);
    int size = (power.length - 1) * 2;
    double binHz = sampleRate / size;
    int bestBin = 1;
    for (int k = 1; k < power.length; k++) {
      if (power[k] > power[bestBin]) {
        bestBin = k;
      }
    }
    double best = bestBin * binHz;
    double lo = Math.max(binHz, best - binHz);
    double hi = Math.min(sampleRate / 2, best + binHz);
    double g = (Math.sqrt(5) - 1) / 2;
    for (int i = 0; i < 60; i++) {
      double a = hi - g * (hi - lo);
      double b = lo + g * (hi - lo);
      if (magnitude(w, a, sampleRate) > magnitude(w, b, sampleRate)) {
        hi = b;
      } else {
        lo = a;
      }
    }
    return (lo + hi) / 2;
  }

  /**
   * Power of each frequency bin of {@code signal} zero-padded to the next power of two
   * ({@code size/2 + 1} bins, bin k at {@code k·sampleRate/size}), by an iterative radix-2 FFT.
   */
  public static double[] powerSpectrum(double[] signal) {
    int size = Integer.highestOneBit(Math.max(1, signal.length - 1)) << 1;
    double[] re = java.util.Arrays.copyOf(signal, size);
    double[] im = new double[size];
    for (int i = 1, j = 0; i < size; i++) {
      int bit = size >> 1;
      for (; (j & bit) != 0; bit >>= 1) {
        j ^= bit;
      }
      j ^= bit;
      if (i < j) {
        double t = re[i];
        re[i] = re[j];
        re[j] = t;
      }
    }
    for (int len = 2; len <= size; len <<= 1) {
      double angle = -2 * Math.PI / len;
      for (int start = 0; start < size; start += len) {
        for (int k = 0; k < len / 2; k++) {
          double cos = Math.cos(angle * k);
          double sin = Math.sin(angle * k);
          int a = start + k;
          int b = a + len / 2;
          double xr = re[b] * cos - im[b] * sin;
          double xi = re[b] * sin + im[b] * cos;
          re[b] = re[a] - xr;
          im[b] = im[a] - xi;
          re[a] += xr;
          im[a] += xi;
        }
      }
    }
    double[] power = new double[size / 2 + 1];
    for (int k = 0; k < power.length; k++) {
      power[k] = re[k] * re[k] + im[k] * im[k];
    }
    return power;
  }

  /** The DFT magnitude of {@code signal} at {@code hz}, normalised so a sine of amplitude A gives about A/2. */
  public static double magnitude(double[] signal, double hz, double sampleRate) {
    double omega = 2 * Math.PI * hz / sampleRate;
    double coeff = 2 * Math.cos(omega);
    double s1 = 0;
    double s2 = 0;
    for (double x : signal) {
      double s0 = x + coeff * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double re = s1 - s2 * Math.cos(omega);
    double im = s2 * Math.sin(omega);
    return Math.sqrt(re * re + im * im) / signal.length;
  }

  /** {@code signal} multiplied by a Hann window. */
  public static double[] hann(float[] signal) {
    int n = signal.length;
    double[] w = new double[n];
    for (int i = 0; i < n; i++) {
      w[i] = signal[i] * (0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1)));
    }
    return w;
  }

  /** Root-mean-square level of frames {@code from..to-1}. */
  public static double rms(float[] signal, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += (double) signal[i] * signal[i];
    }
    return Math.sqrt(sum / Math.max(1, to - from));
  }

  /** Largest absolute sample value. */
  public static double peak(float[] signal) {
    double p = 0;
    for (float x : signal) {
      p = Math.max(p, Math.abs(x));
    }
    return p;
  }

  /** The first frame whose absolute value exceeds {@code threshold}, or -1. */
  public static int onset(float[] signal, double threshold) {
    for (int i = 0; i < signal.length; i++) {
      if (Math.abs(signal[i]) > threshold) {
        return i;
      }
    }
    return -1;
  }
}

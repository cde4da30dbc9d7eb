package org.patchwork.ui.scope.internal;

/**
 * Magnitude spectrum of a block of samples: Hann window, radix-2 FFT, dB relative to a
 * full-scale sine (a sine of amplitude 1 reads 0 dB at its bin). Buffers are allocated once;
 * not thread-safe.
 */
final class Spectrum {

  private final int size;
  private final float[] window;
  private final double windowSum;
  private final double[] re;
  private final double[] im;
  private final double[] cos;
  private final double[] sin;
  private final int[] reverse;

  /** @param size a power of 2, at least 16 */
  Spectrum(int size) {
    if (size < 16 || Integer.bitCount(size) != 1) {
      throw new IllegalArgumentException("size must be a power of 2 of at least 16: " + size);
    }
    this.size = size;
    window = new float[size];
    double sum = 0;
    for (int i = 0; i < size; i++) {
      window[i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * i / size));
      sum += window[i];
    }
    windowSum = sum;
    re = new double[size];
    im = new double[size];
    cos = new double[size / 2];
    sin = new double[size / 2];
    for (int i = 0; i < size / 2; i++) {
      cos[i] = Math.cos(-2 * Math.PI * i / size);
      sin[i] = Math.sin(-2 * Math.PI * i / size);
    }
    reverse = new int[size];
    int bits = Integer.numberOfTrailingZeros(size);
    for (int i = 0; i < size; i++) {
      reverse[i] = Integer.reverse(i) >>> (32 - bits);
    }
  }

  int size() {
    return size;
  }

  /**
   * Writes the level of bins {@code 0..size/2} in dB (floored at -200) into {@code db}, from the
   * mono mix of {@code left} and {@code right} (their first {@code size} samples).
   */
  void analyse(float[] left, float[] right, double[] db) {
    for (int i = 0; i < size; i++) {
      int j = reverse[i];
      re[j] = 0.5 * (left[i] + right[i]) * window[i];
      im[j] = 0;
    }
    for (int len = 2; len <= size; len <<= 1) {
      int half = len >> 1;
      int step = size / len;
      for (int start = 0; start < size; start += len) {
        for (int k = 0; k < half; k++) {
          double wr = cos[k * step];
          double wi = sin[k * step];
          int a = start + k;
          int b = a + half;
          double tr = re[b] * wr - im[b] * wi;
          double ti = re[b] * wi + im[b] * wr;
          re[b] = re[a] - tr;
          im[b] = im[a] - ti;
          re[a] += tr;
          im[a] += ti;
        }
      }
    }
    for (int k = 0; k <= size / 2; k++) {
      // A sine of amplitude A gives |X| = A * windowSum / 2 at its bin.
      double magnitude = Math.hypot(re[k], im[k]) * 2 / windowSum;
      db[k] = magnitude <= 1e-10 ? -200 : 20 * Math.log10(magnitude);
    }
  }
}

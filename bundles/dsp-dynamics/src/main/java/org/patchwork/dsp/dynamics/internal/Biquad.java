package org.patchwork.dsp.dynamics.internal;

/**
 * One stereo second-order section with coefficients from R. Bristow-Johnson's "Cookbook
 * formulae for audio EQ biquad filter coefficients" (w0 = 2π·f/fs, α = sin(w0)/(2Q),
 * A = 10^(gain/40)), run in transposed direct form II with double-precision state:
 *
 * <pre>  y = b0·x + s1,   s1 ← b1·x − a1·y + s2,   s2 ← b2·x − a2·y</pre>
 *
 * Transposed form II keeps the state small and changes smoothly when the coefficients move
 * a little at a time, which is how {@link ParametricEq} moves them. An identity section is
 * skipped.
 */
final class Biquad {

  private double b0 = 1;
  private double b1;
  private double b2;
  private double a1;
  private double a2;
  private boolean identity = true;
  private double s1L;
  private double s2L;
  private double s1R;
  private double s2R;

  void setIdentity() {
    if (!identity) {
      identity = true;
      clear();
    }
  }

  void setLowPass(double sampleRate, double hz, double q) {
    double w = w0(sampleRate, hz);
    double cos = Math.cos(w);
    double alpha = Math.sin(w) / (2 * q);
    set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  void setHighPass(double sampleRate, double hz, double q) {
    double w = w0(sampleRate, hz);
    double cos = Math.cos(w);
    double alpha = Math.sin(w) / (2 * q);
    set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  void setPeak(double sampleRate, double hz, double gainDb, double q) {
    double w = w0(sampleRate, hz);
    double cos = Math.cos(w);
    double alpha = Math.sin(w) / (2 * q);
    double a = Dsp.gain(gainDb / 2);
    set(1 + alpha * a, -2 * cos, 1 - alpha * a, 1 + alpha / a, -2 * cos, 1 - alpha / a);
  }

  void setLowShelf(double sampleRate, double hz, double gainDb, double q) {
    double w = w0(sampleRate, hz);
    double cos = Math.cos(w);
    double a = Dsp.gain(gainDb / 2);
    double k = 2 * Math.sqrt(a) * Math.sin(w) / (2 * q);
    set(a * ((a + 1) - (a - 1) * cos + k), 2 * a * ((a - 1) - (a + 1) * cos),
        a * ((a + 1) - (a - 1) * cos - k),
        (a + 1) + (a - 1) * cos + k, -2 * ((a - 1) + (a + 1) * cos), (a + 1) + (a - 1) * cos - k);
  }

  void setHighShelf(double sampleRate, double hz, double gainDb, double q) {
    double w = w0(sampleRate, hz);
    double cos = Math.cos(w);
    double a = Dsp.gain(gainDb / 2);
    double k = 2 * Math.sqrt(a) * Math.sin(w) / (2 * q);
    set(a * ((a + 1) + (a - 1) * cos + k), -2 * a * ((a - 1) + (a + 1) * cos),
        a * ((a + 1) + (a - 1) * cos - k),
        (a + 1) - (a - 1) * cos + k, 2 * ((a - 1) - (a + 1) * cos), (a + 1) - (a - 1) * cos - k);
  }

  /** Highest centre frequency used: 0.49·fs keeps w0 below π where the formulas degenerate. */
  private static double w0(double sampleRate, double hz) {
    double top = 0.49 * sampleRate;
    return 2 * Math.PI * (hz < top ? hz : top) / sampleRate;
  }

  private void set(double nb0, double nb1, double nb2, double na0, double na1, double na2) {
    double inv = 1 / na0;
    b0 = nb0 * inv;
    b1 = nb1 * inv;
    b2 = nb2 * inv;
    a1 = na1 * inv;
    a2 = na2 * inv;
    identity = false;
  }

  /** Filters frames {@code from..to-1} of both channels in place. */
  void process(double[] left, double[] right, int from, int to) {
    if (identity) {
      return;
    }
    double c0 = b0;
    double c1 = b1;
    double c2 = b2;
    double d1 = a1;
    double d2 = a2;
    double u1 = s1L;
    double u2 = s2L;
    double v1 = s1R;
    double v2 = s2R;
    for (int i = from; i < to; i++) {
      double x = left[i];
      double y = c0 * x + u1;
      u1 = c1 * x - d1 * y + u2;
      u2 = c2 * x - d2 * y;
      left[i] = y;
      x = right[i];
      y = c0 * x + v1;
      v1 = c1 * x - d1 * y + v2;
      v2 = c2 * x - d2 * y;
      right[i] = y;
    }
    // Flushing once per call is enough: state cannot fall from 1e-20 to a double denormal
    // within one sub-block. A NaN or infinite input must not poison every later block.
    if (u1 - u1 == 0 && u2 - u2 == 0 && v1 - v1 == 0 && v2 - v2 == 0) {
      s1L = Dsp.flush(u1);
      s2L = Dsp.flush(u2);
      s1R = Dsp.flush(v1);
      s2R = Dsp.flush(v2);
    } else {
      clear();
    }
  }

  void clear() {
    s1L = 0;
    s2L = 0;
    s1R = 0;
    s2R = 0;
  }
}

package org.patchwork.dsp.dynamics.internal;

/**
 * A 2× up- or down-sampler for one channel: a polyphase IIR half-band filter made of two
 * parallel chains of first-order all-passes in z², {@code H(z) = ½·(A₀(z²) + z⁻¹·A₁(z²))}
 * with {@code A(z²) = (a + z⁻²)/(1 + a·z⁻²)}. Each chain runs at the lower rate, so filtering
 * and rate change cost one multiply per coefficient per low-rate sample. Coefficients come
 * from the elliptic design of Valenzuela and Constantinides, "Digital signal processing
 * schemes for efficient interpolation and decimation" (IEE Proc. G 130(6), 1983), as
 * implemented in L. de Soras' HIIR library ({@code PolyphaseIir2Designer}): given the stopband
 * attenuation and the transition width (relative to the higher rate; the pass band ends at
 * ¼ − width), the number of all-passes follows. Even-indexed coefficients form A₀, odd ones A₁.
 *
 * <p>Phase is not linear: the group delay is a few high-rate samples, largest near the band
 * edge. State is double precision and flushed to zero when tiny.
 */
final class Halfband {

  private final double[] coefficients;
  private final double[] x;
  private final double[] y;

  /** A filter with the coefficients {@link #design} returned. */
  Halfband(double[] coefficients) {
    this.coefficients = coefficients.clone();
    x = new double[coefficients.length];
    y = new double[coefficients.length];
  }

  /** n low-rate samples of {@code in} to 2n high-rate samples of {@code out}. */
  void upsample(double[] in, int n, double[] out) {
    double[] c = coefficients;
    int nc = c.length;
    for (int i = 0; i < n; i++) {
      double even = in[i];
      double odd = even;
      for (int k = 0; k + 1 < nc; k += 2) {
        double e = (even - y[k]) * c[k] + x[k];
        double o = (odd - y[k + 1]) * c[k + 1] + x[k + 1];
        x[k] = even;
        x[k + 1] = odd;
        y[k] = e;
        y[k + 1] = o;
        even = e;
        odd = o;
      }
      if ((nc & 1) == 1) {
        int k = nc - 1;
        double e = (even - y[k]) * c[k] + x[k];
        x[k] = even;
        y[k] = e;
        even = e;
      }
      out[2 * i] = even;
      out[2 * i + 1] = odd;
    }
  }

  /** 2n high-rate samples of {@code in} to n low-rate samples of {@code out}. */
  void downsample(double[] in, int n, double[] out) {
    double[] c = coefficients;
    int nc = c.length;
    for (int i = 0; i < n; i++) {
      double even = in[2 * i + 1];
      double odd = in[2 * i];
      for (int k = 0; k + 1 < nc; k += 2) {
        double e = (even - y[k]) * c[k] + x[k];
        double o = (odd - y[k + 1]) * c[k + 1] + x[k + 1];
        x[k] = even;
        x[k + 1] = odd;
        y[k] = e;
        y[k + 1] = o;
        even = e;
        odd = o;
      }
      if ((nc & 1) == 1) {
        int k = nc - 1;
        double e = (even - y[k]) * c[k] + x[k];
        x[k] = even;
        y[k] = e;
        even = e;
      }
      out[i] = 0.5 * (even + odd);
    }
  }

  /** Zeroes tiny state, and all state if it is not finite. */
  void flush() {
    boolean finite = true;
    for (int k = 0; k < x.length; k++) {
      x[k] = Dsp.flush(x[k]);
      y[k] = Dsp.flush(y[k]);
      finite &= x[k] - x[k] == 0 && y[k] - y[k] == 0;
    }
    if (!finite) {
      clear();
    }
  }

  void clear() {
    java.util.Arrays.fill(x, 0);
    java.util.Arrays.fill(y, 0);
  }

  /**
   * All-pass coefficients for a half-band filter with at least {@code attenuationDb} of
   * stopband rejection and the given transition width (0 &lt; width &lt; ½, relative to the
   * higher rate). Allocates: call from activate.
   */
  static double[] design(double attenuationDb, double width) {
    double k = Math.tan((1 - 2 * width) * Math.PI / 4);
    k *= k;
    double root = Math.pow(1 - k * k, 0.25);
    double e = 0.5 * (1 - root) / (1 + root);
    double e4 = e * e * e * e;
    double q = e * (1 + e4 * (2 + e4 * (15 + 150 * e4)));
    double p = Math.pow(10, -attenuationDb / 10);
    double a = p / (1 - p);
    int order = (int) Math.ceil(Math.log(a * a / 16) / Math.log(q));
    if ((order & 1) == 0) {
      order++;
    }
    order = Math.max(order, 3);
    double[] coefficients = new double[(order - 1) / 2];
    for (int index = 0; index < coefficients.length; index++) {
      int c = index + 1;
      double num = 0;
      int sign = 1;
      for (int i = 0; ; i++, sign = -sign) {
        double power = Math.pow(q, i * (i + 1.0));
        num += power * Math.sin((2 * i + 1) * c * Math.PI / order) * sign;
        if (power < 1e-100) {
          break;
        }
      }
      num *= Math.pow(q, 0.25);
      double den = 0.5;
      sign = -1;
      for (int i = 1; ; i++, sign = -sign) {
        double power = Math.pow(q, (double) i * i);
        den += power * Math.cos(2 * i * c * Math.PI / order) * sign;
        if (power < 1e-100) {
          break;
        }
      }
      double ww = num / den;
      double wwsq = ww * ww;
      double xx = Math.sqrt((1 - wwsq * k) * (1 - wwsq / k)) / (1 + wwsq);
      coefficients[index] = (1 - xx) / (1 + xx);
    }
    return coefficients;
  }
}

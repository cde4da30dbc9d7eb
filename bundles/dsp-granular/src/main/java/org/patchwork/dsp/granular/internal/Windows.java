package org.patchwork.dsp.granular.internal;

/**
 * Grain envelopes as tables of {@link #SIZE} + 1 points over the grain's phase x in [0, 1],
 * read with linear interpolation:
 *
 * <ul>
 *   <li>Hann: {@code 0.5 − 0.5·cos 2πx}, smooth, the overlap-add classic;
 *   <li>Gaussian: {@code (g(x) − g(0))/(1 − g(0))}, {@code g(x) = exp(−(x − ½)²/(2σ²))},
 *       σ = 0.15, shifted so that it reaches exactly 0 at both ends: a narrower, softer grain
 *       (Roads, "Microsound", 2001, ch. 3);
 *   <li>trapezoid: linear 20 % fades and a flat top, which keeps most of the source as it is.
 * </ul>
 */
final class Windows {

  static final int SIZE = 1024;
  static final int HANN = 0;
  static final int GAUSSIAN = 1;
  static final int TRAPEZOID = 2;
  static final int COUNT = 3;
  private static final double SIGMA = 0.15;
  private static final double FADE = 0.2;

  private Windows() {
  }

  /** {@code [shape][SIZE + 2]}: the last point repeats so that x = 1 reads in bounds. */
  static float[][] tables() {
    float[][] t = new float[COUNT][SIZE + 2];
    double edge = gauss(0);
    for (int i = 0; i <= SIZE; i++) {
      double x = (double) i / SIZE;
      t[HANN][i] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * x));
      t[GAUSSIAN][i] = (float) ((gauss(x) - edge) / (1 - edge));
      t[TRAPEZOID][i] = (float) Math.min(1, Math.min(x, 1 - x) / FADE);
    }
    for (float[] shape : t) {
      shape[0] = 0;
      shape[SIZE] = 0;
      shape[SIZE + 1] = 0;
    }
    return t;
  }

  private static double gauss(double x) {
    double d = (x - 0.5) / SIGMA;
    return Math.exp(-0.5 * d * d);
  }
}

package org.patchwork.dsp.dynamics.internal;

/**
 * Up to three cascaded {@link Halfband} stages for one channel: 2×, 4× or 8× oversampling and
 * back. Each stage's transition width is chosen so that what it lets fold back lands where a
 * later (lower-rate) stage removes it, keeping 0..20 kHz (at 48 kHz) clean to about 100 dB:
 *
 * <pre>  stage 1, 2·fs: pass band to 0.21·2fs (20.2 kHz), stop band from 0.29·2fs (27.8 kHz)
 *  stage 2, 4·fs: width 0.10, folds land above 27.8 kHz, where stage 1 stops them
 *  stage 3, 8·fs: width 0.17, likewise above the stop band of stages 1 and 2</pre>
 *
 * All buffers are allocated on construction (activate); up and down allocate nothing.
 */
final class Oversampler {

  static final int MAX_STAGES = 3;
  private static final double ATTENUATION_DB = 100;
  private static final double[] WIDTHS = {0.04, 0.10, 0.17};

  private final Halfband[] up = new Halfband[MAX_STAGES];
  private final Halfband[] down = new Halfband[MAX_STAGES];
  private final double[] a;
  private final double[] b;
  private final double[] base;

  Oversampler(int maxFrames) {
    for (int s = 0; s < MAX_STAGES; s++) {
      double[] c = Halfband.design(ATTENUATION_DB, WIDTHS[s]);
      up[s] = new Halfband(c);
      down[s] = new Halfband(c);
    }
    a = new double[maxFrames << MAX_STAGES];
    b = new double[maxFrames << MAX_STAGES];
    base = new double[maxFrames];
  }

  /**
   * Upsamples n frames of {@code in} by 2^stages; returns the buffer holding the n·2^stages
   * samples, to be changed in place and handed to {@link #down}.
   */
  double[] up(float[] in, int n, int stages) {
    double[] src = a;
    double[] dst = b;
    for (int i = 0; i < n; i++) {
      src[i] = in[i];
    }
    for (int s = 0; s < stages; s++) {
      up[s].upsample(src, n << s, dst);
      double[] t = src;
      src = dst;
      dst = t;
    }
    return src;
  }

  /** Downsamples n·2^stages samples of {@code high} to n frames; returns the buffer holding them. */
  double[] down(double[] high, int n, int stages) {
    if (stages == 0) {
      return high;
    }
    double[] src = high;
    double[] dst = high == a ? b : a;
    for (int s = stages - 1; s > 0; s--) {
      down[s].downsample(src, n << s, dst);
      double[] t = src;
      src = dst;
      dst = t;
    }
    down[0].downsample(src, n, base);
    return base;
  }

  /** Flushes tiny filter state to zero; call once per block. */
  void flush() {
    for (int s = 0; s < MAX_STAGES; s++) {
      up[s].flush();
      down[s].flush();
    }
  }

  void clear() {
    for (int s = 0; s < MAX_STAGES; s++) {
      up[s].clear();
      down[s].clear();
    }
  }
}

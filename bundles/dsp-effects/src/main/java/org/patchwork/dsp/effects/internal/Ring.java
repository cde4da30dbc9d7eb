package org.patchwork.dsp.effects.internal;

/**
 * What the effects share: power-of-two ring buffers read at fractional delays, and the
 * guards that keep state finite and free of denormals.
 *
 * <p>A ring is written one frame at a time at index {@code write}, which then advances; the
 * sample written {@code k} frames ago sits at {@code write − k} (masked). {@link #read} is
 * called before the current frame is written, so the smallest usable delay is
 * {@link #MIN_DELAY} frames: the 4-point interpolator needs one newer sample than the one it
 * starts from.
 */
final class Ring {

  /** Smallest delay {@link #read} accepts, in frames. */
  static final double MIN_DELAY = 2;

  /** Below this a state is 400 dB down: flushed to zero so it never decays into denormals. */
  static final double TINY = 1e-20;

  private Ring() {
  }

  /** A zeroed ring long enough for delays up to {@code maxDelayFrames}. */
  static float[] allocate(double maxDelayFrames) {
    return new float[length(maxDelayFrames)];
  }

  /** The power-of-two length of a ring for delays up to {@code maxDelayFrames}. */
  static int length(double maxDelayFrames) {
    int needed = (int) Math.ceil(maxDelayFrames) + 4;
    return Integer.highestOneBit(needed - 1) << 1;
  }

  /**
   * The signal {@code delay} frames before the frame about to be written, by 4-point cubic
   * Hermite (Catmull-Rom) interpolation. At a whole number of frames it returns the stored
   * sample exactly, and its kernel's first moment equals the fractional part, so an impulse
   * keeps its exact centre of mass. {@code delay} is limited to [2, length − 3].
   */
  static double read(float[] ring, int mask, int write, double delay) {
    double d = delay >= MIN_DELAY ? delay : MIN_DELAY;
    double longest = mask - 2;
    if (d > longest) {
      d = longest;
    }
    int whole = (int) d;
    double f = d - whole;
    int p = write - whole;
    double newer = ring[(p + 1) & mask];
    double y0 = ring[p & mask];
    double y1 = ring[(p - 1) & mask];
    double y2 = ring[(p - 2) & mask];
    double c1 = 0.5 * (y1 - newer);
    double c2 = newer - 2.5 * y0 + 2 * y1 - 0.5 * y2;
    double c3 = 0.5 * (y2 - newer) + 1.5 * (y0 - y1);
    return ((c3 * f + c2) * f + c1) * f + y0;
  }

  /** {@code x} as a float, or 0 when it is too small to hear or is not finite. */
  static float flush(double x) {
    return x > -TINY && x < TINY || !(x - x == 0) ? 0f : (float) x;
  }

  /**
   * {@code x}, or 0 when it is too small to hear: the cheap guard for state fed only by
   * sanitised input and clamped coefficients, which cannot become NaN.
   */
  static double tiny(double x) {
    return Math.abs(x) < TINY ? 0 : x;
  }

  /** {@code x}, or 0 when it is too small to hear or is not finite. */
  static double flushState(double x) {
    return x > -TINY && x < TINY || !(x - x == 0) ? 0 : x;
  }

  /** {@code v} limited to [lo, hi]; NaN gives {@code lo}. */
  static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }
}

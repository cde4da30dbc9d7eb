package org.patchwork.dsp.utility.internal;

/** What the utility modules share: decibel conversion with a silent floor, clamping, flushing. */
final class Levels {

  /** The bottom of every level range: read as −∞ dB, i.e. a gain of exactly 0. */
  static final double FLOOR_DB = -96;

  /** Below this a value is 400 dB down: flushed to zero so it never decays into denormals. */
  private static final double TINY = 1e-20;

  private Levels() {
  }

  /** {@code 10^(db/20)}, or exactly 0 at or below {@link #FLOOR_DB} (and for NaN). */
  static double gain(double db) {
    return db > FLOOR_DB ? Math.pow(10, db / 20) : 0;
  }

  /** {@code v} limited to [lo, hi]; NaN gives {@code lo}. */
  static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  /** {@code x}, or 0 when it is too small to hear and would otherwise become denormal. */
  static double flush(double x) {
    return x > -TINY && x < TINY ? 0 : x;
  }

  /** A sample fit to write: finite, and 0 instead of anything denormal. */
  static float sample(double x) {
    float f = (float) x;
    if (!(f >= -Float.MAX_VALUE && f <= Float.MAX_VALUE)) {
      return 0f;
    }
    return f > -Float.MIN_NORMAL && f < Float.MIN_NORMAL ? 0f : f;
  }
}

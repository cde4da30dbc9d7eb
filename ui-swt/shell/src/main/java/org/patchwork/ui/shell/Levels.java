package org.patchwork.ui.shell;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Level arithmetic for meters and faders: decibels, and peak and RMS of a span of samples.
 *
 * <pre>{@code
 * float[] pr = new float[2];
 * Levels.measure(left, n, pr);               // pr[0] = peak, pr[1] = RMS, linear
 * double db = Levels.toDb(pr[0]);            // -inf for silence
 * }</pre>
 */
@ProviderType
public final class Levels {

  /** The fader's bottom: the engine treats -144 dB as silence. */
  public static final double SILENCE_DB = -144;

  private Levels() {
  }

  /** 20·log10(linear); {@link Double#NEGATIVE_INFINITY} for 0. */
  public static double toDb(double linear) {
    return linear <= 0 ? Double.NEGATIVE_INFINITY : 20 * Math.log10(linear);
  }

  /** 10^(dB/20); 0 at or below {@link #SILENCE_DB}. */
  public static double toLinear(double db) {
    return db <= SILENCE_DB ? 0 : Math.pow(10, db / 20);
  }

  /** Peak and RMS of {@code x[0..n)} into {@code out[0]} and {@code out[1]} (linear). */
  public static void measure(float[] x, int n, float[] out) {
    float peak = 0;
    double squares = 0;
    for (int i = 0; i < n; i++) {
      peak = Math.max(peak, Math.abs(x[i]));
      squares += (double) x[i] * x[i];
    }
    out[0] = peak;
    out[1] = n == 0 ? 0f : (float) Math.sqrt(squares / n);
  }

  /** A level as text: "-6.0 dB", "-inf dB". */
  public static String format(double db) {
    return db <= SILENCE_DB || Double.isInfinite(db) ? "-inf dB" : String.format(java.util.Locale.ROOT, "%.1f dB", db);
  }

  /**
   * The equal-power pan law the engine uses: the gain of the left ({@code side} 0) or right
   * ({@code side} 1) channel for a pan position -1..1.
   */
  public static double panGain(double pan, int side) {
    double theta = (pan + 1) * Math.PI / 4;
    if (side == 0) {
      return pan >= 1 ? 0 : Math.cos(theta);
    }
    return pan <= -1 ? 0 : Math.sin(theta);
  }
}

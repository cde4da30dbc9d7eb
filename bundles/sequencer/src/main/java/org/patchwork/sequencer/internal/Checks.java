package org.patchwork.sequencer.internal;

import java.math.BigDecimal;

/** Small argument checks shared by the model's records; messages name the rule broken. */
public final class Checks {

  private Checks() {
  }

  /** Throws {@code IllegalArgumentException("<what> must be within min..max: v")} when out of range. */
  public static int range(String what, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(what + " must be within " + min + ".." + max + ": " + v);
    }
    return v;
  }

  /** As {@link #range(String, int, int, int)} for doubles; NaN is refused. */
  public static double range(String what, double v, double min, double max) {
    if (!(v >= min && v <= max)) {
      throw new IllegalArgumentException(what + " must be within " + min + ".." + max + ": " + v);
    }
    return v;
  }

  /**
   * A decimal in its shortest form, so {@code 0.50} and {@code 0.5} are equal and print alike;
   * checked against {@code [min, max]} (max exclusive when {@code openMax}).
   */
  public static BigDecimal decimal(String what, BigDecimal v, String min, String max, boolean openMax) {
    if (v == null) {
      throw new IllegalArgumentException(what + " is missing");
    }
    BigDecimal lo = new BigDecimal(min);
    BigDecimal hi = new BigDecimal(max);
    int top = v.compareTo(hi);
    if (v.compareTo(lo) < 0 || top > 0 || openMax && top == 0) {
      throw new IllegalArgumentException(what + " must be within " + min + ".." + max
          + (openMax ? " (exclusive)" : "") + ": " + v.toPlainString());
    }
    return v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
  }
}

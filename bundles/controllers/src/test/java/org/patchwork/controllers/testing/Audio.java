package org.patchwork.controllers.testing;

/** Measurements of captured audio for the tests. */
public final class Audio {

  private Audio() {
  }

  /** RMS of {@code x[from..to)}. */
  public static double rms(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i] * x[i];
    }
    return Math.sqrt(s / Math.max(1, to - from));
  }

  /** The level of the {@code hz} component of {@code x[from..to)} (Goertzel), as an amplitude. */
  public static double level(float[] x, int from, int to, double hz, double rate) {
    double w = 2 * Math.PI * hz / rate;
    double c = 2 * Math.cos(w);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = x[i] + c * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    double power = s1 * s1 + s2 * s2 - c * s1 * s2;
    return 2 * Math.sqrt(Math.max(0, power)) / (to - from);
  }

  /** The first frame at or after {@code from} where |x| exceeds {@code threshold}, or -1. */
  public static int onset(float[] x, int from, int to, double threshold) {
    for (int i = Math.max(0, from); i < to; i++) {
      if (Math.abs(x[i]) > threshold) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Some spacing of consecutive {@code onsets} is {@code expected} frames (±2). A capture client
   * records only the periods it is called for, so a period it lost shortens the spacing that
   * spans it by a period: the others still tell. When none is right and the capture lost
   * periods meanwhile, the check cannot tell and says so (NOT MEASURED); with no period lost it
   * fails.
   */
  public static void assertSpacing(java.util.List<Integer> onsets, int expected, long lostPeriods, String what) {
    java.util.List<Integer> spacings = new java.util.ArrayList<>();
    for (int i = 1; i < onsets.size(); i++) {
      spacings.add(onsets.get(i) - onsets.get(i - 1));
    }
    if (spacings.stream().anyMatch(d -> Math.abs(d - expected) <= 2)) {
      return;
    }
    if (lostPeriods <= 0) {
      throw new AssertionError(what + ": spacings " + spacings + " with no capture period lost, expected " + expected);
    }
    System.out.println(what + ": NOT MEASURED, the capture lost " + lostPeriods + " periods (spacings " + spacings + ")");
  }
}

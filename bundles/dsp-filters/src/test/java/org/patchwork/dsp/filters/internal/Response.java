package org.patchwork.dsp.filters.internal;

import java.util.function.Supplier;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/** Measures a filter's steady-state gain with sine tones, and finds its −3 dB point. */
final class Response {

  static final int RATE = 48_000;
  private static final int SETTLE = RATE / 10;
  private static final int WINDOW = RATE / 2;

  private Response() {
  }

  /** Gain at {@code hz}: the Hann-windowed DFT magnitude at hz of the output over that of the input. */
  static double gain(Supplier<ModuleHarness> filter, double hz) {
    float[] in = new float[SETTLE + WINDOW];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) Math.sin(2 * Math.PI * hz * i / RATE);
    }
    float[] out = filter.get().input("in", new float[][] {in}).render(in.length)[0];
    return Signals.magnitude(hann(out), hz, RATE) / Signals.magnitude(hann(in), hz, RATE);
  }

  /**
   * The frequency between {@code lo} and {@code hi} where the gain crosses {@code target}, by
   * bisection on a log scale; the gain must be monotonic there.
   */
  static double crossing(Supplier<ModuleHarness> filter, double target, double lo, double hi) {
    boolean fallsWithFrequency = gain(filter, lo) > gain(filter, hi);
    for (int i = 0; i < 40; i++) {
      double mid = Math.sqrt(lo * hi);
      boolean above = gain(filter, mid) > target;
      if (above == fallsWithFrequency) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return Math.sqrt(lo * hi);
  }

  private static double[] hann(float[] signal) {
    float[] tail = java.util.Arrays.copyOfRange(signal, SETTLE, signal.length);
    return Signals.hann(tail);
  }

  static double db(double gain) {
    return 20 * Math.log10(gain);
  }

  /** Whether every sample is finite and either 0 or a normal float (no denormals). */
  static boolean clean(float[] signal) {
    for (float x : signal) {
      if (!Float.isFinite(x) || x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }
}

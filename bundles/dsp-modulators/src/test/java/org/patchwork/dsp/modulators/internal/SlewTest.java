package org.patchwork.dsp.modulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.ModuleHarness;

class SlewTest {

  private static final int RATE = 48_000;
  private static final int STEP = 1000;

  private static ModuleHarness slew(double rise, double fall, int shape) {
    return new ModuleHarness(new Slew(), Slew.DESCRIPTOR, RATE, 64)
        .set("rise", rise).set("fall", fall).set("shape", shape);
  }

  /** The time in ms after {@code from} at which x first crosses {@code level}, interpolated. */
  private static double crossing(float[] x, int from, double level) {
    boolean rising = x[from] < level;
    for (int i = from + 1; i < x.length; i++) {
      if (rising ? x[i] >= level : x[i] <= level) {
        double frac = (level - x[i - 1]) / (x[i] - x[i - 1]);
        return (i - 1 + frac - from) * 1000.0 / RATE;
      }
    }
    return Double.NaN;
  }

  /** A step 0 → 1 and back 1 → 0; linear reaches the end, exponential 99 % of it, after the set time. */
  @ParameterizedTest
  @CsvSource({"0, 100, 400", "0, 5, 2000", "1, 100, 400", "1, 1000, 30"})
  void riseAndFallTimesMatchTheSettingsWithinOnePercent(int shape, double rise, double fall) {
    int down = STEP + (int) (rise * RATE / 1000) + RATE / 10;
    int length = down + (int) (fall * RATE / 1000) + RATE / 10;
    float[] in = new float[length];
    java.util.Arrays.fill(in, STEP, down, 1f);
    float[] out = slew(rise, fall, shape).input("in", new float[][] {in}).render(length)[0];
    double top = shape == 0 ? 1 - 1e-6 : 0.99;
    double bottom = shape == 0 ? 1e-6 : 0.01;
    double measuredRise = crossing(out, STEP, top);
    double measuredFall = crossing(out, down, bottom);
    System.out.printf("slew %s rise %.0f ms: %.4f ms (error %.4f %%), fall %.0f ms: %.4f ms (error %.4f %%)%n",
        shape == 0 ? "linear" : "exponential", rise, measuredRise, 100 * (measuredRise / rise - 1),
        fall, measuredFall, 100 * (measuredFall / fall - 1));
    assertEquals(rise, measuredRise, 0.01 * rise);
    assertEquals(fall, measuredFall, 0.01 * fall);
    if (shape == 0) {
      // The step frame already takes the first 1/N, so frame STEP + k holds (k + 1)/N.
      assertEquals(0.5, out[STEP + (int) (rise * RATE / 2000) - 1], 1e-6, "a straight line, half way at half time");
    }
  }

  @Test
  void zeroTimesPassTheInputThrough() {
    float[] in = new float[RATE];
    java.util.Random random = new java.util.Random(5);
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) random.nextGaussian();
    }
    for (int shape = 0; shape < 2; shape++) {
      assertArrayEquals(in, slew(0, 0, shape).input("in", new float[][] {in}).render(RATE)[0]);
    }
  }

  @Test
  void extremeInputsStayFiniteAndResetReproduces() {
    float[] wild = new float[RATE];
    java.util.Random random = new java.util.Random(6);
    for (int i = 0; i < wild.length; i++) {
      wild[i] = i % 5 == 0 ? Float.NaN : (float) (random.nextGaussian() * 1e30);
    }
    for (int shape = 0; shape < 2; shape++) {
      ModuleHarness h = slew(3, Slew.MAX_MILLIS, shape).input("in", new float[][] {wild});
      float[] out = h.render(RATE)[0];
      for (float x : out) {
        assertTrue(Float.isFinite(x) && (x == 0 || Math.abs(x) >= Float.MIN_NORMAL), "shape " + shape + ": " + x);
      }
      h.reset();
      assertArrayEquals(out, h.render(RATE)[0]);
    }
  }
}

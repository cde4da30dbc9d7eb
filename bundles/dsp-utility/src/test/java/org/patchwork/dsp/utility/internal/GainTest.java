package org.patchwork.dsp.utility.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.utility.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class GainTest {

  private static final int N = RATE / 2;

  private static ModuleHarness gain(double db) {
    return new ModuleHarness(new Gain(), Gain.DESCRIPTOR, RATE, 64).set("gain", db);
  }

  @ParameterizedTest
  @ValueSource(doubles = {-80, -40, -6, -0.5, 0, 3, 12, 24})
  void gainIsMeasuredWithinAHundredthOfADecibel(double db) {
    float[] in = Measure.sine(997, 0.25, N);
    float[][] out = gain(db).input("in", new float[][] {in, in}).render(N);
    double measured = Measure.db(Measure.amplitude(out[0], 0, 997) / Measure.amplitude(in, 0, 997));
    System.out.printf("gain %+.1f dB: measured %+.5f dB%n", db, measured);
    assertEquals(db, measured, 0.01);
    assertEquals(measured, Measure.gainDb(out[1], in, 0), 0.01, "right channel");
  }

  @Test
  void theFloorOfTheRangeIsSilence() {
    float[] in = Measure.sine(997, 1, N);
    float[][] out = gain(-96).input("in", new float[][] {in, in}).render(N);
    assertEquals(0, Signals.peak(out[0]) + Signals.peak(out[1]), 0);
  }

  @Test
  void invertNegatesEverySample() {
    float[] in = Measure.noise(7, 1, N);
    float[] straight = gain(-6).input("in", new float[][] {in, in}).render(N)[0];
    float[] inverted = gain(-6).set("invert", 1).input("in", new float[][] {in, in}).render(N)[0];
    for (int i = 0; i < N; i++) {
      assertEquals(-straight[i], inverted[i], 0, "frame " + i);
    }
  }

  /** A phase flip or a jump of the gain glides over about 5 ms instead of stepping. */
  @Test
  void changesAreSmoothedAndArriveExactly() {
    float[] in = Measure.constant(1, 2 * N);
    ModuleHarness h = gain(0).input("in", new float[][] {in, in});
    h.render(4800);
    h.set("invert", 1);
    float[] out = h.render(N)[0];
    double largest = 0;
    for (int i = 1; i < out.length; i++) {
      largest = Math.max(largest, Math.abs(out[i] - out[i - 1]));
    }
    // A one-pole with τ = 5 ms moves at most (1 − e^{−1/240})·2 ≈ 0.0083 per frame on a 2-unit flip.
    assertTrue(largest < 0.009, "largest step " + largest);
    int crossing = Signals.onset(out, 0) >= 0 ? firstBelow(out, 0) : -1;
    double ms = crossing * 1000.0 / RATE;
    System.out.printf("gain: a phase flip crosses zero after %.3f ms%n", ms);
    assertEquals(5 * Math.log(2), ms, 0.05, "half way after τ·ln 2");
    assertEquals(-1f, out[N - 1], 0f, "lands exactly on the new gain");
    h.set("gain", -96);
    float[] faded = h.render(N)[0];
    assertEquals(0f, faded[N - 1], 0f, "fades to exact silence");
  }

  private static int firstBelow(float[] x, double level) {
    for (int i = 0; i < x.length; i++) {
      if (x[i] < level) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void extremeInputsStayCleanAndResetReproduces() {
    float[] noise = Measure.noise(8, 1, N);
    ModuleHarness h = gain(24).set("invert", 1).input("in", new float[][] {noise, noise});
    float[] first = h.render(N)[0];
    assertTrue(Measure.clean(first));
    h.set("gain", -30);
    h.render(N);
    h.reset();
    h.set("gain", 24);
    assertArrayEquals(first, h.render(N)[0]);
  }
}

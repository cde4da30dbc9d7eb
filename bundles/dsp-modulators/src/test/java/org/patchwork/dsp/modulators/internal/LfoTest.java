package org.patchwork.dsp.modulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class LfoTest {

  private static final int RATE = 48_000;

  private static ModuleHarness lfo(int wave, double rate) {
    return new ModuleHarness(new Lfo(), Lfo.DESCRIPTOR, RATE, 64).set("wave", wave).set("rate", rate);
  }

  /** Rate from rising zero crossings, interpolated between frames: (crossings − 1) / elapsed time. */
  private static double measuredRate(float[] x) {
    double first = -1;
    double last = -1;
    int count = 0;
    for (int i = 1; i < x.length; i++) {
      if (x[i - 1] < 0 && x[i] >= 0) {
        double t = (i - 1 + (double) -x[i - 1] / (x[i] - x[i - 1])) / RATE;
        if (first < 0) {
          first = t;
        }
        last = t;
        count++;
      }
    }
    return (count - 1) / (last - first);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.5, 2, 37, 99})
  void rateIsMeasuredWithinAHundredthOfAPercent(double rate) {
    float[] out = lfo(Lfo.SINE, rate).render(12 * RATE)[0];
    double measured = measuredRate(out);
    double error = 100 * (measured / rate - 1);
    System.out.printf("lfo %.1f Hz: measured %.6f Hz, error %.6f %%%n", rate, measured, error);
    assertEquals(0, error, 0.01);
  }

  @Test
  void rateCvIsOneVoltPerOctave() {
    float[] cv = new float[10 * RATE];
    java.util.Arrays.fill(cv, -1f);
    float[] out = lfo(Lfo.SINE, 8).input("rate_cv", new float[][] {cv}).render(cv.length)[0];
    assertEquals(4, measuredRate(out), 4e-4);
  }

  @ParameterizedTest
  @CsvSource({"1, 0.25, 1", "1, 0.5, 0", "1, 0.75, -1", "2, 0.25, 0.5", "2, 0.499, 0.998",
      "2, 0.75, -0.5", "3, 0.25, 1", "3, 0.75, -1", "0, 0.25, 1"})
  void shapesHaveTheirValuesAtKnownPhases(int wave, double phase, double value) {
    float[] out = lfo(wave, 1).set("level", 0.5).render(RATE)[0];
    assertEquals(0.5 * value, out[(int) Math.round(phase * RATE)], 1e-4);
    assertEquals(wave == Lfo.SQUARE ? 0.5 : 0, out[0], 0, "starts at 0 (square: high)");
  }

  @Test
  void risingResetRestartsThePhaseAtItsFrame() {
    float[] reset = new float[RATE];
    reset[12_345] = 1;
    float[] out = lfo(Lfo.SAW, 3.3).input("reset", new float[][] {reset}).render(RATE)[0];
    float[] fresh = lfo(Lfo.SAW, 3.3).render(RATE - 12_345)[0];
    assertArrayEquals(fresh, java.util.Arrays.copyOfRange(out, 12_345, RATE));
  }

  @Test
  void extremeSettingsStayFinite() {
    float[] cv = new float[RATE];
    for (int i = 0; i < cv.length; i++) {
      cv[i] = i % 2 == 0 ? 1e9f : Float.NaN;
    }
    for (int wave = 0; wave < 4; wave++) {
      float[] out = lfo(wave, 100).input("rate_cv", new float[][] {cv}).input("reset", new float[][] {cv})
          .render(RATE)[0];
      for (float x : out) {
        assertTrue(Float.isFinite(x) && Math.abs(x) <= 1, "wave " + wave + ": " + x);
      }
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = lfo(Lfo.TRIANGLE, 5.5);
    float[] first = h.render(RATE)[0];
    h.reset();
    assertArrayEquals(first, h.render(RATE)[0]);
    assertEquals(1 / Math.sqrt(3), Signals.rms(first, 0, RATE), 1e-3, "a triangle's RMS is 1/√3");
  }

  /** The harness plays at 120 BPM in 4/4 from song frame 0. */
  @ParameterizedTest
  @CsvSource({"2, 0.5", "4, 2", "5, 4", "9, 3", "13, 1.3333333333333333", "0, 0.125"})
  void tempoSyncRunsOneCyclePerDivision(int division, double expectedHz) {
    int seconds = (int) Math.max(16, 3 / expectedHz + 1);
    float[] out = lfo(Lfo.SINE, 37).set("sync", 1).set("division", division).render(seconds * RATE)[0];
    double measured = measuredRate(out);
    double error = 100 * (measured / expectedHz - 1);
    System.out.printf("lfo synced, division %d: measured %.6f Hz (expected %.6f), error %.6f %%%n",
        division, measured, expectedHz, error);
    assertEquals(0, error, 0.01);
  }

  @Test
  void tempoSyncLocksThePhaseToTheBeat() {
    // A quarter-note saw at 120 BPM starts every 24000 frames, whatever the block size.
    for (int block : new int[] {1, 64, 100}) {
      float[] out = new ModuleHarness(new Lfo(), Lfo.DESCRIPTOR, RATE, block).set("wave", Lfo.SAW)
          .set("sync", 1).set("division", 4).render(4 * RATE)[0];
      for (int beat = 0; beat < 8; beat++) {
        assertEquals(0, out[beat * RATE / 2], 1e-6, "beat " + beat + ", block " + block);
        assertEquals(0.5, out[beat * RATE / 2 + RATE / 8], 1e-6, "a quarter into beat " + beat);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, 90, 1", "0, 270, -1", "2, 180, -1", "3, 180, -1", "1, 90, 1"})
  void phaseShiftsTheShape(int wave, double degrees, double first) {
    float[] out = lfo(wave, 1).set("phase", degrees).render(RATE)[0];
    assertEquals(first, out[0], 1e-9, "value at the start");
    float[] plain = lfo(wave, 1).render(RATE)[0];
    int shift = (int) Math.round(degrees / 360 * RATE);
    assertEquals(plain[shift + 1000], out[1000], 1e-5, "the same shape, shifted");
  }
}

package org.patchwork.dsp.utility.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.utility.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class PanTest {

  private static final int N = RATE / 2;

  private static ModuleHarness pan(int law, double position) {
    return new ModuleHarness(new Pan(), Pan.DESCRIPTOR, RATE, 64).set("law", law).set("pan", position);
  }

  @ParameterizedTest
  @CsvSource({"0, -3.0103", "1, -6.0206", "2, -4.5154"})
  void eachLawHasItsLevelAtTheCentre(int law, double expectedDb) {
    float[] in = Measure.sine(1000, 0.5, N);
    float[][] out = pan(law, 0).input("in", new float[][] {in, in}).render(N);
    double l = Measure.gainDb(out[0], in, 0);
    double r = Measure.gainDb(out[1], in, 0);
    System.out.printf("pan law %d at the centre: left %.4f dB, right %.4f dB%n", law, l, r);
    assertEquals(expectedDb, l, 0.001);
    assertEquals(expectedDb, r, 0.001);
  }

  /** Equal power keeps L² + R² constant; linear keeps L + R constant; both end at 0 dB / silence. */
  @Test
  void lawsKeepTheirInvariantAcrossTheStage() {
    for (double p = -1; p <= 1.0001; p += 0.125) {
      double l = Pan.left(Pan.EQUAL_POWER, p);
      double r = Pan.left(Pan.EQUAL_POWER, -p);
      assertEquals(1, l * l + r * r, 1e-12, "equal power at " + p);
      assertEquals(1, Pan.left(Pan.LINEAR, p) + Pan.left(Pan.LINEAR, -p), 1e-12, "linear at " + p);
      double ml = Pan.left(Pan.MINUS_4_5_DB, p);
      assertEquals(Math.sqrt(l * Pan.left(Pan.LINEAR, p)), ml, 1e-12, "-4.5 dB at " + p);
    }
    for (int law = 0; law < 3; law++) {
      assertEquals(1, Pan.left(law, -1), 1e-12, "hard left is 0 dB, law " + law);
      assertEquals(0, Pan.left(law, 1), 0, "hard right mutes the left exactly, law " + law);
    }
  }

  @Test
  void panCvAddsToThePanAndIsLimitedToTheStage() {
    float[] in = Measure.sine(1000, 0.5, N);
    float[][] out = pan(0, -0.5).input("in", new float[][] {in, in})
        .input("pan_cv", new float[][] {Measure.constant(0.5, N)}).render(N);
    assertEquals(-3.0103, Measure.gainDb(out[0], in, 0), 0.001, "-0.5 + 0.5 = centre");
    float[][] hard = pan(0, 0.5).input("in", new float[][] {in, in})
        .input("pan_cv", new float[][] {Measure.constant(5.0, N)}).render(N);
    assertEquals(0, Signals.peak(hard[0]), 0, "0.5 + 5 is hard right");
    assertEquals(0, Measure.gainDb(hard[1], in, 0), 0.001);
  }

  @Test
  void monoModeSumsTheInputStereoModeBalancesIt() {
    float[] left = Measure.sine(500, 0.5, N);
    float[] right = Measure.sine(1500, 0.5, N);
    float[][] mono = pan(1, 0).set("input", 0).input("in", new float[][] {left, right}).render(N);
    // (L + R)/2 at -6 dB: each tone at a quarter of its amplitude on both sides.
    assertEquals(0.125, Measure.amplitude(mono[0], 0, 500), 1e-3);
    assertEquals(0.125, Measure.amplitude(mono[0], 0, 1500), 1e-3);
    assertEquals(0.125, Measure.amplitude(mono[1], 0, 500), 1e-3);
    float[][] stereo = pan(1, 0).set("input", 1).input("in", new float[][] {left, right}).render(N);
    assertEquals(0.25, Measure.amplitude(stereo[0], 0, 500), 1e-3);
    assertTrue(Measure.amplitude(stereo[0], 0, 1500) < 1e-4, "the right input stays right");
    assertEquals(0.25, Measure.amplitude(stereo[1], 0, 1500), 1e-3);
  }

  @Test
  void extremeInputsStayCleanAndResetReproduces() {
    float[] noise = Measure.noise(5, 1, N);
    float[] cv = Measure.noise(6, 1e3, N);
    for (int law = 0; law < 3; law++) {
      ModuleHarness h = pan(law, 1).input("in", new float[][] {noise, noise}).input("pan_cv", new float[][] {cv});
      float[][] first = h.render(N);
      assertTrue(Measure.clean(first[0]) && Measure.clean(first[1]), "law " + law);
      h.reset();
      assertArrayEquals(first[0], h.render(N)[0]);
    }
  }
}

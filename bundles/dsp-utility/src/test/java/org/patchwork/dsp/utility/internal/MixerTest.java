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

class MixerTest {

  private static final int N = RATE / 2;

  private static ModuleHarness mixer() {
    return new ModuleHarness(new Mixer(), Mixer.DESCRIPTOR, RATE, 64);
  }

  private static float[][] mono(float[] x) {
    return new float[][] {x, x};
  }

  /** Each channel's tone comes out at its level, pan and the master: the sum is exact. */
  @Test
  void sumsEveryChannelAtItsLevelPanAndTheMaster() {
    double[] hz = {500, 1000, 2000, 3000};
    double[] levelDb = {0, -6, -12, 6};
    double[] pan = {-1, 1, 0, 0.5};
    double masterDb = -3;
    ModuleHarness h = mixer().set("master", masterDb);
    for (int k = 0; k < 4; k++) {
      h.input("in" + (k + 1), mono(Measure.sine(hz[k], 0.25, N)));
      h.set("level" + (k + 1), levelDb[k]).set("pan" + (k + 1), pan[k]);
    }
    float[][] out = h.render(N);
    double master = Math.pow(10, masterDb / 20);
    for (int k = 0; k < 4; k++) {
      double a = 0.25 * Math.pow(10, levelDb[k] / 20) * master;
      double theta = (pan[k] + 1) * Math.PI / 4;
      double left = Measure.amplitude(out[0], 0, hz[k]);
      double right = Measure.amplitude(out[1], 0, hz[k]);
      System.out.printf("mixer in%d %.0f Hz: left %.5f (expected %.5f), right %.5f (expected %.5f)%n",
          k + 1, hz[k], left, a * Math.cos(theta), right, a * Math.sin(theta));
      assertEquals(a * Math.cos(theta), left, 2e-4, "in" + (k + 1) + " left");
      assertEquals(a * Math.sin(theta), right, 2e-4, "in" + (k + 1) + " right");
    }
    // The same sum, sample by sample, from the formula.
    float[] expected = new float[N];
    for (int i = 0; i < N; i++) {
      double sum = 0;
      for (int k = 0; k < 4; k++) {
        double theta = (pan[k] + 1) * Math.PI / 4;
        sum += 0.25 * Math.sin(2 * Math.PI * hz[k] * i / RATE) * Math.pow(10, levelDb[k] / 20) * Math.cos(theta);
      }
      expected[i] = (float) (sum * master);
    }
    assertArrayEquals(expected, out[0], 1e-6f);
  }

  @ParameterizedTest
  @CsvSource({"0, -3.0103, -3.0103", "-1, 0, -400", "1, -400, 0", "0.5, -8.3432, -0.6877", "-0.5, -0.6877, -8.3432"})
  void panIsTheEqualPowerLaw(double pan, double leftDb, double rightDb) {
    float[] in = Measure.sine(1000, 0.5, N);
    float[][] out = mixer().set("pan2", pan).input("in2", mono(in)).render(N);
    double l = Measure.gainDb(out[0], in, 0);
    double r = Measure.gainDb(out[1], in, 0);
    System.out.printf("mixer pan %+.1f: left %.4f dB, right %.4f dB%n", pan, l, r);
    if (leftDb < -300) {
      assertEquals(0, Signals.peak(out[0]), 0, "hard right: nothing on the left");
    } else {
      assertEquals(leftDb, l, 0.001);
    }
    if (rightDb < -300) {
      assertEquals(0, Signals.peak(out[1]), 0, "hard left: nothing on the right");
    } else {
      assertEquals(rightDb, r, 0.001);
    }
    // Equal power: the two sides always add up to the input's power.
    double power = Math.pow(Signals.rms(out[0], 0, N), 2) + Math.pow(Signals.rms(out[1], 0, N), 2);
    assertEquals(Math.pow(Signals.rms(in, 0, N), 2), power, 1e-6);
  }

  @Test
  void floorLevelSilencesAChannelAndUnconnectedInputsAddNothing() {
    float[] in = Measure.sine(1000, 0.5, N);
    float[][] out = mixer().set("level3", -96).input("in3", mono(in)).render(N);
    assertEquals(0, Signals.peak(out[0]) + Signals.peak(out[1]), 0);
    float[][] quiet = mixer().render(N);
    assertEquals(0, Signals.peak(quiet[0]) + Signals.peak(quiet[1]), 0);
  }

  @Test
  void extremeSettingsStayClean() {
    float[] noise = Measure.noise(1, 1, N);
    ModuleHarness h = mixer().set("master", 12);
    for (int k = 1; k <= 4; k++) {
      h.input("in" + k, mono(noise)).set("level" + k, 12).set("pan" + k, k % 2 == 0 ? 1 : -1);
    }
    float[][] out = h.render(N);
    assertTrue(Measure.clean(out[0]) && Measure.clean(out[1]));
    assertTrue(Signals.peak(out[0]) <= 4 * 16 + 1e-3, "at most 4 x +24 dB");
  }

  @Test
  void levelAutomationGlidesWithoutJumps() {
    float[] in = Measure.constant(1, 2 * N);
    ModuleHarness h = mixer().input("in1", mono(in));
    h.render(1000);
    h.set("level1", -40);
    float[] out = h.render(N)[0];
    double largest = 0;
    for (int i = 1; i < out.length; i++) {
      largest = Math.max(largest, Math.abs(out[i] - out[i - 1]));
    }
    assertTrue(largest < 0.02, "largest step " + largest);
    assertEquals(0.01 * Math.sqrt(0.5), out[N - 1], 1e-6, "arrives at -40 dB, -3 dB pan");
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = mixer().input("in1", mono(Measure.noise(2, 1, N))).set("pan1", 0.3);
    float[] first = h.render(N)[1];
    h.reset();
    assertArrayEquals(first, h.render(N)[1]);
  }
}

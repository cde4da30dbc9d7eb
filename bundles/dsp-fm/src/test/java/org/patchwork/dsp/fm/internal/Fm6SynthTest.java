package org.patchwork.dsp.fm.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.fm.internal.Tones.RATE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class Fm6SynthTest {

  private static final int SETTLE = 4800;

  static ModuleHarness harness(int block) {
    return new ModuleHarness(new Fm6Synth(), Fm6Synth.DESCRIPTOR, RATE, block);
  }

  /** Operator 1 alone, as a steady carrier at full level, in the all-parallel algorithm. */
  static ModuleHarness carrierOnly() {
    ModuleHarness h = harness(64).set("algorithm", Fm6Algorithms.ADDITIVE).set("level", 1);
    return steady(h, 1, 1).set("op2_level", 0);
  }

  /** Operator n at {@code level}, no velocity scaling, no decay. */
  static ModuleHarness steady(ModuleHarness h, int n, double level) {
    return h.set("op" + n + "_level", level).set("op" + n + "_velocity", 0).set("op" + n + "_sustain", 1)
        .set("op" + n + "_attack", 0);
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 33, 45, 57, 69, 81, 93, 105, 108})
  void aCarrierAloneIsInTuneWithinATenthOfACent(int key) {
    ModuleHarness h = carrierOnly();
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE + SETTLE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, SETTLE, out.length), RATE);
    double cents = Tones.cents(hz, Tones.keyHz(key));
    System.out.printf("fm6 carrier key %d: %.4f Hz, error %.5f cent%n", key, hz, cents);
    assertEquals(0, cents, 0.1);
  }

  /**
   * Carrier at 8·f, modulator at f with index I: the sidebands at (8 ± k)·f have amplitudes
   * |J_k(I)| (no folding: it starts at k = −9, where J_9 is negligible).
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1, 2})
  void sidebandsFollowTheBesselFunctions(double index) {
    ModuleHarness h = steady(steady(harness(64), 1, 1), 2, index / (2 * Math.PI))
        .set("algorithm", 4).set("level", 1).set("op1_ratio", 8).set("op2_ratio", 1);
    h.noteOn(0, 57, 1f); // 220 Hz: one second holds 220 whole periods
    float[] out = h.render(SETTLE + RATE)[0];
    double carrier = Tones.amplitude(out, SETTLE, RATE, 8 * 220);
    assertEquals(Tones.besselJ(0, index), carrier, 2e-3, "carrier amplitude J0(I)");
    for (int k = 1; k <= 3; k++) {
      double expected = Tones.db(Tones.besselJ(k, index) / Tones.besselJ(0, index));
      double upper = Tones.db(Tones.amplitude(out, SETTLE, RATE, (8 + k) * 220) / carrier);
      double lower = Tones.db(Tones.amplitude(out, SETTLE, RATE, (8 - k) * 220) / carrier);
      System.out.printf("fm6 I=%.1f sideband %d: J%d/J0 %.2f dB, measured %.2f (upper) %.2f (lower) dB%n",
          index, k, k, expected, upper, lower);
      if (expected > -60) {
        assertEquals(expected, upper, 1, "upper sideband " + k);
        assertEquals(expected, lower, 1, "lower sideband " + k);
      }
    }
  }

  /**
   * A 1:1 pair: sin(ωt + I·sin ωt) folds the lower sidebands onto the upper ones, so harmonic
   * n has amplitude |J_{n−1}(I) − J_{−n−1}(I)|; harmonic 2 over harmonic 1 is
   * (J1 + J3)/(J0 − J2), which tends to J1/J0 for small I.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1, 2})
  void aOneToOnePairFollowsTheFoldedBesselSeries(double index) {
    ModuleHarness h = steady(steady(harness(64), 1, 1), 2, index / (2 * Math.PI)).set("algorithm", 4).set("level", 1);
    h.noteOn(0, 69, 1f);
    float[] out = h.render(SETTLE + RATE)[0];
    double first = Tones.amplitude(out, SETTLE, RATE, 440);
    double expectedFirst = Math.abs(Tones.besselJ(0, index) - Tones.besselJSigned(-2, index));
    for (int n = 2; n <= 4; n++) {
      double expected = Tones.db(Math.abs(Tones.besselJ(n - 1, index) - Tones.besselJSigned(-n - 1, index))
          / expectedFirst);
      double measured = Tones.db(Tones.amplitude(out, SETTLE, RATE, n * 440.0) / first);
      System.out.printf("fm6 1:1 I=%.1f harmonic %d: expected %.2f dB, measured %.2f dB (J1/J0 %.2f dB)%n",
          index, n, expected, measured, Tones.db(Tones.besselJ(1, index) / Tones.besselJ(0, index)));
      if (expected > -60) {
        assertEquals(expected, measured, 1, "harmonic " + n);
      }
    }
  }

  @Test
  void feedbackAddsHarmonics() {
    double previous = Double.NEGATIVE_INFINITY;
    for (double feedback : new double[] {0, 0.25, 0.5, 1}) {
      ModuleHarness h = steady(harness(64), 6, 1).set("algorithm", Fm6Algorithms.ADDITIVE)
          .set("op1_level", 0).set("op2_level", 0).set("feedback", feedback).set("level", 1);
      h.noteOn(0, 57, 1f);
      float[] out = h.render(SETTLE + RATE)[0];
      double fundamental = Tones.amplitude(out, SETTLE, RATE, 220);
      double upper = 0;
      for (int n = 2; n <= 40; n++) {
        upper += Math.pow(Tones.amplitude(out, SETTLE, RATE, n * 220.0), 2);
      }
      double db = 10 * Math.log10(upper / (fundamental * fundamental) + 1e-30);
      System.out.printf("fm6 feedback %.2f: harmonics 2-40 at %.1f dB re the fundamental%n", feedback, db);
      assertTrue(db > previous + 1, "more feedback, more harmonics: " + db + " after " + previous);
      previous = db;
    }
    assertTrue(previous > -12, "full feedback is bright: " + previous);
  }

  @ParameterizedTest
  @CsvSource({"1, 0.5, -6.0206", "0.5, 0.5, -2.4988", "1, 0.25, -12.0412", "0, 0.25, 0"})
  void velocitySensitivityScalesTheLevel(double sensitivity, float velocity, double expectedDb) {
    double[] rms = new double[2];
    float[] velocities = {1f, velocity};
    for (int i = 0; i < 2; i++) {
      ModuleHarness h = carrierOnly().set("op1_velocity", sensitivity);
      h.noteOn(0, 69, velocities[i]);
      rms[i] = Signals.rms(h.render(SETTLE + RATE)[0], SETTLE, SETTLE + RATE);
    }
    double db = Tones.db(rms[1] / rms[0]);
    System.out.printf("fm6 velocity %.2f at sensitivity %.1f: %.3f dB (expected %.3f)%n",
        velocity, sensitivity, db, expectedDb);
    assertEquals(expectedDb, db, 0.01);
  }

  @Test
  void releaseEndsTheNoteOnTime() {
    ModuleHarness h = carrierOnly().set("op1_decay", 0).set("op1_release", 100);
    int id = h.noteOn(0, 69, 1f);
    h.noteOff(RATE / 2, 69, id);
    float[] out = h.render(RATE)[0];
    int releaseFrames = RATE / 10;
    double held = Signals.rms(out, RATE / 4, RATE / 2);
    double halfway = Signals.rms(out, RATE / 2 + releaseFrames / 2 - 480, RATE / 2 + releaseFrames / 2 + 480);
    int last = lastNonZero(out);
    System.out.printf("fm6 release 100 ms: halfway at %.3f of the held level, last sound %.2f ms after note-off%n",
        halfway / held, (last - RATE / 2) * 1000.0 / RATE);
    assertEquals(0.5, halfway / held, 0.02, "a linear release is at half level halfway");
    assertTrue(last < RATE / 2 + releaseFrames && last > RATE / 2 + releaseFrames - 48,
        "the sound ends when the release does: " + last);
    assertTrue(Signals.peak(h.render(RATE)[0]) == 0, "and stays silent");
  }

  private static int lastNonZero(float[] signal) {
    for (int i = signal.length - 1; i >= 0; i--) {
      if (signal[i] != 0) {
        return i;
      }
    }
    return -1;
  }

  @Test
  void fixedModeIgnoresTheKey() {
    for (int key : new int[] {40, 69, 90}) {
      ModuleHarness h = carrierOnly().set("op1_mode", 1).set("op1_fixed", 1000);
      h.noteOn(0, key, 1f);
      float[] out = h.render(SETTLE + RATE)[0];
      double hz = Signals.peakFrequency(Arrays.copyOfRange(out, SETTLE, out.length), RATE);
      System.out.printf("fm6 fixed 1000 Hz, key %d: %.4f Hz%n", key, hz);
      assertEquals(0, Tones.cents(hz, 1000), 0.1, "key " + key);
    }
  }

  @Test
  void detuneAndRatioSetTheOperatorFrequency() {
    ModuleHarness h = carrierOnly().set("op1_ratio", 3).set("op1_detune", 25);
    h.noteOn(0, 57, 1f);
    float[] out = h.render(SETTLE + RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, SETTLE, out.length), RATE);
    assertEquals(0, Tones.cents(hz, 660 * Math.pow(2, 25 / 1200.0)), 0.1, "measured " + hz);
  }

  @ParameterizedTest
  @CsvSource({"1, 0, 880", "-1, 0, 220", "0, 0.1, 540"})
  void pitchCvIsOneVoltPerOctaveAndFmAddsHertz(float pitch, float fm, double expected) {
    ModuleHarness h = carrierOnly().set("fm_depth", 1000)
        .input("pitch", Tones.constant(pitch, SETTLE + RATE)).input("fm", Tones.constant(fm, SETTLE + RATE));
    h.noteOn(0, 69, 1f);
    float[] out = h.render(SETTLE + RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, SETTLE, out.length), RATE);
    assertEquals(0, Tones.cents(hz, expected), 0.1, "measured " + hz);
  }

  @Test
  void theOldestNoteIsStolenWhenVoicesRunOut() {
    ModuleHarness h = carrierOnly().set("voices", 2);
    h.noteOn(0, 60, 1f);
    h.noteOn(2400, 64, 1f);
    h.noteOn(4800, 67, 1f);
    float[] out = h.render(SETTLE * 2 + RATE)[0];
    double c = Tones.windowedAmplitude(out, SETTLE * 2, RATE, Tones.keyHz(60));
    double e = Tones.windowedAmplitude(out, SETTLE * 2, RATE, Tones.keyHz(64));
    double g = Tones.windowedAmplitude(out, SETTLE * 2, RATE, Tones.keyHz(67));
    System.out.printf("fm6 two voices, three notes: C %.1f dB, E %.1f dB, G %.1f dB%n",
        Tones.db(c), Tones.db(e), Tones.db(g));
    assertEquals(1, e, 0.01);
    assertEquals(1, g, 0.01);
    assertTrue(c < 1e-4, "the first note was stolen: " + c);
  }

  @Test
  void chordsSoundTogether() {
    ModuleHarness h = carrierOnly();
    for (int key : new int[] {60, 64, 67, 72}) {
      h.noteOn(0, key, 1f);
    }
    float[] out = h.render(SETTLE + RATE)[0];
    for (int key : new int[] {60, 64, 67, 72}) {
      assertEquals(1, Tones.windowedAmplitude(out, SETTLE, RATE, Tones.keyHz(key)), 0.01, "key " + key);
    }
  }

  @Test
  void eachAlgorithmHearsExactlyItsCarriers() {
    // Carriers of DX7 algorithms 1..32 as printed on the instrument, then the serial stack.
    String[] carriers = {"13", "13", "14", "14", "135", "135", "13", "13", "13", "14", "14", "13", "13",
        "13", "13", "1", "1", "1", "145", "124", "1245", "1345", "1245", "12345", "12345", "124", "124",
        "136", "1235", "1236", "12345", "123456", "1"};
    assertEquals(Fm6Algorithms.COUNT, carriers.length);
    for (int a = 0; a < Fm6Algorithms.COUNT; a++) {
      for (int op = 1; op <= 6; op++) {
        ModuleHarness h = harness(64).set("algorithm", a).set("level", 1);
        for (int other = 1; other <= 6; other++) {
          steady(h, other, other == op ? 1 : 0);
        }
        h.noteOn(0, 69, 1f);
        double rms = Signals.rms(h.render(4800)[0], 2400, 4800);
        boolean heard = rms > 0.5;
        assertEquals(carriers[a].contains(String.valueOf(op)), heard,
            Fm6Algorithms.NAMES[a] + ": operator " + op + " rms " + rms);
      }
    }
  }

  @Test
  void silentUntilANoteIsPlayed() {
    float[] noise = new float[RATE];
    java.util.Random random = new java.util.Random(7);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextFloat() * 2 - 1;
    }
    ModuleHarness h = harness(64).input("pitch", new float[][] {noise}).input("fm", new float[][] {noise});
    float[] out = h.render(RATE)[0];
    for (float x : out) {
      assertEquals(0f, x);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = harness(100).set("feedback", 0.7).set("op3_level", 0.5);
    h.noteOn(300, 60, 0.8f);
    h.noteOn(9000, 64, 0.6f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(300, 60, 0.8f);
    h.noteOn(9000, 64, 0.6f);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

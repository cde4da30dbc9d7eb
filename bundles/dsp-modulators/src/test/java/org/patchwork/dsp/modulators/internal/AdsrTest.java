package org.patchwork.dsp.modulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;

class AdsrTest {

  private static final int RATE = 48_000;
  private static final double MS = RATE / 1000.0;
  private static final int ON = 1000;
  private static final int OFF = 24_000;
  private static final double ATTACK = 10;
  private static final double DECAY = 100;
  private static final double SUSTAIN = 0.5;
  private static final double RELEASE = 200;

  private static float[] render(double curve, int block) {
    return render(new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, block).set("curve", curve));
  }

  private static float[] render(ModuleHarness h) {
    h.set("attack", ATTACK).set("decay", DECAY).set("sustain", SUSTAIN).set("release", RELEASE);
    int id = h.noteOn(ON, 60, 1f);
    h.noteOff(OFF, 60, id);
    return h.render(OFF + RATE)[0];
  }

  /** Time in ms at which a segment of curve c from a to b, lasting T ms, crosses level L. */
  private static double expectedCrossing(double c, double a, double b, double level, double millis) {
    double s = (level - a) / (b - a);
    double k = 6 * c;
    double x = Math.abs(k) < 1e-9 ? s : -Math.log(1 - s * (1 - Math.exp(-k))) / k;
    return x * millis;
  }

  /** The first time in ms (interpolated) at or after frame {@code from} where env crosses {@code level}. */
  private static double crossing(float[] env, int from, double level) {
    boolean rising = env[from] < level;
    for (int i = from + 1; i < env.length; i++) {
      if (rising ? env[i] >= level : env[i] <= level) {
        double frac = (level - env[i - 1]) / (env[i] - env[i - 1]);
        return (i - 1 + frac) / MS;
      }
    }
    return Double.NaN;
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 0.8, -0.8})
  void segmentTimesAndCurveCrossingsAreWithinAMillisecond(double curve) {
    checkTimes(render(curve, 64), curve, curve, curve);
  }

  /** Per-segment curves: each segment keeps its time and bends as its own curve says. */
  @ParameterizedTest
  @CsvSource({"-0.8, 0.8, 0.3", "0.8, -0.5, -1", "0, 1, 0.5"})
  void perSegmentCurvesShapeEachSegmentAndKeepItsTime(double attack, double decay, double release) {
    ModuleHarness h = new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, 64).set("curve", 0.9)
        .set("curves", 1).set("attack_curve", attack).set("decay_curve", decay).set("release_curve", release);
    checkTimes(render(h), attack, decay, release);
  }

  private static void checkTimes(float[] env, double attackCurve, double decayCurve, double releaseCurve) {
    double on = ON / MS;
    double off = OFF / MS;
    double[][] checks = {
        // measured, expected (ms after the event)
        {crossing(env, ON, 1 - 1e-6) - on, ATTACK},
        {crossing(env, ON, 0.5) - on, expectedCrossing(attackCurve, 0, 1, 0.5, ATTACK)},
        {crossing(env, ON + 1, 0.9) - on, expectedCrossing(attackCurve, 0, 1, 0.9, ATTACK)},
        {crossing(env, (int) (ON + ATTACK * MS), 0.75) - on - ATTACK,
            expectedCrossing(decayCurve, 1, SUSTAIN, 0.75, DECAY)},
        {crossing(env, (int) (ON + ATTACK * MS), SUSTAIN + 1e-6) - on - ATTACK, DECAY},
        {crossing(env, OFF, 0.25) - off, expectedCrossing(releaseCurve, SUSTAIN, 0, 0.25, RELEASE)},
        {crossing(env, OFF, 1e-6) - off, RELEASE},
    };
    String[] names = {"attack end", "attack 50%", "attack 90%", "decay midpoint", "decay end",
        "release midpoint", "release end"};
    StringBuilder report = new StringBuilder(String.format(
        "adsr curves %+.1f/%+.1f/%+.1f timing errors (ms):", attackCurve, decayCurve, releaseCurve));
    for (int i = 0; i < checks.length; i++) {
      double error = checks[i][0] - checks[i][1];
      report.append(String.format(" %s %+.4f", names[i], error));
      assertEquals(checks[i][1], checks[i][0], 1.0, names[i] + " at curves " + attackCurve + "/"
          + decayCurve + "/" + releaseCurve);
    }
    System.out.println(report);
    assertEquals(SUSTAIN, env[OFF - 1], 1e-7, "sustain level");
    assertEquals(0f, env[ON], "the attack starts from 0 at the note's frame");
    assertEquals(0f, env[env.length - 1], "silent after the release");
  }

  @Test
  void blockSizeDoesNotChangeASingleSample() {
    float[] reference = render(0.5, 1);
    assertArrayEquals(reference, render(0.5, 64));
    assertArrayEquals(reference, render(0.5, 100));
  }

  @Test
  void retriggerDuringReleaseRisesFromTheCurrentLevel() {
    ModuleHarness h = new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, 64)
        .set("attack", 10).set("release", 300).set("curve", 0);
    int id = h.noteOn(0, 60, 1f);
    h.noteOff(RATE / 2, 60, id);
    h.noteOn(RATE / 2 + 4800, 62, 1f);
    float[] env = h.render(RATE)[0];
    double largestStep = 0;
    for (int i = 1; i < env.length; i++) {
      largestStep = Math.max(largestStep, Math.abs(env[i] - env[i - 1]));
    }
    assertTrue(largestStep <= 1.0 / 480 + 1e-6, "no jumps, largest step " + largestStep);
    assertEquals(1, env[RATE / 2 + 4800 + 480], 1e-6, "the new attack still takes 10 ms");
  }

  @Test
  void legatoNotesKeepTheGateOpenUntilTheLastIsReleased() {
    ModuleHarness h = new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, 64).set("sustain", 0.6);
    int a = h.noteOn(0, 60, 1f);
    int b = h.noteOn(4800, 64, 1f);
    h.noteOff(24_000, 60, a);
    h.noteOff(36_000, 64, b);
    float[] env = h.render(RATE * 2)[0];
    assertEquals(0.6, env[35_999], 1e-6, "still sustaining while one note is held");
    assertTrue(env[36_000 + 4800] < 0.6, "released after the last note");
  }

  @Test
  void extremeSettingsStayWithinZeroAndOne() {
    for (double time : new double[] {0, 10_000}) {
      for (double curve : new double[] {-1, 1}) {
        ModuleHarness h = new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, 37)
            .set("attack", time).set("decay", time).set("sustain", 1).set("release", Math.min(time, 20000))
            .set("curve", curve);
        for (int n = 0; n < 50; n++) {
          int id = h.noteOn(n * 997L, 60, 1f);
          h.noteOff(n * 997L + 500, 60, id);
        }
        float[] env = h.render(RATE)[0];
        for (float x : env) {
          assertTrue(x >= 0 && x <= 1 && (x == 0 || x >= Float.MIN_NORMAL),
              "time " + time + " curve " + curve + ": " + x);
        }
      }
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = new ModuleHarness(new Adsr(), Adsr.DESCRIPTOR, RATE, 100);
    int id = h.noteOn(10, 60, 1f);
    h.noteOff(20_000, 60, id);
    float[] first = h.render(RATE)[0];
    h.reset();
    id = h.noteOn(10, 60, 1f);
    h.noteOff(20_000, 60, id);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

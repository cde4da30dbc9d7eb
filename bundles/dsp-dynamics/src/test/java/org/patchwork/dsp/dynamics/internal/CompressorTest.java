package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.dynamics.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class CompressorTest {

  private static ModuleHarness compressor() {
    return new ModuleHarness(new Compressor(), Compressor.DESCRIPTOR, RATE, 64);
  }

  /** The soft-knee gain computer of Giannoulis, Massberg and Reiss 2012, written out again here on purpose. */
  private static double expected(double x, double t, double r, double w) {
    if (2 * (x - t) < -w) {
      return x;
    }
    if (2 * Math.abs(x - t) <= w) {
      return x + (1 / r - 1) * Math.pow(x - t + w / 2, 2) / (2 * w);
    }
    return t + (x - t) / r;
  }

  /**
   * A steady 1 kHz sine at level L (dB of its peak) comes out at curve(L) + makeup, within
   * 0.5 dB, over and around a 10 dB soft knee. In peak mode the detector needs an attack much
   * faster than its release to hold the peaks of a sine; RMS mode reads the sine's level.
   */
  @ParameterizedTest
  @CsvSource({"1, 10, 100", "0, 0.5, 1000"})
  void steadySinesFollowTheStaticCurve(int detector, double attack, double release) {
    double threshold = -20;
    double ratio = 4;
    double knee = 10;
    double makeup = 6;
    double worst = 0;
    for (double level = -50; level <= 0; level += 2.5) {
      float[] in = Measure.sine(1000, Math.pow(10, level / 20), 2 * RATE);
      float[] out = compressor().set("detector", detector).set("threshold", threshold)
          .set("ratio", ratio).set("knee", knee).set("makeup", makeup)
          .set("attack", attack).set("release", release)
          .input("in", Measure.both(in)).render(in.length)[1];
      double measured = Measure.db(Signals.rms(out, RATE, 2 * RATE) * Math.sqrt(2));
      double want = expected(level, threshold, ratio, knee) + makeup;
      System.out.printf("compressor %s in %6.1f dB: out %7.2f dB, curve %7.2f dB, error %+.3f dB%n",
          detector == 0 ? "peak" : "RMS ", level, measured, want, measured - want);
      worst = Math.max(worst, Math.abs(measured - want));
      assertEquals(want, measured, 0.5, "input level " + level);
    }
    System.out.printf("compressor %s: worst static-curve error %.3f dB%n", detector == 0 ? "peak" : "RMS", worst);
  }

  /**
   * A DC step from −40 dB to 0 dB (threshold −20, ratio 4, hard knee: 15 dB of reduction) and
   * back: the gain in dB covers 63.2 % of its change after the attack time, and recovers 63.2 %
   * after the release time, within 2 % (plus one frame).
   */
  @ParameterizedTest
  @CsvSource({"1, 50", "10, 100", "50, 500", "0.5, 2000"})
  void attackAndReleaseAreTheTimeConstantsOfAStep(double attack, double release) {
    int hold = RATE * 2 + (int) (release * RATE / 100);
    float[] in = new float[RATE / 10 + 2 * hold];
    for (int i = 0; i < in.length; i++) {
      in[i] = i < RATE / 10 || i >= RATE / 10 + hold ? 0.01f : 1f;
    }
    float[] out = compressor().set("threshold", -20).set("ratio", 4).set("knee", 0)
        .set("attack", attack).set("release", release)
        .input("in", Measure.both(in)).render(in.length)[0];
    int up = RATE / 10;
    int down = up + hold;
    double full = Measure.db(out[down - 1] / in[down - 1]);
    assertEquals(-15, full, 0.01, "settled gain reduction");
    double attackMs = crossing(out, in, up, full * (1 - Math.exp(-1))) * 1000.0 / RATE;
    double releaseMs = crossing(out, in, down, full * Math.exp(-1)) * 1000.0 / RATE;
    System.out.printf("compressor attack %.1f ms: measured %.3f ms; release %.0f ms: measured %.2f ms%n",
        attack, attackMs, release, releaseMs);
    assertEquals(attack, attackMs, 0.02 * attack + 1000.0 / RATE);
    assertEquals(release, releaseMs, 0.02 * release + 1000.0 / RATE);
  }

  /** Frames after {@code from} until the gain in dB first passes {@code target}. */
  private static int crossing(float[] out, float[] in, int from, double target) {
    boolean falling = Measure.db(out[from] / in[from]) > target;
    for (int i = from; i < out.length; i++) {
      double g = Measure.db(out[i] / in[i]);
      if (falling ? g <= target : g >= target) {
        return i - from + 1;
      }
    }
    return -1;
  }

  /** The gain_reduction CV reads the reduction in dB / 10, and 0 below the threshold. */
  @Test
  void gainReductionOutputIsOneTenthOfTheReductionInDecibels() {
    float[] in = new float[RATE];
    java.util.Arrays.fill(in, 0, RATE / 2, 1f);
    java.util.Arrays.fill(in, RATE / 2, RATE, 0.01f);
    ModuleHarness h = compressor().set("threshold", -30).set("ratio", 10).set("knee", 0)
        .set("release", 10).input("in", Measure.both(in));
    float[] cv = h.renderPort(Compressor.GAIN_REDUCTION, in.length)[0];
    System.out.printf("compressor gain_reduction CV: %.4f at 0 dB in (27 dB), %.6f at -40 dB in%n",
        cv[RATE / 2 - 1], cv[RATE - 1]);
    assertEquals(2.7, cv[RATE / 2 - 1], 0.001);
    assertEquals(0, cv[RATE - 1], 1e-4);
  }

  /** A loud sidechain ducks a quiet input by the curve of the sidechain's level. */
  @Test
  void sidechainInputKeysTheGain() {
    float[] music = Measure.sine(440, 0.05, RATE);
    float[] key = Measure.sine(60, 1.0, RATE);
    ModuleHarness keyed = compressor().set("detector", 1).set("threshold", -20).set("ratio", 4)
        .set("knee", 0).input("in", Measure.both(music)).input("sidechain", Measure.both(key));
    float[] out = keyed.render(RATE)[0];
    double gain = Measure.db(Signals.rms(out, RATE / 2, RATE) / Signals.rms(music, RATE / 2, RATE));
    float[] alone = compressor().set("detector", 1).set("threshold", -20).set("ratio", 4)
        .set("knee", 0).input("in", Measure.both(music)).render(RATE)[0];
    double unkeyed = Measure.db(Signals.rms(alone, RATE / 2, RATE) / Signals.rms(music, RATE / 2, RATE));
    System.out.printf("compressor sidechain at 0 dB: gain %.2f dB (expected -15); without key: %.3f dB%n",
        gain, unkeyed);
    assertEquals(-15, gain, 0.5);
    assertEquals(0, unkeyed, 0.01);
  }

  /** Both channels get the same gain: a loud left channel ducks a quiet right one. */
  @Test
  void channelsAreLinked() {
    float[] loud = Measure.sine(1000, 1.0, RATE);
    float[] quiet = Measure.sine(1000, 0.01, RATE);
    float[][] out = compressor().set("threshold", -20).set("ratio", 4).set("knee", 0)
        .input("in", new float[][] {loud, quiet}).render(RATE);
    double left = Measure.db(Signals.rms(out[0], RATE / 2, RATE) / Signals.rms(loud, RATE / 2, RATE));
    double right = Measure.db(Signals.rms(out[1], RATE / 2, RATE) / Signals.rms(quiet, RATE / 2, RATE));
    assertEquals(left, right, 1e-3);
    assertTrue(right < -10, "right ducked by the left: " + right);
  }
}

package org.patchwork.dsp.granular.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.granular.internal.Fixtures.RATE;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class GranularTest {

  /**
   * On a constant source each grain is its window: the output is a train of bumps, counted as
   * rising edges through half their height over one second, spaced fs/density frames apart.
   */
  @ParameterizedTest
  @CsvSource({"50, 10", "200, 2", "7.5, 40"})
  void grainsStartAtTheDensityRate(double density, double sizeMs) {
    ModuleHarness h = Fixtures.harness(Fixtures.constant(0.5f, RATE)).set("density", density)
        .set("size", sizeMs).set("spray", 0).set("spread", 0).set("attack", 0);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(3 * RATE)[0];
    double half = Signals.peak(out) / 2;
    int[] onsets = Fixtures.onsets(out, RATE, 3 * RATE, half);
    double spacing = (double) (onsets[onsets.length - 1] - onsets[0]) / (onsets.length - 1);
    System.out.printf("density %.1f/s, %.0f ms grains: %d grains in 2 s, every %.3f frames%n",
        density, sizeMs, onsets.length, spacing);
    assertEquals(2 * density, onsets.length, 1);
    assertEquals(RATE / density, spacing, 0.5);
  }

  /**
   * A 480 Hz sine source: pitch +12, or key 72, puts the spectral peak at 960 Hz. Measured
   * on the flat tops of four separate 250 ms trapezoid grains (each read from a random
   * place), where the grain is the source resampled and nothing else.
   */
  @ParameterizedTest
  @CsvSource({"60, 0, 480", "60, 12, 960", "72, 0, 960", "48, 0, 240", "60, -7, 320.3616"})
  void pitchAndKeyTransposeTheGrains(int key, double pitch, double expected) {
    ModuleHarness h = Fixtures.harness(Fixtures.sine(100, RATE)).set("pitch", pitch).set("window", 2)
        .set("size", 250).set("density", 2).set("spray", 1).set("attack", 0);
    h.noteOn(0, key, 1f);
    float[] out = h.render(2 * RATE)[0];
    double[] hz = new double[4];
    for (int grain = 0; grain < 4; grain++) {
      int top = grain * RATE / 2 + 2400;
      hz[grain] = Signals.peakFrequency(Arrays.copyOfRange(out, top, top + 7200), RATE);
    }
    System.out.printf("granular key %d pitch %+.0f: grains at %s Hz (expected %.3f)%n", key, pitch,
        Arrays.toString(hz), expected);
    for (double f : hz) {
      assertEquals(expected, f, expected * 2e-5);
    }
  }

  /**
   * One 200 ms trapezoid grain centred on the middle of a ramp 0..1: over its flat top the
   * output rises by level·gain/N a frame, or falls by as much when reversed.
   */
  @Test
  void reverseOnePlaysTheRampBackwards() {
    double[] slopes = new double[2];
    double[] middles = new double[2];
    for (int r = 0; r < 2; r++) {
      ModuleHarness h = Fixtures.harness(Fixtures.ramp(RATE)).set("reverse", r).set("window", 2)
          .set("size", 200).set("density", 0.5).set("position", 0.5).set("spray", 0).set("spread", 0)
          .set("attack", 0);
      h.noteOn(0, 60, 1f);
      float[] out = h.render(RATE / 4)[0];
      slopes[r] = (out[7000] - out[3000]) / 4000.0;
      middles[r] = out[4800];
    }
    double unit = 0.5 * Math.cos(Math.PI / 4) / RATE;
    System.out.printf("ramp through one grain: slope %.4f forward, %.4f reversed (units of level·gain/N), middle %.4f / %.4f%n",
        slopes[0] / unit, slopes[1] / unit, middles[0], middles[1]);
    assertEquals(1, slopes[0] / unit, 0.01);
    assertEquals(-1, slopes[1] / unit, 0.01);
    assertEquals(middles[0], middles[1], 1e-4);
  }

  /**
   * 100 short grains on a ramp: the value at each grain's centre is where it read. Spray 0
   * reads one place (variance 0); spray 1 spreads the reads uniformly over the source
   * (variance 1/12), spray 0.5 over half of it (1/48).
   */
  @ParameterizedTest
  @CsvSource({"0, 0, 1e-6", "0.5, 0.02083, 0.006", "1, 0.08333, 0.02"})
  void sprayWidensWhereGrainsRead(double spray, double variance, double tolerance) {
    ModuleHarness h = Fixtures.harness(Fixtures.ramp(RATE)).set("window", 2).set("size", 20)
        .set("density", 10).set("position", 0.5).set("spray", spray).set("spread", 0).set("attack", 0);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(10 * RATE)[0];
    double gain = 0.5 * Math.cos(Math.PI / 4);
    double sum = 0;
    double squares = 0;
    for (int k = 0; k < 100; k++) {
      double at = out[k * 4800 + 480] / gain;
      sum += at;
      squares += at * at;
    }
    double mean = sum / 100;
    double measured = squares / 100 - mean * mean;
    System.out.printf("spray %.1f: read positions mean %.4f, variance %.5f (uniform: %.5f)%n", spray, mean, measured, variance);
    assertEquals(variance, measured, tolerance);
  }

  @Test
  void theSameSeedRepeatsTheBytesAndAnotherSeedDoesNot() {
    float[] first = render(7, false);
    float[] again = render(7, true);
    float[] other = render(8, false);
    double difference = 0;
    for (int i = 0; i < first.length; i++) {
      difference += Math.abs(first[i] - other[i]);
    }
    System.out.printf("seeds 7 and 8 differ by %.1f (sum of |Δ|), peak %.3f%n", difference, Signals.peak(first));
    assertArrayEquals(first, again, "same seed, after reset: same bytes");
    assertFalse(Arrays.equals(first, other));
    assertTrue(difference > 100);
  }

  /** Reset clears the live ring too: the same input and notes give the same bytes again. */
  @Test
  void resetRepeatsACapturedRenderExactly() {
    ModuleHarness h = Fixtures.harness(null).set("capture", 1).set("spray", 0.3).set("position", 0.1);
    float[] noise = new float[RATE];
    Random r = new Random(3);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = r.nextFloat() - 0.5f;
    }
    h.input("in", new float[][] {noise});
    float[][] runs = new float[2][];
    for (int run = 0; run < 2; run++) {
      h.noteOn(12_000, 64, 1f);
      runs[run] = h.render(RATE)[1];
      h.reset();
    }
    assertTrue(Signals.rms(runs[0], 12_000, RATE) > 0.01, "the captured noise sounds");
    assertArrayEquals(runs[0], runs[1]);
  }

  private static float[] render(int seed, boolean twice) {
    ModuleHarness h = Fixtures.harness(null).set("seed", seed).set("spray", 0.5).set("pitch_rand", 3)
        .set("reverse", 0.3).set("density", 60);
    int id = h.noteOn(100, 60, 0.8f);
    h.noteOn(5000, 67, 0.6f);
    h.noteOff(30_000, 60, id);
    float[] out = h.render(RATE)[0];
    if (!twice) {
      return out;
    }
    h.reset();
    id = h.noteOn(100, 60, 0.8f);
    h.noteOn(5000, 67, 0.6f);
    h.noteOff(30_000, 60, id);
    return h.render(RATE)[0];
  }

  /** One grain of each window on a constant source: its value a tenth of the way in. */
  @ParameterizedTest
  @CsvSource({"0, 0.09549", "1, 0.02480", "2, 0.5"})
  void theWindowShapesTheGrain(int window, double expected) {
    ModuleHarness h = Fixtures.harness(Fixtures.constant(1f, RATE)).set("window", window)
        .set("size", 100).set("density", 0.5).set("spray", 0).set("spread", 0).set("attack", 0).set("level", 1);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(RATE / 10)[0];
    double gain = Math.cos(Math.PI / 4);
    assertEquals(expected, out[480] / gain, 2e-4);
    assertEquals(1, out[2400] / gain, window == 1 ? 1e-3 : 2e-3, "the centre");
  }

  @Test
  void silentUntilPlayedEvenWhileCapturing() {
    ModuleHarness h = Fixtures.harness(null).set("capture", 1);
    h.input("in", new float[][] {Fixtures.sine(48, RATE)});
    float[][] out = h.render(RATE);
    assertEquals(0, Signals.peak(out[0]));
    assertEquals(0, Signals.peak(out[1]));
  }

  @Test
  void theNoteEndsAfterItsRelease() {
    ModuleHarness h = Fixtures.harness(null).set("release", 100).set("size", 50);
    int id = h.noteOn(0, 60, 1f);
    h.noteOff(24_000, 60, id);
    float[] out = h.render(RATE)[0];
    int last = out.length - 1;
    while (last > 0 && out[last] == 0) {
      last--;
    }
    System.out.printf("granular release 100 ms from 24000: last sound at %d%n", last);
    assertTrue(last >= 24_000 + 4_000 && last < 24_000 + 4_800, "last sound at " + last);
  }

  /**
   * A 1 kHz sine captured live: a held note plays it back through the grains at 1 kHz, or at
   * 2 kHz with pitch +12; without capture the factory texture plays instead.
   */
  @ParameterizedTest
  @CsvSource({"1, 0, 1000", "1, 12, 2000", "1, -12, 500"})
  void capturedInputBecomesTheSource(int capture, double pitch, double expected) {
    ModuleHarness h = Fixtures.harness(null).set("capture", capture).set("pitch", pitch)
        .set("position", 0.02).set("spray", 0.01).set("size", 50).set("density", 40);
    h.input("in", new float[][] {Fixtures.sine(48, 3 * RATE)});
    h.noteOn(RATE / 2, 60, 1f);
    float[] out = Arrays.copyOfRange(h.render(3 * RATE)[0], RATE, 3 * RATE);
    double strongest = Fixtures.strongest(out);
    double hz = Fixtures.centroid(out, expected * 0.8, expected * 1.25);
    System.out.printf("capture, pitch %+.0f: strongest bin %.1f Hz, centroid %.2f Hz%n", pitch, strongest, hz);
    assertEquals(expected, strongest, expected * 0.05);
    assertEquals(expected, hz, expected * 0.002);
  }

  @Test
  void withoutCaptureTheInputIsIgnored() {
    ModuleHarness with = Fixtures.harness(null);
    with.input("in", new float[][] {Fixtures.sine(48, RATE)});
    with.noteOn(0, 60, 1f);
    ModuleHarness without = Fixtures.harness(null);
    without.noteOn(0, 60, 1f);
    assertArrayEquals(without.render(RATE)[0], with.render(RATE)[0]);
  }

  @Test
  void theFactoryTextureSoundsAtC4() {
    ModuleHarness h = Fixtures.harness(null).set("spray", 0.3).set("size", 200).set("density", 20);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(4 * RATE)[0];
    double rms = Signals.rms(out, RATE / 2, 4 * RATE);
    // The loudest partial is whichever the vowel favours; it is a harmonic of C4.
    float[] tail = Arrays.copyOfRange(out, RATE / 2, 4 * RATE);
    long harmonic = Math.round(Fixtures.strongest(tail) / FactoryTexture.ROOT_HZ);
    double hz = Fixtures.centroid(tail, (harmonic - 0.3) * FactoryTexture.ROOT_HZ, (harmonic + 0.3) * FactoryTexture.ROOT_HZ);
    System.out.printf("factory texture: rms %.3f, strongest partial %d, at %.2f Hz = %.4f × C4%n",
        rms, harmonic, hz, hz / FactoryTexture.ROOT_HZ);
    assertTrue(rms > 0.02 && Signals.peak(out) < 1);
    assertEquals(harmonic, hz / FactoryTexture.ROOT_HZ, harmonic * 0.003);
  }
}

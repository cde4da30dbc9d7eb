package org.patchwork.dsp.filters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.filters.internal.Response.RATE;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/**
 * The ladder's cutoff is the corner of each of its four poles: with no resonance LP24 is
 * {@code (1/√2)⁴ = 0.25} (−12.04 dB) at the cutoff, and that is the level these tests search for.
 */
class LadderFilterTest {

  private static final double MINUS_12_DB = 0.25;
  private static final int LINEAR = 0;
  private static final int TANH = 1;

  private static Supplier<ModuleHarness> ladder(int mode, double cutoff, double resonance, int saturation) {
    return () -> new ModuleHarness(new LadderFilter(), LadderFilter.DESCRIPTOR, RATE, 64)
        .set("mode", mode).set("cutoff", cutoff).set("resonance", resonance).set("saturation", saturation);
  }

  /** The prewarped analog response {@code |1/((1 + jΩ)⁴ + k)|}, {@code Ω = tan(πf/fs)/tan(πfc/fs)}. */
  private static double expectedLowPass(double hz, double cutoff, double k) {
    double w = Math.tan(Math.PI * hz / RATE) / Math.tan(Math.PI * cutoff / RATE);
    // (1 + jw)^4 = (1 − 6w² + w⁴) + j(4w − 4w³)
    double re = 1 - 6 * w * w + w * w * w * w + k;
    double im = 4 * w - 4 * w * w * w;
    return 1 / Math.hypot(re, im);
  }

  @ParameterizedTest
  @ValueSource(doubles = {50, 200, 1000, 5000, 15000})
  void fourPoleLowPassIsTwelveDecibelsDownAtTheCutoff(double cutoff) {
    double measured = Response.crossing(ladder(LadderFilter.LP24, cutoff, 0, LINEAR), MINUS_12_DB,
        cutoff / 4, Math.min(cutoff * 4, 0.49 * RATE));
    double error = 100 * (measured / cutoff - 1);
    System.out.printf("ladder LP24 %.0f Hz: -12.04 dB at %.3f Hz, error %.6f %%%n", cutoff, measured, error);
    assertEquals(0, error, 2.0);
  }

  /** Far above the cutoff four poles fall 24 dB per octave. */
  @ParameterizedTest
  @CsvSource({"100, 800", "100, 1600", "200, 1600"})
  void slopeIsTwentyFourDecibelsPerOctave(double cutoff, double from) {
    Supplier<ModuleHarness> lp = ladder(LadderFilter.LP24, cutoff, 0, LINEAR);
    double octave = Response.db(Response.gain(lp, from) / Response.gain(lp, 2 * from));
    double expected = Response.db(expectedLowPass(from, cutoff, 0) / expectedLowPass(2 * from, cutoff, 0));
    System.out.printf("ladder LP24 %.0f Hz: %.0f -> %.0f Hz falls %.3f dB (model %.3f dB)%n",
        cutoff, from, 2 * from, octave, expected);
    assertEquals(24, octave, 1.0);
    assertEquals(expected, octave, 0.05);
  }

  /** With feedback k = 4·resonance the gain at the cutoff is {@code 1/|(1 + j)⁴ + k| = 1/(4 − k)}. */
  @ParameterizedTest
  @ValueSource(doubles = {0, 0.25, 0.5, 0.75, 0.9})
  void resonanceSetsTheGainAtTheCutoff(double resonance) {
    double gain = Response.gain(ladder(LadderFilter.LP24, 1000, resonance, LINEAR), 1000);
    assertEquals(1 / (4 - 4 * resonance), gain, 0.01 / (4 - 4 * resonance), "resonance " + resonance);
    double dc = Response.gain(ladder(LadderFilter.LP24, 1000, resonance, LINEAR), 20);
    assertEquals(1 / (1 + 4 * resonance), dc, 0.01, "pass-band falls as 1/(1 + k)");
  }

  @Test
  void otherModesHaveTheirLevelsAtTheCutoff() {
    double lp12 = Response.db(Response.gain(ladder(LadderFilter.LP12, 1000, 0, LINEAR), 1000));
    double bp = Response.db(Response.gain(ladder(LadderFilter.BP, 1000, 0, LINEAR), 1000));
    double hp = Response.db(Response.gain(ladder(LadderFilter.HP, 1000, 0, LINEAR), 1000));
    System.out.printf("ladder at the cutoff: LP12 %.3f dB, BP %.3f dB, HP %.3f dB%n", lp12, bp, hp);
    assertEquals(-6.02, lp12, 0.02);
    assertEquals(0, bp, 0.02);
    assertEquals(-12.04, hp, 0.02);
    double hpOctave = Response.db(Response.gain(ladder(LadderFilter.HP, 4000, 0, LINEAR), 500)
        / Response.gain(ladder(LadderFilter.HP, 4000, 0, LINEAR), 250));
    assertEquals(24, hpOctave, 1.0, "high-pass: 24 dB per octave below the cutoff");
    double bpOctave = Response.db(Response.gain(ladder(LadderFilter.BP, 250, 0, LINEAR), 2000)
        / Response.gain(ladder(LadderFilter.BP, 250, 0, LINEAR), 4000));
    assertEquals(12, bpOctave, 1.0, "band-pass: 12 dB per octave on each side");
    double hpCrossing = Response.crossing(ladder(LadderFilter.HP, 2000, 0, LINEAR), MINUS_12_DB, 500, 8000);
    assertEquals(2000, hpCrossing, 0.02 * 2000, "high-pass -12.04 dB at the cutoff");
  }

  /** At the top of the range (tanh) the loop rings on its own at the cutoff. */
  @ParameterizedTest
  @ValueSource(doubles = {220, 1000, 4000, 12000})
  void maximumResonanceSelfOscillatesAtTheCutoff(double cutoff) {
    float[] kick = new float[2 * RATE];
    kick[0] = 0.01f;
    ModuleHarness h = ladder(LadderFilter.LP24, cutoff, LadderFilter.MAX_RESONANCE, TANH).get()
        .input("in", new float[][] {kick});
    float[] out = h.render(2 * RATE)[0];
    float[] last = java.util.Arrays.copyOfRange(out, RATE, 2 * RATE);
    double peak = Signals.peakFrequency(last, RATE);
    double error = 100 * (peak / cutoff - 1);
    double early = Signals.rms(out, RATE, 3 * RATE / 2);
    double late = Signals.rms(out, 3 * RATE / 2, 2 * RATE);
    System.out.printf("ladder self-oscillation at %.0f Hz: peak %.3f Hz, error %.4f %%, rms %.4f%n",
        cutoff, peak, error, late);
    assertEquals(0, error, 2.0);
    assertTrue(late > 0.05 && late < 2, "a steady, bounded tone: rms " + late);
    assertEquals(early, late, 0.01 * early, "steady level");
  }

  @Test
  void tanhIsLinearForQuietSignalsAndDriveKeepsTheLevel() {
    for (double drive : new double[] {0, 12}) {
      float[] in = new float[RATE];
      for (int i = 0; i < in.length; i++) {
        in[i] = (float) (1e-3 * Math.sin(2 * Math.PI * 1000 * i / RATE));
      }
      float[] out = ladder(LadderFilter.LP24, 1000, 0.5, TANH).get().set("drive", drive)
          .input("in", new float[][] {in}).render(RATE)[0];
      double gain = Signals.rms(out, RATE / 2, RATE) / Signals.rms(in, RATE / 2, RATE);
      assertEquals(0.5, gain, 0.005, "1/(4 − k) at k = 2, drive " + drive);
    }
    // Loud signals saturate: a full-scale 100 Hz tone gains odd harmonics.
    float[] loud = new float[RATE];
    for (int i = 0; i < loud.length; i++) {
      loud[i] = (float) Math.sin(2 * Math.PI * 100 * i / RATE);
    }
    float[] out = ladder(LadderFilter.LP24, 5000, 0, TANH).get().set("drive", 24)
        .input("in", new float[][] {loud}).render(RATE)[0];
    double[] w = Signals.hann(java.util.Arrays.copyOfRange(out, RATE / 2, RATE));
    double third = Signals.magnitude(w, 300, RATE) / Signals.magnitude(w, 100, RATE);
    assertTrue(third > 0.1, "third harmonic " + third);
  }

  @Test
  void cutoffCvIsOneVoltPerOctave() {
    float[] cv = new float[RATE];
    java.util.Arrays.fill(cv, 1f);
    Supplier<ModuleHarness> filter = () -> ladder(LadderFilter.LP24, 1000, 0, LINEAR).get()
        .input("cutoff_cv", new float[][] {cv});
    assertEquals(2000, Response.crossing(filter, MINUS_12_DB, 500, 8000), 0.02 * 2000);
  }

  @Test
  void extremeSettingsStayFiniteAndSilenceDecaysToExactZero() {
    float[] in = new float[4 * RATE];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < RATE; i++) {
      in[i] = (float) (random.nextGaussian() * 10);
    }
    float[] cv = new float[in.length];
    for (int i = 0; i < cv.length; i++) {
      cv[i] = (float) (40 * Math.sin(i * 0.01));
    }
    for (int mode = 0; mode < 4; mode++) {
      for (int saturation = 0; saturation < 2; saturation++) {
        for (double resonance : new double[] {0, LadderFilter.MAX_RESONANCE}) {
          String what = "mode " + mode + " saturation " + saturation + " resonance " + resonance;
          float[] out = ladder(mode, 20000, resonance, saturation).get().set("drive", 24)
              .input("in", new float[][] {in}).input("cutoff_cv", new float[][] {cv}).render(in.length)[0];
          assertTrue(Response.clean(out), what);
          assertTrue(Signals.peak(out) < 1e4, "bounded, " + what);
          float[] tail = ladder(mode, 20, resonance, saturation).get().input("in", new float[][] {in})
              .render(in.length)[0];
          assertTrue(Response.clean(tail), "no denormals while decaying, " + what);
        }
      }
      float[] defaults = new ModuleHarness(new LadderFilter(), LadderFilter.DESCRIPTOR, RATE, 64)
          .set("mode", mode).input("in", new float[][] {in}).render(in.length)[0];
      assertEquals(0f, defaults[defaults.length - 1], "defaults decay to exact zero, mode " + mode);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    float[] in = new float[RATE];
    java.util.Random random = new java.util.Random(2);
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) random.nextGaussian();
    }
    ModuleHarness h = ladder(LadderFilter.BP, 700, 1.05, TANH).get().input("in", new float[][] {in});
    float[] first = h.render(RATE)[0];
    h.reset();
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

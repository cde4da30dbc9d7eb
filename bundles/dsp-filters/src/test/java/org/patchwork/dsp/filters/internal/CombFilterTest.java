package org.patchwork.dsp.filters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.filters.internal.Response.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/**
 * Measures the comb's peaks and notches on the spectrum of its impulse response: 2^17 frames
 * (0.37 Hz bins), each extremum refined by a parabola through the log power of three bins.
 */
class CombFilterTest {

  private static final int LENGTH = 1 << 17;
  private static final double BIN = (double) RATE / LENGTH;
  /**
   * Below this the Lagrange interpolator's gain is within 0.5 % of 1 at any fraction, so peak
   * heights and notch depths follow the ideal comb; above it the interpolator's gentle
   * low-pass lowers them a little (the positions stay right).
   */
  private static final double INTERPOLATION_FLAT = 4000;

  private static ModuleHarness comb(int mode, double hz, double gain) {
    return new ModuleHarness(new CombFilter(), CombFilter.DESCRIPTOR, RATE, 64)
        .set("mode", mode).set("frequency", hz).set("feedback", gain);
  }

  private static double[] spectrum(ModuleHarness h) {
    float[] impulse = new float[LENGTH];
    impulse[0] = 1;
    float[] out = h.input("in", new float[][] {impulse}).render(LENGTH)[0];
    double[] x = new double[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      x[i] = out[i];
    }
    double[] power = Signals.powerSpectrum(x);
    double[] db = new double[power.length];
    for (int k = 0; k < power.length; k++) {
      db[k] = 10 * Math.log10(power[k] + 1e-30);
    }
    return db;
  }

  /** The frequency of the highest (or lowest) bin within {@code ±width} Hz of {@code near}. */
  private static double extremum(double[] db, double near, double width, boolean highest) {
    int lo = (int) Math.floor((near - width) / BIN);
    int hi = (int) Math.ceil((near + width) / BIN);
    int best = lo;
    for (int k = lo; k <= hi; k++) {
      if (highest ? db[k] > db[best] : db[k] < db[best]) {
        best = k;
      }
    }
    double a = db[best - 1];
    double b = db[best];
    double c = db[best + 1];
    double offset = 0.5 * (a - c) / (a - 2 * b + c);
    return (best + offset) * BIN;
  }

  private static double level(double[] db, double hz) {
    return db[(int) Math.round(hz / BIN)];
  }

  @ParameterizedTest
  @CsvSource({"220, 0.9, 0", "220, -0.9, 0.5", "1234.5, 0.8, 0", "2950, 0.9, 0", "55, 0.95, 0"})
  void feedbackPeaksSitOnTheHarmonics(double hz, double gain, double offset) {
    double[] db = spectrum(comb(CombFilter.FEEDBACK_MODE, hz, gain));
    double worst = 0;
    int harmonics = (int) Math.min(12, (0.3 * RATE) / hz);
    for (int k = 1; k <= harmonics; k++) {
      double expected = (k - 1 + (offset > 0 ? offset : 1)) * hz;
      double measured = extremum(db, expected, hz / 4, true);
      double error = 100 * (measured / expected - 1);
      worst = Math.max(worst, Math.abs(error));
      assertEquals(expected, measured, 0.0015 * expected, "peak " + k + " of " + hz + " Hz, g " + gain);
      if (expected < INTERPOLATION_FLAT) {
        double peakDb = db[(int) Math.round(measured / BIN)] - level(db, expected + hz / 2);
        double expectedHeight = 20 * Math.log10((1 + Math.abs(gain)) / (1 - Math.abs(gain)));
        assertEquals(expectedHeight, peakDb, 1.0, "peak " + k + " stands above the trough");
      }
    }
    System.out.printf("comb feedback %.1f Hz g %+.2f: %d peaks, worst error %.5f %%%n", hz, gain, harmonics, worst);
  }

  @ParameterizedTest
  @CsvSource({"220, 0.99", "220, -0.99", "987.7, 0.95"})
  void feedForwardNotchesFallBetweenTheHarmonics(double hz, double gain) {
    double[] db = spectrum(comb(CombFilter.FEED_FORWARD, hz, gain));
    double worst = 0;
    int notches = (int) Math.min(12, (0.3 * RATE) / hz);
    for (int k = 1; k <= notches; k++) {
      double expected = (gain > 0 ? k - 0.5 : k) * hz;
      double measured = extremum(db, expected, hz / 4, false);
      double error = 100 * (measured / expected - 1);
      worst = Math.max(worst, Math.abs(error));
      assertEquals(expected, measured, 0.002 * expected, "notch " + k + " of " + hz + " Hz, g " + gain);
      if (expected < INTERPOLATION_FLAT) {
        double depth = level(db, expected) - level(db, expected + hz / 2);
        double expectedDepth = 20 * Math.log10((1 - Math.abs(gain)) / (1 + Math.abs(gain)));
        assertEquals(expectedDepth, depth, 1.5, "notch " + k + " depth");
      }
    }
    System.out.printf("comb feed-forward %.1f Hz g %+.2f: %d notches, worst error %.5f %%%n", hz, gain, notches, worst);
  }

  @Test
  void dampingFadesHighHarmonicsButKeepsTheFundamentalInTune() {
    double[] bright = spectrum(comb(CombFilter.FEEDBACK_MODE, 220, 0.9));
    double[] dark = spectrum(comb(CombFilter.FEEDBACK_MODE, 220, 0.9).set("damping", 0.6));
    double fundamental = extremum(dark, 220, 55, true);
    System.out.printf("comb damping 0.6: fundamental at %.3f Hz%n", fundamental);
    assertEquals(220, fundamental, 0.001 * 220);
    double brightTenth = level(bright, 2200) - level(bright, 220);
    double darkTenth = level(dark, extremum(dark, 2200, 55, true)) - level(dark, fundamental);
    // Peak height 1/(1 − g·|L|), with |L| the damping low-pass's gain at the harmonic.
    double model = 20 * Math.log10((1 - 0.9 * lowPassGain(0.6, 220)) / (1 - 0.9 * lowPassGain(0.6, 2200)));
    System.out.printf("comb damping 0.6: 10th harmonic %.2f dB against the 1st (undamped %.2f, model %.2f)%n",
        darkTenth, brightTenth, model);
    assertEquals(0, brightTenth, 0.5, "undamped peaks are all alike");
    assertEquals(model, darkTenth, 1.0);
  }

  private static double lowPassGain(double d, double hz) {
    double w = 2 * Math.PI * hz / RATE;
    return (1 - d) / Math.hypot(1 - d * Math.cos(w), d * Math.sin(w));
  }

  @Test
  void pitchCvAndNoteTrackingRetuneTheComb() {
    float[] cv = new float[LENGTH];
    java.util.Arrays.fill(cv, 1f);
    double[] octaveUp = spectrum(comb(CombFilter.FEEDBACK_MODE, 220, 0.9).input("pitch", new float[][] {cv}));
    assertEquals(440, extremum(octaveUp, 440, 110, true), 0.44, "1 V/oct");
    ModuleHarness tracked = comb(CombFilter.FEEDBACK_MODE, 220, 0.9).set("tracking", 1);
    tracked.noteOn(0, 81, 1f); // A5, 880 Hz
    double[] db = spectrum(tracked);
    assertEquals(880, extremum(db, 880, 220, true), 0.88, "tracks the note");
    assertEquals(1760, extremum(db, 1760, 220, true), 1.76, "and its harmonics");
  }

  @Test
  void extremeSettingsStayFiniteAndDefaultsDecayToExactZero() {
    float[] in = new float[4 * RATE];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < RATE; i++) {
      in[i] = (float) (random.nextGaussian() * 10);
    }
    float[] cv = new float[in.length];
    for (int i = 0; i < cv.length; i++) {
      cv[i] = (float) (40 * Math.sin(i * 0.01));
    }
    for (int mode = 0; mode < 2; mode++) {
      for (double gain : new double[] {-CombFilter.MAX_GAIN, CombFilter.MAX_GAIN}) {
        for (double hz : new double[] {CombFilter.MIN_HZ, CombFilter.MAX_HZ}) {
          float[] out = comb(mode, hz, gain).set("damping", CombFilter.MAX_DAMPING)
              .input("in", new float[][] {in}).input("pitch", new float[][] {cv}).render(in.length)[0];
          assertTrue(Response.clean(out), "mode " + mode + " g " + gain + " " + hz + " Hz");
          assertTrue(Signals.peak(out) < 1e4, "bounded");
        }
      }
      float[] defaults = new ModuleHarness(new CombFilter(), CombFilter.DESCRIPTOR, RATE, 64).set("mode", mode)
          .input("in", new float[][] {in}).render(in.length)[0];
      assertTrue(Response.clean(defaults));
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
    ModuleHarness h = comb(CombFilter.FEEDBACK_MODE, 300, 0.95).set("tracking", 1).set("damping", 0.3)
        .input("in", new float[][] {in});
    h.noteOn(1000, 64, 1f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(1000, 64, 1f);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

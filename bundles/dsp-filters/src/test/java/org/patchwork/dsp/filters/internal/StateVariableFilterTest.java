package org.patchwork.dsp.filters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.filters.internal.Response.RATE;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class StateVariableFilterTest {

  private static final double MINUS_3_DB = Math.sqrt(0.5);

  private static Supplier<ModuleHarness> svf(int mode, double cutoff, double q) {
    return () -> new ModuleHarness(new StateVariableFilter(), StateVariableFilter.DESCRIPTOR, RATE, 64)
        .set("mode", mode).set("cutoff", cutoff).set("resonance", q);
  }

  @ParameterizedTest
  @ValueSource(doubles = {50, 200, 1000, 5000, 15000})
  void lowPassIsThreeDecibelsDownAtTheCutoff(double cutoff) {
    double measured = Response.crossing(svf(0, cutoff, Math.sqrt(0.5)), MINUS_3_DB, cutoff / 4,
        Math.min(cutoff * 4, 0.49 * RATE));
    double error = 100 * (measured / cutoff - 1);
    System.out.printf("svf low-pass %.0f Hz: -3 dB at %.3f Hz, error %.6f %%%n", cutoff, measured, error);
    assertEquals(0, error, 2.0);
  }

  @ParameterizedTest
  @ValueSource(doubles = {100, 1000, 10000})
  void highPassIsThreeDecibelsDownAtTheCutoff(double cutoff) {
    double measured = Response.crossing(svf(1, cutoff, Math.sqrt(0.5)), MINUS_3_DB, cutoff / 4,
        Math.min(cutoff * 4, 0.49 * RATE));
    System.out.printf("svf high-pass %.0f Hz: -3 dB at %.3f Hz%n", cutoff, measured);
    assertEquals(cutoff, measured, 0.02 * cutoff);
  }

  @Test
  void bandPassPeaksAtZeroDecibelsAndNotchCancelsAtTheCutoff() {
    assertEquals(0, Response.db(Response.gain(svf(2, 1000, 5), 1000)), 0.05, "band-pass peak");
    assertTrue(Response.db(Response.gain(svf(2, 1000, 5), 2000)) < -15, "band-pass an octave up");
    double notch = Response.db(Response.gain(svf(3, 1000, 2), 1000));
    System.out.printf("svf notch depth at 1 kHz: %.1f dB%n", notch);
    assertTrue(notch < -60, "notch depth " + notch);
    assertEquals(0, Response.db(Response.gain(svf(3, 1000, 2), 100)), 0.1, "notch passes 100 Hz");
  }

  /** A second-order low-pass has gain Q at its cutoff. */
  @ParameterizedTest
  @ValueSource(doubles = {2, 10, 25})
  void resonanceSetsTheGainAtTheCutoff(double q) {
    double gain = Response.gain(svf(0, 2000, q), 2000);
    assertEquals(q, gain, 0.02 * q);
  }

  @Test
  void cutoffCvIsOneVoltPerOctave() {
    float[] cv = new float[RATE];
    java.util.Arrays.fill(cv, 1f);
    Supplier<ModuleHarness> filter =
        () -> svf(0, 1000, Math.sqrt(0.5)).get().input("cutoff_cv", new float[][] {cv});
    double measured = Response.crossing(filter, MINUS_3_DB, 500, 8000);
    assertEquals(2000, measured, 0.02 * 2000, "1 V moves 1 kHz to 2 kHz");
  }

  /** Automation glides the cutoff frame by frame; once it has arrived the response is the new one. */
  @Test
  void cutoffAutomationArrivesAtTheNewResponse() {
    float[] in = new float[RATE];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) Math.sin(2 * Math.PI * 4000 * i / RATE);
    }
    ModuleHarness h = svf(0, 500, Math.sqrt(0.5)).get().input("in", new float[][] {in});
    h.render(RATE / 4);
    h.set("cutoff", 4000);
    float[] out = h.render(3 * RATE / 4)[0];
    double rms = Signals.rms(out, RATE / 4, out.length);
    assertEquals(MINUS_3_DB / Math.sqrt(2), rms, 0.01, "4 kHz at a 4 kHz cutoff: -3 dB");
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
      for (double q : new double[] {0.5, 25}) {
        ModuleHarness h = svf(mode, 20000, q).get().input("in", new float[][] {in})
            .input("cutoff_cv", new float[][] {cv});
        float[] out = h.render(in.length)[0];
        assertTrue(Response.clean(out), "mode " + mode + " q " + q);
        assertTrue(Signals.peak(out) < 1e4, "bounded, mode " + mode + " q " + q);
        ModuleHarness still = svf(mode, 20, q).get().input("in", new float[][] {in});
        float[] tail = still.render(in.length)[0];
        assertTrue(Response.clean(tail), "no denormals while decaying, mode " + mode);
        if (q < 1) { // at Q 25 a 20 Hz resonance rings for tens of seconds
          assertEquals(0f, tail[tail.length - 1], "decayed to exact zero, mode " + mode);
        }
      }
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    float[] in = new float[RATE];
    java.util.Random random = new java.util.Random(2);
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) random.nextGaussian();
    }
    ModuleHarness h = svf(2, 700, 4).get().input("in", new float[][] {in});
    float[] first = h.render(RATE)[0];
    h.reset();
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

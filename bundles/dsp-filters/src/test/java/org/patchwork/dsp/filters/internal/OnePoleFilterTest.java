package org.patchwork.dsp.filters.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.filters.internal.Response.RATE;

import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;

class OnePoleFilterTest {

  private static Supplier<ModuleHarness> onePole(int mode, double cutoff) {
    return () -> new ModuleHarness(new OnePoleFilter(), OnePoleFilter.DESCRIPTOR, RATE, 64)
        .set("mode", mode).set("cutoff", cutoff);
  }

  @ParameterizedTest
  @CsvSource({"0, 100", "0, 1000", "0, 10000", "1, 100", "1, 1000", "1, 10000"})
  void isThreeDecibelsDownAtTheCutoff(int mode, double cutoff) {
    double measured = Response.crossing(onePole(mode, cutoff), Math.sqrt(0.5), cutoff / 4,
        Math.min(cutoff * 4, 0.49 * RATE));
    System.out.printf("one-pole %s %.0f Hz: -3 dB at %.3f Hz%n", mode == 0 ? "LP" : "HP", cutoff, measured);
    assertEquals(cutoff, measured, 0.02 * cutoff);
  }

  /** Far from the cutoff a one-pole falls 6 dB per octave: 20 dB per decade. */
  @Test
  void slopeIsSixDecibelsPerOctave() {
    double octave = Response.db(Response.gain(onePole(0, 100), 1600) / Response.gain(onePole(0, 100), 800));
    assertEquals(-6.02, octave, 0.1);
    double highPass = Response.db(Response.gain(onePole(1, 5000), 250) / Response.gain(onePole(1, 5000), 500));
    assertEquals(-6.02, highPass, 0.1);
  }

  @Test
  void extremeSettingsStayFiniteAndDecayToExactZero() {
    float[] in = new float[3 * RATE];
    java.util.Random random = new java.util.Random(1);
    for (int i = 0; i < RATE; i++) {
      in[i] = (float) (random.nextGaussian() * 10);
    }
    float[] cv = new float[in.length];
    for (int i = 0; i < cv.length; i++) {
      cv[i] = (float) (40 * Math.sin(i * 0.01));
    }
    for (int mode = 0; mode < 2; mode++) {
      float[] out = onePole(mode, 20000).get().input("in", new float[][] {in})
          .input("cutoff_cv", new float[][] {cv}).render(in.length)[0];
      assertTrue(Response.clean(out), "mode " + mode);
      float[] tail = onePole(mode, 20).get().input("in", new float[][] {in}).render(in.length)[0];
      assertTrue(Response.clean(tail), "mode " + mode);
      assertEquals(0f, tail[tail.length - 1], "decays to exact zero, mode " + mode);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    float[] in = new float[RATE];
    java.util.Random random = new java.util.Random(3);
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) random.nextGaussian();
    }
    ModuleHarness h = onePole(1, 300).get().input("in", new float[][] {in});
    float[] first = h.render(RATE)[0];
    h.reset();
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

package org.patchwork.dsp.utility.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.utility.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class DcBlockerTest {

  private static ModuleHarness blocker(double cutoff) {
    return new ModuleHarness(new DcBlocker(), DcBlocker.DESCRIPTOR, RATE, 64).set("cutoff", cutoff);
  }

  /** A DC offset under a tone is gone after settling; the tone is untouched. */
  @Test
  void removesDcAndPassesOneKilohertz() {
    int n = 2 * RATE;
    float[] tone = Measure.sine(1000, 0.5, n);
    float[] offset = new float[n];
    for (int i = 0; i < n; i++) {
      offset[i] = tone[i] + 0.5f;
    }
    float[][] out = blocker(10).input("in", new float[][] {offset, Measure.constant(-1, n)}).render(n);
    double residual = 0;
    for (int i = RATE; i < n; i++) {
      residual = Math.max(residual, Math.abs(out[1][i]));
    }
    double mean = 0;
    for (int i = RATE; i < n; i++) {
      mean += out[0][i];
    }
    mean /= RATE;
    double passDb = Measure.db(Measure.amplitude(out[0], RATE, 1000) / Measure.amplitude(tone, RATE, 1000));
    System.out.printf("dc blocker 10 Hz: DC residual %.3g (pure DC), %.3g (under a tone); 1 kHz %+.5f dB%n",
        residual, mean, passDb);
    assertTrue(residual < 1e-4, "residual " + residual);
    assertTrue(Math.abs(mean) < 1e-4, "mean " + mean);
    assertEquals(0, passDb, 0.01);
  }

  @Test
  void dcStepSettlesWithinTheTimeConstant() {
    float[] step = Measure.constant(1, RATE);
    float[] out = blocker(10).input("in", new float[][] {step, step}).render(RATE)[0];
    // e^{−2π·fc·t} < 1e-4 after t = ln(1e4)/(2π·10) = 147 ms.
    int settle = (int) Math.ceil(Math.log(1e4) / (2 * Math.PI * 10) * RATE);
    assertTrue(Math.abs(out[settle + 48]) < 1e-4, "settled: " + out[settle + 48]);
    assertTrue(Math.abs(out[settle - 480]) > 1e-4, "not long before: " + out[settle - 480]);
  }

  @ParameterizedTest
  @ValueSource(doubles = {5, 10, 40, 200})
  void isThreeDecibelsDownAtTheCutoff(double cutoff) {
    int n = 4 * RATE;
    float[] in = Measure.sine(cutoff, 0.5, n);
    float[] out = blocker(cutoff).input("in", new float[][] {in, in}).render(n)[0];
    double db = Measure.db(Measure.amplitude(out, 2 * RATE, cutoff) / Measure.amplitude(in, 2 * RATE, cutoff));
    assertEquals(-3.0103, db, 0.01, "at " + cutoff + " Hz");
  }

  @Test
  void noiseThenSilenceDecaysToExactZeroAndResetReproduces() {
    int n = 4 * RATE;
    float[] in = new float[n];
    System.arraycopy(Measure.noise(9, 1, RATE), 0, in, 0, RATE);
    ModuleHarness h = blocker(1).input("in", new float[][] {in, in});
    float[][] out = h.render(n);
    assertTrue(Measure.clean(out[0]) && Measure.clean(out[1]));
    assertTrue(Signals.peak(java.util.Arrays.copyOfRange(out[0], 3 * RATE, n)) < 1e-4);
    h.reset();
    assertArrayEquals(out[1], h.render(n)[1]);
  }
}

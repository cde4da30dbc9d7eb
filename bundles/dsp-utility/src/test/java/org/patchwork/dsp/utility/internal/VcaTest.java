package org.patchwork.dsp.utility.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.utility.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;

class VcaTest {

  private static final int N = RATE / 2;

  private static float[][] render(int response, double gain, float[] cv) {
    float[] in = Measure.sine(1000, 0.5, N);
    ModuleHarness h = new ModuleHarness(new Vca(), Vca.DESCRIPTOR, RATE, 64)
        .set("response", response).set("gain", gain).input("in", new float[][] {in, in});
    if (cv != null) {
      h.input("cv", new float[][] {cv});
    }
    return h.render(N);
  }

  /** Level in dB of the VCA's output over its input, for a steady CV. */
  private static double levelDb(int response, double gain, double cv) {
    float[] in = Measure.sine(1000, 0.5, N);
    float[][] out = render(response, gain, Measure.constant(cv, N));
    double left = Measure.gainDb(out[0], in, 0);
    assertEquals(left, Measure.gainDb(out[1], in, 0), 1e-6, "both channels alike");
    return left;
  }

  @ParameterizedTest
  @CsvSource({
      // response, cv, expected dB: linear is 20·log10(cv), exponential is 20·log10((1000^cv − 1)/999)
      "0, 1.0, 0", "0, 0.5, -6.0206", "0, 0.25, -12.0412", "0, 0.1, -20",
      "1, 1.0, 0", "1, 0.75, -15.0403", "1, 0.5, -30.2704", "1, 0.25, -46.6921"})
  void levelFollowsTheCvThroughTheChosenResponse(int response, double cv, double expectedDb) {
    double measured = levelDb(response, 1, cv);
    System.out.printf("vca %s cv %.2f: %.4f dB (expected %.4f)%n",
        response == 0 ? "linear" : "exponential", cv, measured, expectedDb);
    assertEquals(expectedDb, measured, 0.01);
  }

  @Test
  void gainScalesTheCvAndAnUnconnectedCvLeavesTheVcaOpen() {
    assertEquals(-6.0206 + 3.5218, levelDb(0, 1.5, 0.5), 0.01, "gain 1.5 at cv 0.5");
    float[] in = Measure.sine(1000, 0.5, N);
    assertEquals(-6.0206, Measure.gainDb(render(0, 0.5, null)[0], in, 0), 0.01, "no cv: gain alone");
  }

  @Test
  void zeroOrNegativeCvClosesTheVcaCompletely() {
    for (int response = 0; response < 2; response++) {
      for (double cv : new double[] {0, -0.5, -1}) {
        float[][] out = render(response, 2, Measure.constant(cv, N));
        assertEquals(0, org.patchwork.sdk.testkit.Signals.peak(out[0]), 0, "cv " + cv);
        assertEquals(0, org.patchwork.sdk.testkit.Signals.peak(out[1]), 0, "cv " + cv);
      }
    }
  }

  @Test
  void audioRateCvModulatesTheAmplitude() {
    // cv = 0.5 + 0.5·sin(2π·100 t) on a 1 kHz carrier: sidebands at 900 and 1100 Hz of a quarter.
    float[] cv = Measure.sine(100, 0.5, N);
    for (int i = 0; i < N; i++) {
      cv[i] += 0.5f;
    }
    float[] out = render(0, 1, cv)[0];
    assertEquals(0.25, Measure.amplitude(out, 0, 1000), 0.005, "carrier at 0.5 x 0.5");
    assertEquals(0.125, Measure.amplitude(out, 0, 900), 0.005, "lower sideband");
    assertEquals(0.125, Measure.amplitude(out, 0, 1100), 0.005, "upper sideband");
  }

  @Test
  void extremeInputsAndCvStayClean() {
    float[] noise = Measure.noise(1, 1, N);
    float[] wild = Measure.noise(2, 1e6, N);
    for (int response = 0; response < 2; response++) {
      ModuleHarness h = new ModuleHarness(new Vca(), Vca.DESCRIPTOR, RATE, 64).set("response", response)
          .set("gain", 2).input("in", new float[][] {noise, noise}).input("cv", new float[][] {wild});
      float[][] out = h.render(N);
      assertTrue(Measure.clean(out[0]) && Measure.clean(out[1]));
      assertTrue(org.patchwork.sdk.testkit.Signals.peak(out[0]) <= 2, "cv is limited to 1");
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    float[] noise = Measure.noise(3, 1, N);
    ModuleHarness h = new ModuleHarness(new Vca(), Vca.DESCRIPTOR, RATE, 64).set("response", 1)
        .input("in", new float[][] {noise, noise}).input("cv", new float[][] {Measure.sine(3, 1, N)});
    float[] first = h.render(N)[1];
    h.reset();
    assertArrayEquals(first, h.render(N)[1]);
  }
}

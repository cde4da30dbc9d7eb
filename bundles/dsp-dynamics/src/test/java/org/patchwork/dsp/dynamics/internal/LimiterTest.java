package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.dynamics.internal.Measure.RATE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;

class LimiterTest {

  private static final int L = Limiter.LOOKAHEAD;

  private static ModuleHarness limiter() {
    return new ModuleHarness(new Limiter(), Limiter.DESCRIPTOR, RATE, 64);
  }

  /** Loud noise, lone spikes, steps and bursts, different in the two channels. */
  private static float[][] torture() {
    int n = 4 * RATE;
    float[] left = Measure.noise(1, 2.0, n);     // peaks near +18 dBFS
    float[] right = Measure.noise(2, 0.3, n);
    for (int i = 0; i < n; i += 4801) {
      left[i] = 16f;                               // +24 dB single-sample spikes
      right[(i + 2400) % n] = -12f;
    }
    for (int i = 2 * RATE; i < 2 * RATE + 4000; i++) {
      left[i] = 0.01f * (float) Math.sin(i * 0.05);  // quiet, so the release runs ...
    }
    for (int i = 2 * RATE + 4000; i < 2 * RATE + 8000; i++) {
      left[i] = 8f;                                // ... then a hard DC step
      right[i] = (float) (10 * Math.sin(2 * Math.PI * 50 * i / RATE));
    }
    return new float[][] {left, right};
  }

  @ParameterizedTest
  @CsvSource({"-0.1, 1, 0", "-1, 50, 0", "-6, 2000, 0", "-24, 10, 24", "0, 1, 24"})
  void outputNeverExceedsTheCeiling(double ceilingDb, double release, double inputGain) {
    float[][] in = torture();
    float[][] out = limiter().set("ceiling", ceilingDb).set("release", release)
        .set("input_gain", inputGain).input("in", in).render(in[0].length);
    double ceiling = Math.pow(10, ceilingDb / 20);
    double peak = Math.max(Measure.peak(out[0], 0, out[0].length), Measure.peak(out[1], 0, out[1].length));
    System.out.printf("limiter ceiling %.1f dB (%.6f), release %.0f ms, input gain %.0f dB: max |out| %.6f (%.4f dB)%n",
        ceilingDb, ceiling, release, inputGain, peak, Measure.db(peak));
    assertTrue(peak <= ceiling + 1e-6, "peak " + peak + " over ceiling " + ceiling);
    assertTrue(peak > ceiling * 0.99, "the limiter works up to its ceiling, not far below it");
    assertTrue(Measure.clean(out[0]) && Measure.clean(out[1]));
  }

  /** Under the ceiling the output is the input delayed by the declared latency, bit for bit. */
  @Test
  void belowTheCeilingTheOutputIsTheDelayedInputBitForBit() {
    assertEquals(L, Limiter.DESCRIPTOR.latencySamples());
    float[] left = Measure.noise(3, 0.2, 2 * RATE);
    float[] right = Measure.sine(997, 0.89, 2 * RATE); // -1.01 dBFS under a -1 dB ceiling
    for (int i = 0; i < left.length; i++) {
      left[i] = Math.max(-0.89f, Math.min(0.89f, left[i]));
    }
    float[][] out = limiter().set("ceiling", -1).input("in", new float[][] {left, right}).render(left.length);
    for (int i = 0; i < L; i++) {
      assertEquals(0f, out[0][i]);
    }
    assertArrayEquals(Arrays.copyOf(left, left.length - L), Arrays.copyOfRange(out[0], L, out[0].length));
    assertArrayEquals(Arrays.copyOf(right, right.length - L), Arrays.copyOfRange(out[1], L, out[1].length));
  }

  /** An impulse over the ceiling comes out at frame L, exactly at the ceiling. */
  @Test
  void aSpikeLeavesAtTheLatencyAtTheCeiling() {
    float[] in = new float[RATE / 10];
    in[100] = 4f;
    float[] out = limiter().set("ceiling", -6).input("in", Measure.both(in)).render(in.length)[0];
    double ceiling = Math.pow(10, -6 / 20.0);
    assertEquals(ceiling, out[100 + L], 1e-5);
    assertEquals(100 + L, org.patchwork.sdk.testkit.Signals.onset(out, 1e-3));
  }

  /**
   * After a burst, the gain recovers towards 1 with the release time constant: 63.2 % of the
   * way back after the release time, counted from the first quiet sample's exit (the L-frame
   * hold matches the L-frame delay), plus half the L-frame averaging ramp.
   */
  @ParameterizedTest
  @CsvSource({"20", "100", "500"})
  void releaseRecoversWithItsTimeConstant(double release) {
    int burst = RATE / 10;
    float[] in = new float[burst + 4 * RATE];
    Arrays.fill(in, 0.5f);
    Arrays.fill(in, 0, burst, 2f);
    float[] out = limiter().set("ceiling", -6).set("release", release)
        .input("in", Measure.both(in)).render(in.length)[0];
    double ceiling = Math.pow(10, -6 / 20.0);
    double low = ceiling * (1 - 1e-6) / 2;   // the gain during the burst
    double target = low + (1 - low) * (1 - Math.exp(-1));
    int end = burst + L;                      // the first quiet sample leaves here
    int frames = -1;
    for (int i = end; i < out.length; i++) {
      if (out[i] / 0.5 >= target) {
        frames = i - end;
        break;
      }
    }
    double measured = (frames - L / 2.0) * 1000.0 / RATE;
    System.out.printf("limiter release %.0f ms: measured %.2f ms%n", release, measured);
    assertEquals(release, measured, 0.02 * release + 0.1);
  }
}

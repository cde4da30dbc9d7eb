package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.dynamics.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class WaveshaperTest {

  /** Analysis length; test tones sit exactly on a bin so harmonics and aliases do too. */
  private static final int N = 1 << 16;
  private static final int SETTLE = RATE / 10;

  private static ModuleHarness shaper(int shape, double driveDb, int oversampling) {
    return new ModuleHarness(new Waveshaper(), Waveshaper.DESCRIPTOR, RATE, 64)
        .set("shape", shape).set("drive", driveDb).set("oversampling", oversampling);
  }

  private static int bin(double hz) {
    return (int) Math.round(hz * N / RATE);
  }

  /** Amplitude spectrum of the output for a bin-centred sine of the given bin and amplitude. */
  private static double[] spectrum(ModuleHarness h, int bin, double amplitude) {
    float[] in = Measure.sine(bin * (double) RATE / N, amplitude, SETTLE + N);
    float[] out = h.input("in", Measure.both(in)).render(in.length)[0];
    return Measure.amplitudes(out, SETTLE, N);
  }

  /** Level in dB, relative to the fundamental, of the strongest bin that is not a harmonic. */
  private static double strongestInharmonic(double[] a, int k0) {
    double worst = 0;
    for (int k = 3; k < a.length; k++) {
      int nearest = (int) Math.round((double) k / k0) * k0;
      boolean harmonic = nearest > 0 && Math.abs(k - nearest) <= 2;
      if (!harmonic) {
        worst = Math.max(worst, a[k]);
      }
    }
    return Measure.db(worst / a[k0]);
  }

  /** The n-th harmonic's level relative to the fundamental, in dB (n·k0 below Nyquist). */
  private static double harmonic(double[] a, int k0, int n) {
    return Measure.db(a[n * k0] / a[k0]);
  }

  /**
   * A 7 kHz sine driven 24 dB into tanh: at 1× its 5th, 7th, ... harmonics fold back as
   * inharmonic tones; oversampling filters them out before they can fold.
   */
  @Test
  void oversamplingSuppressesAliasing() {
    int k0 = bin(7000);
    double[] alias = new double[4];
    for (int k = 0; k < 4; k++) {
      double[] a = spectrum(shaper(Waveshaper.TANH, 24, k), k0, 0.5);
      alias[k] = strongestInharmonic(a, k0);
      System.out.printf("waveshaper tanh +24 dB, %.2f Hz, %dx: strongest inharmonic %.1f dB re fundamental%n",
          k0 * (double) RATE / N, 1 << k, alias[k]);
    }
    assertTrue(alias[2] <= alias[0] - 20, "4x must be 20 dB cleaner than 1x: " + alias[2] + " vs " + alias[0]);
    assertTrue(alias[1] < alias[0] && alias[3] <= alias[2] + 1, "more oversampling, less aliasing");
  }

  /** At 0 dB drive and −20 dBFS tanh is nearly linear: THD (harmonics 2..10) below 0.2 %. */
  @Test
  void tanhAtLowDriveIsNearlyLinear() {
    int k0 = bin(1000);
    double[] a = spectrum(shaper(Waveshaper.TANH, 0, 2), k0, 0.1);
    double sum = 0;
    for (int n = 2; n <= 10; n++) {
      sum += a[n * k0] * a[n * k0];
    }
    double thd = Math.sqrt(sum) / a[k0];
    double gain = Measure.db(a[k0] / 0.1);
    System.out.printf("waveshaper tanh 0 dB drive at -20 dBFS: THD %.4f %% (%.1f dB), gain %.4f dB%n",
        100 * thd, Measure.db(thd), gain);
    assertTrue(thd < 0.002, "THD " + thd);
    assertEquals(0, gain, 0.05); // tanh(x) ≈ x − x³/3 squeezes a 0.1 sine by 0.022 dB
  }

  /** Driven hard, the symmetric tanh makes odd harmonics only; even ones stay at the noise floor. */
  @Test
  void tanhAtHighDriveMakesOddHarmonics() {
    int k0 = bin(1000);
    double[] a = spectrum(shaper(Waveshaper.TANH, 24, 2), k0, 0.5);
    double odd = Math.max(harmonic(a, k0, 3), harmonic(a, k0, 5));
    double even = Math.max(Math.max(harmonic(a, k0, 2), harmonic(a, k0, 4)), harmonic(a, k0, 6));
    System.out.printf("waveshaper tanh +24 dB: H3 %.1f dB, H5 %.1f dB, H7 %.1f dB; H2 %.1f dB, H4 %.1f dB%n",
        harmonic(a, k0, 3), harmonic(a, k0, 5), harmonic(a, k0, 7), harmonic(a, k0, 2), harmonic(a, k0, 4));
    assertTrue(harmonic(a, k0, 3) > -15, "strong third harmonic");
    assertTrue(even < odd - 80, "even harmonics " + even + " dB vs odd " + odd + " dB");
  }

  /** The asymmetric curve, and any bias, make even harmonics; the DC they make is blocked. */
  @Test
  void asymmetryMakesEvenHarmonicsButNoDc() {
    int k0 = bin(1000);
    double[] tube = spectrum(shaper(Waveshaper.TUBE, 12, 2), k0, 0.5);
    ModuleHarness biased = shaper(Waveshaper.TANH, 12, 2).set("bias", 0.5);
    double[] tanh = spectrum(biased, k0, 0.5);
    System.out.printf("waveshaper tube +12 dB: H2 %.1f dB, H3 %.1f dB; tanh biased 0.5: H2 %.1f dB%n",
        harmonic(tube, k0, 2), harmonic(tube, k0, 3), harmonic(tanh, k0, 2));
    assertTrue(harmonic(tube, k0, 2) > -30, "tube H2");
    assertTrue(harmonic(tanh, k0, 2) > -20, "biased tanh H2");
    float[] in = Measure.sine(1000, 0.5, 2 * RATE);
    float[] out = shaper(Waveshaper.TANH, 12, 2).set("bias", 0.5).input("in", Measure.both(in))
        .render(in.length)[0];
    double mean = 0;
    for (int i = RATE; i < 2 * RATE; i++) {
      mean += out[i];
    }
    mean /= RATE;
    System.out.printf("waveshaper tanh biased 0.5: DC after 1 s %.2e (peak %.3f)%n", mean, Signals.peak(out));
    assertEquals(0, mean, 1e-3);
  }

  /** Every curve has unit slope at 0: a tiny signal passes at 0 dB at every oversampling factor. */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 4})
  void everyCurveIsUnityForSmallSignals(int shape) {
    int k0 = bin(1000);
    for (int k = 0; k < 4; k++) {
      double[] a = spectrum(shaper(shape, 0, k), k0, 0.001);
      assertEquals(0, Measure.db(a[k0] / 0.001), 0.01, "shape " + shape + " at " + (1 << k) + "x");
    }
  }

  /**
   * Mix 0 gives the dry signal through the same up/down filters: 0 dB, and only a small group
   * delay (printed: it is not declared as latency).
   */
  @Test
  void drySignalPassesTheOversamplingFiltersUnchanged() {
    for (int k = 0; k < 4; k++) {
      for (double hz : new double[] {100, 1000, 10000}) {
        int k0 = bin(hz);
        float[] in = Measure.sine(k0 * (double) RATE / N, 0.5, SETTLE + N);
        float[] out = shaper(Waveshaper.HARD, 24, k).set("mix", 0).input("in", Measure.both(in))
            .render(in.length)[0];
        double f = k0 * (double) RATE / N;
        double gain = Measure.db(level(out, f) / level(in, f));
        double delay = delayFrames(in, out, f);
        System.out.printf("waveshaper mix 0, %dx, %5.0f Hz: gain %+.4f dB, group delay %.2f frames%n",
            1 << k, hz, gain, delay);
        assertEquals(0, gain, 0.01);
        assertTrue(delay < 8, "delay " + delay);
      }
    }
  }

  private static double level(float[] x, double hz) {
    return Signals.magnitude(Signals.hann(java.util.Arrays.copyOfRange(x, SETTLE, SETTLE + N)), hz, RATE);
  }

  /** Phase lag of {@code out} behind {@code in} at {@code hz}, in frames (0 .. one period). */
  private static double delayFrames(float[] in, float[] out, double hz) {
    double w = 2 * Math.PI * hz / RATE;
    double pi = phase(in, w);
    double po = phase(out, w);
    double lag = pi - po;
    lag -= 2 * Math.PI * Math.floor(lag / (2 * Math.PI));
    return lag / w;
  }

  private static double phase(float[] x, double w) {
    double re = 0;
    double im = 0;
    for (int i = SETTLE; i < x.length; i++) {
      re += x[i] * Math.cos(w * i);
      im -= x[i] * Math.sin(w * i);
    }
    return Math.atan2(im, re);
  }
}

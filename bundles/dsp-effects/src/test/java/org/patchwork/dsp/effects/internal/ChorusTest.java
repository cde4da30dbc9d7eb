package org.patchwork.dsp.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.effects.internal.Signal.RATE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class ChorusTest {

  private static ModuleHarness chorus(double delayMs, double depthMs, double rate, double feedback, double mix) {
    return Signal.harness(new Chorus(), Chorus.DESCRIPTOR).set("delay", delayMs).set("depth", depthMs)
        .set("rate", rate).set("feedback", feedback).set("voices", 1).set("mix", mix);
  }

  /** Gain at {@code hz}: windowed DFT magnitude of the settled output over that of the input. */
  private static double gain(ModuleHarness h, double hz) {
    float[] in = Signal.sine(hz, RATE);
    float[] out = h.input("in", Signal.mono(in)).render(RATE)[0];
    double[] tailOut = Signals.hann(Arrays.copyOfRange(out, RATE / 2, RATE));
    double[] tailIn = Signals.hann(Arrays.copyOfRange(in, RATE / 2, RATE));
    return Signals.magnitude(tailOut, hz, RATE) / Signals.magnitude(tailIn, hz, RATE);
  }

  /**
   * A 1 kHz sine read through a delay swinging ±0.2 ms at 5 Hz is phase-modulated with
   * β = 2π·1000·0.0002: sidebands at 1000 ± 5k Hz stand J_k(β)/J_0(β) above the carrier.
   */
  @Test
  void aSineGainsBesselSidebandsAtTheLfoRate() {
    double f = 1000;
    double rate = 5;
    double swing = 0.0002;
    int settle = RATE / 10;
    float[] in = Signal.sine(f, settle + 4 * RATE);
    float[] out = chorus(5, 2000 * swing, rate, 0, 1).input("in", Signal.mono(in)).render(in.length)[0];
    double[] w = Signals.hann(Arrays.copyOfRange(out, settle, out.length));
    double beta = 2 * Math.PI * f * swing;
    double carrier = Signals.magnitude(w, f, RATE);
    for (int k = 1; k <= 2; k++) {
      double side = 0.5 * (Signals.magnitude(w, f + k * rate, RATE) + Signals.magnitude(w, f - k * rate, RATE));
      double expected = bessel(k, beta) / bessel(0, beta);
      System.out.printf("chorus sideband %d: %.4f of the carrier (J%d/J0 = %.4f)%n", k, side / carrier, k, expected);
      assertEquals(expected, side / carrier, 0.03 * expected);
    }
    double between = Signals.magnitude(w, f + 2.5, RATE);
    assertTrue(between < 0.01 * carrier, "nothing between the sidebands");
  }

  /**
   * The delay is read back from the output: the lag of the best cross-correlation between
   * input noise and output in short windows follows delay + depth·(1 + sin 2π·rate·t)/2 on the
   * left and the same a quarter cycle ahead on the right.
   */
  @Test
  void theMeasuredDelaySweepsAsTheLfoSaysOnBothSidesInQuadrature() {
    double base = 2;
    double depth = 8;
    double rate = 0.1;
    float[] noise = Signal.noise(11, 10 * RATE, 0);
    float[][] out = chorus(base, depth, rate, 0, 1).input("in", Signal.mono(noise)).render(noise.length);
    double worst = 0;
    for (int k = 1; k < 20; k++) {
      int centre = k * RATE / 2;
      double t = (double) centre / RATE;
      for (int ch = 0; ch < 2; ch++) {
        double phase = 2 * Math.PI * rate * t + (ch == 0 ? 0 : Math.PI / 2);
        double expected = base + depth * (1 + Math.sin(phase)) / 2;
        double measured = lagMs(noise, out[ch], centre);
        worst = Math.max(worst, Math.abs(measured - expected));
        assertEquals(expected, measured, 0.05, "channel " + ch + " at " + t + " s");
      }
    }
    System.out.printf("chorus delay sweep: measured within %.4f ms of the LFO's delay%n", worst);
  }

  /** The lag in ms (parabola-refined) that best aligns {@code in} with {@code out} around a frame. */
  private static double lagMs(float[] in, float[] out, int centre) {
    int half = 512;
    int maxLag = 600;
    double[] c = new double[maxLag + 1];
    int best = 0;
    for (int lag = 0; lag <= maxLag; lag++) {
      double sum = 0;
      for (int n = centre - half; n < centre + half; n++) {
        sum += (double) out[n] * in[n - lag];
      }
      c[lag] = sum;
      if (sum > c[best]) {
        best = lag;
      }
    }
    double a = c[best - 1];
    double b = c[best];
    double d = c[best + 1];
    double offset = 0.5 * (a - d) / (a - 2 * b + d);
    return (best + offset) * 1000 / RATE;
  }

  /** At mix ½ with a fixed 1 ms delay, x + x(t − 1 ms) cancels at 500, 1500, 2500 Hz. */
  @Test
  void aFixedShortDelayCombsWithNotchesAtOddMultiplesOfHalfTheInverseDelay() {
    for (double hz : new double[] {500, 1500, 2500}) {
      double g = gain(chorus(1, 0, 1, 0, 0.5), hz);
      System.out.printf("flanger 1 ms notch at %.0f Hz: %.1f dB%n", hz, 20 * Math.log10(g));
      assertTrue(g < 1e-3, hz + " Hz: " + g);
    }
    for (double hz : new double[] {1000, 2000}) {
      assertEquals(1, gain(chorus(1, 0, 1, 0, 0.5), hz), 1e-3, hz + " Hz");
    }
  }

  /** Feedback f makes the wet path 1/(1 − f·e^(−jωd)): peaks at k/d for f > 0, (k + ½)/d for f < 0. */
  @ParameterizedTest
  @ValueSource(doubles = {0.7, -0.7})
  void feedbackRaisesCombPeaksWhereItsSignSays(double fb) {
    for (double hz : new double[] {500, 1000}) {
      double expected = 1 / Math.abs(1 - fb * Math.cos(2 * Math.PI * hz * 0.001));
      double g = gain(chorus(1, 0, 1, fb, 1), hz);
      assertEquals(expected, g, 0.01 * expected, "feedback " + fb + " at " + hz + " Hz");
    }
  }

  @Test
  void voicesAtZeroDepthAddUpToOneDelayedCopy() {
    float[] noise = Signal.noise(4, RATE / 4, 0);
    float[] one = chorus(10, 0, 1, 0, 1).input("in", Signal.mono(noise)).render(noise.length)[0];
    float[] four = chorus(10, 0, 1, 0, 1).set("voices", 4).input("in", Signal.mono(noise)).render(noise.length)[0];
    for (int i = 0; i < noise.length; i++) {
      assertEquals(i >= 480 ? noise[i - 480] : 0, one[i], 1e-6);
      assertEquals(one[i], four[i], 1e-6);
    }
  }

  /** J_n(x) by its power series, ample for x < 3. */
  static double bessel(int n, double x) {
    double sum = 0;
    double term = Math.pow(x / 2, n);
    for (int i = 1; i <= n; i++) {
      term /= i;
    }
    for (int k = 0; k < 30; k++) {
      sum += term;
      term *= -(x / 2) * (x / 2) / ((k + 1.0) * (k + 1 + n));
    }
    return sum;
  }
}

package org.patchwork.dsp.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.effects.internal.Signal.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class ReverbTest {

  /** Wet only, no pre-delay; the rest as given. */
  private static ModuleHarness wet(double decay, double damping) {
    return Signal.harness(new Reverb(), Reverb.DESCRIPTOR)
        .set("decay", decay).set("damping", damping).set("predelay", 0).set("mix", 1);
  }

  private static float[][] impulseResponse(ModuleHarness h, double seconds) {
    return h.input("in", Signal.mono(Signal.impulse(1))).render((int) (seconds * RATE));
  }

  /**
   * The measured figure the docs quote: broadband T30 of the impulse response, no damping,
   * default modulation. The issue asks for 10 %; the network holds 5 % so a regression shows.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.5, 1.5, 4, 10})
  void measuredReverberationTimeIsWithinFivePercentOfTheSetting(double decay) {
    float[][] ir = impulseResponse(wet(decay, 0), 1.2 * decay + 0.5);
    double measured = Signal.rt60(ir[0], ir[1]);
    System.out.printf("reverb RT60 set %.2f s: measured %.3f s (%+.1f %%)%n",
        decay, measured, 100 * (measured / decay - 1));
    assertEquals(decay, measured, 0.05 * decay);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.3, 2})
  void theReverberationTimeDoesNotDependOnSize(double size) {
    float[][] ir = impulseResponse(wet(1.5, 0).set("size", size), 2.3);
    double measured = Signal.rt60(ir[0], ir[1]);
    System.out.printf("reverb RT60 1.5 s at size %.1f: measured %.3f s%n", size, measured);
    assertEquals(1.5, measured, 0.075);
  }

  /**
   * With damping the decay time holds at low frequencies and shortens towards Nyquist. The
   * expected figure at a frequency f is the mean over lines of the loop's loss there:
   * RT60(f) = −60·D_i / (fs · 20·log10(g_i·|A_i(f)|)).
   */
  @Test
  void dampingShortensTheDecayOfHighFrequenciesOnly() {
    double decay = 2;
    double damping = 0.8;
    float[][] ir = impulseResponse(wet(decay, damping).set("modulation", 0), 3);
    double low = Signal.rt60(Signal.bandPass(ir[0], 250, 2), Signal.bandPass(ir[1], 250, 2));
    double high = Signal.rt60(Signal.bandPass(ir[0], 8000, 6), Signal.bandPass(ir[1], 8000, 6));
    double expectedHigh = expectedRt60(decay, damping, 8000);
    System.out.printf("reverb damping %.1f, RT60 %.1f s: 250 Hz %.3f s, 8 kHz %.3f s (expected %.3f s)%n",
        damping, decay, low, high, expectedHigh);
    assertEquals(decay, low, 0.1 * decay);
    assertEquals(expectedHigh, high, 0.1 * expectedHigh);
    assertTrue(high < 0.7 * low);
  }

  private static double expectedRt60(double decay, double damping, double hz) {
    double ratio = 1 - 0.9 * damping;
    double w = 2 * Math.PI * hz / RATE;
    double sum = 0;
    for (int length : Reverb.LENGTHS) {
      double g = Math.pow(10, -3.0 * length / (decay * RATE));
      double r = Math.pow(10, -3.0 * length / (decay * RATE) * (1 / ratio - 1));
      double b = (1 - r) / (1 + r);
      double a = (1 - b) / Math.sqrt(1 - 2 * b * Math.cos(w) + b * b);
      sum += -60.0 * length / (RATE * 20 * Math.log10(g * a));
    }
    return sum / Reverb.LENGTHS.length;
  }

  @Test
  void aMonoInputLeavesInTwoDecorrelatedChannels() {
    float[][] ir = impulseResponse(wet(2, 0.4), 2);
    double rho = Signal.correlation(ir[0], ir[1]);
    float[][] narrow = impulseResponse(wet(2, 0.4).set("width", 0), 2);
    double mono = Signal.correlation(narrow[0], narrow[1]);
    System.out.printf("reverb L/R correlation of a mono impulse: width 1 %.4f, width 0 %.4f%n", rho, mono);
    assertTrue(Math.abs(rho) < 0.1, "correlation " + rho);
    assertEquals(1, mono, 1e-6);
  }

  /** The first return comes after the pre-delay plus the shortest line (701 frames at size 1). */
  @Test
  void preDelayAndSizeMoveTheFirstReturn() {
    float[] out = impulseResponse(wet(1, 0).set("modulation", 0).set("predelay", 50), 0.2)[0];
    assertEquals(2400 + 701, Signals.onset(out, 1e-6));
    float[] big = impulseResponse(wet(1, 0).set("modulation", 0).set("size", 2), 0.2)[0];
    assertEquals(2 * 701, Signals.onset(big, 1e-6));
  }

  @Test
  void theDryPathIsUntouchedAtMixZero() {
    float[] noise = Signal.noise(3, RATE, 0);
    float[][] out = Signal.harness(new Reverb(), Reverb.DESCRIPTOR).set("mix", 0)
        .input("in", Signal.mono(noise)).render(RATE);
    for (int i = 0; i < RATE; i++) {
      assertEquals(noise[i], out[0][i], 0f);
    }
  }
}

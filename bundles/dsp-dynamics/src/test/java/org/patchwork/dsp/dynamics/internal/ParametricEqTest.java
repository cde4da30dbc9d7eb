package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.dynamics.internal.Measure.RATE;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/** Magnitude responses measured as the exact DFT of the rendered impulse response. */
class ParametricEqTest {

  private static final int IR = 1 << 16;

  private static ModuleHarness eq() {
    return new ModuleHarness(new ParametricEq(), ParametricEq.DESCRIPTOR, RATE, 64);
  }

  /** Both channels' impulse responses; asserts they are equal and returns the left one. */
  private static float[] impulseResponse(ModuleHarness h) {
    float[] impulse = new float[IR];
    impulse[0] = 1;
    float[][] out = h.input("in", Measure.both(impulse)).render(IR);
    org.junit.jupiter.api.Assertions.assertArrayEquals(out[0], out[1]);
    return out[0];
  }

  private static double dbAt(float[] ir, double hz) {
    return Measure.db(Measure.response(ir, hz));
  }

  @ParameterizedTest
  @CsvSource({"mid1, 100, 12, 0.7", "mid1, 1000, -12, 4", "mid2, 3000, 6, 1", "mid2, 12000, 18, 2",
      "mid1, 40, -24, 10", "mid2, 500, 24, 18"})
  void bellHasItsGainAtItsFrequency(String band, double hz, double gain, double q) {
    float[] ir = impulseResponse(eq().set(band + "_freq", hz).set(band + "_gain", gain).set(band + "_q", q));
    double measured = dbAt(ir, hz);
    System.out.printf("eq bell %.0f Hz %+.0f dB Q %.1f: %+.4f dB at centre, %+.4f dB at DC, %+.4f dB at 23.9 kHz%n",
        hz, gain, q, measured, dbAt(ir, 0), dbAt(ir, 23_900));
    assertEquals(gain, measured, 0.2);
    assertEquals(0, dbAt(ir, 0), 0.2, "flat at DC");
  }

  @ParameterizedTest
  @CsvSource({"100, 9", "300, -12", "1000, 24"})
  void lowShelfReachesItsGainAtTheBottomAndHalfAtItsFrequency(double hz, double gain) {
    float[] ir = impulseResponse(eq().set("low_freq", hz).set("low_gain", gain));
    System.out.printf("eq low shelf %.0f Hz %+.0f dB: DC %+.4f, %.0f Hz %+.4f, f0 %+.4f, 20 kHz %+.4f dB%n",
        hz, gain, dbAt(ir, 0), hz / 10, dbAt(ir, hz / 10), dbAt(ir, hz), dbAt(ir, 20_000));
    assertEquals(gain, dbAt(ir, 0), 0.01);
    assertEquals(gain, dbAt(ir, hz / 10), 0.2);
    assertEquals(gain / 2, dbAt(ir, hz), 0.05);
    assertEquals(0, dbAt(ir, 20_000), 0.2);
  }

  @ParameterizedTest
  @CsvSource({"2000, 9", "5000, -12", "1000, 24"})
  void highShelfReachesItsGainAtTheTopAndHalfAtItsFrequency(double hz, double gain) {
    float[] ir = impulseResponse(eq().set("high_freq", hz).set("high_gain", gain));
    System.out.printf("eq high shelf %.0f Hz %+.0f dB: 20 Hz %+.4f, f0 %+.4f, 20 kHz %+.4f, Nyquist %+.4f dB%n",
        hz, gain, dbAt(ir, 20), dbAt(ir, hz), dbAt(ir, 20_000), dbAt(ir, RATE / 2.0));
    assertEquals(gain, dbAt(ir, RATE / 2.0), 0.01);
    assertEquals(gain, dbAt(ir, Math.min(10 * hz, 20_000)), 0.2);
    assertEquals(gain / 2, dbAt(ir, hz), 0.05);
    assertEquals(0, dbAt(ir, 20), 0.2);
  }

  /** Butterworth high- and low-pass: −3.01 dB at the cutoff (found by bisection), within 2 %. */
  @ParameterizedTest
  @CsvSource({"hp, 1, 40", "hp, 1, 1000", "hp, 2, 100", "hp, 2, 8000",
      "lp, 1, 200", "lp, 1, 5000", "lp, 2, 1000", "lp, 2, 16000"})
  void passFiltersAreThreeDecibelsDownAtTheirCutoff(String band, int slope, double cutoff) {
    float[] ir = impulseResponse(eq().set(band + "_freq", cutoff).set(band + "_slope", slope));
    boolean high = band.equals("hp");
    double lo = cutoff / 2;
    double hi = Math.min(cutoff * 2, 23_000);
    double target = 1 / Math.sqrt(2);
    for (int i = 0; i < 50; i++) {
      double mid = Math.sqrt(lo * hi);
      boolean above = Measure.response(ir, mid) > target;
      if (above == high) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    double measured = Math.sqrt(lo * hi);
    // Well into the stop band the slope is the order's. The low-pass is measured only below
    // 4 kHz: nearer Nyquist the bilinear transform's zero there makes it steeper still.
    double octave = high ? dbAt(ir, cutoff / 8) - dbAt(ir, cutoff / 4)
        : cutoff * 4 <= 4000 ? dbAt(ir, cutoff * 4) - dbAt(ir, cutoff * 2) : Double.NaN;
    System.out.printf("eq %s %d dB/oct %.0f Hz: -3 dB at %.3f Hz (error %+.4f %%), gain at cutoff %.4f dB, slope %.1f dB/oct%n",
        band, 12 * slope, cutoff, measured, 100 * (measured / cutoff - 1), dbAt(ir, cutoff), octave);
    assertEquals(cutoff, measured, 0.02 * cutoff);
    if (!Double.isNaN(octave)) {
      assertEquals(-12 * slope, octave, 1.5, "an octave further into the stop band");
    }
  }

  @Test
  void defaultsAreFlat() {
    float[] ir = impulseResponse(eq());
    double worst = 0;
    for (double hz = 20; hz < 20_000; hz *= 1.1) {
      worst = Math.max(worst, Math.abs(dbAt(ir, hz)));
    }
    System.out.printf("eq defaults: largest deviation 20 Hz..20 kHz %.2e dB%n", worst);
    assertTrue(worst < 1e-4, "deviation " + worst);
  }

  /** A gain change glides (coefficients follow the smoothed value) and arrives at the new response. */
  @Test
  void gainAutomationArrivesAtTheNewResponse() {
    float[] in = Measure.sine(1000, 0.1, RATE);
    ModuleHarness h = eq().set("mid1_freq", 1000).input("in", Measure.both(in));
    float[] before = h.render(RATE / 2)[0];
    h.set("mid1_gain", 12);
    float[] after = h.render(RATE / 2)[0];
    double rms0 = Signals.rms(before, RATE / 4, RATE / 2);
    double rms1 = Signals.rms(after, RATE / 4, RATE / 2);
    double step = 0;
    for (int i = 1; i < 2000; i++) {
      step = Math.max(step, Math.abs(after[i] - after[i - 1]));
    }
    System.out.printf("eq bell automation 0 -> +12 dB: %.3f dB after, largest sample step %.4f%n",
        Measure.db(rms1 / rms0), step);
    assertEquals(12, Measure.db(rms1 / rms0), 0.05);
    double steepest = 2 * Math.PI * 1000 / RATE * 0.1 * Math.pow(10, 12 / 20.0); // of the final sine
    assertTrue(step < 1.1 * steepest, "no click while gliding: step " + step);
  }
}

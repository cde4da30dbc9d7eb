package org.patchwork.dsp.oscillators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SquareOscillatorTest {

  private static final int RATE = 48_000;

  private static ModuleHarness harness(int block) {
    return new ModuleHarness(new SquareOscillator(), SquareOscillator.DESCRIPTOR, RATE, block);
  }

  @ParameterizedTest
  @ValueSource(ints = {33, 57, 69, 93})
  void keysAreInTuneWithinATenthOfACent(int key) {
    ModuleHarness h = harness(64);
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE + 4800)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, out.length), RATE);
    assertEquals(0, Spectrum.cents(hz, Spectrum.keyHz(key)), 0.1, "measured " + hz);
  }

  /** A pulse of width w spends a fraction w of each cycle high, so its mean is 2w − 1. */
  @ParameterizedTest
  @CsvSource({"0.5, 0", "0.25, 0", "0.1, 0", "0.5, 0.3", "0.5, -0.35"})
  void widthAndPwmSetTheDutyCycle(double width, float pwm) {
    ModuleHarness h = harness(64).set("freq", 100).set("level", 1).set("width", width)
        .input("pwm", Spectrum.constant(pwm, RATE));
    float[] out = h.render(RATE)[0];
    double mean = 0;
    for (int i = 4800; i < 4800 + 48 * 480; i++) { // 48 whole cycles
      mean += out[i];
    }
    mean /= 48 * 480;
    assertEquals(2 * (width + pwm) - 1, mean, 1e-3, "width " + (width + pwm));
  }

  /** Square at 50 %; bounds are the measured levels (−36.4, −31.2, −26.9, −22.3 dB) plus 1 dB. */
  @ParameterizedTest
  @CsvSource({"48.5, -35", "24.5, -29", "12.5, -26", "9.6, -21"})
  void strongestAliasStaysBelowItsBound(double periodFrames, double boundDb) {
    double f0 = RATE / periodFrames;
    float[] out = Spectrum.played(harness(128).set("freq", f0).set("level", 1)).render(Spectrum.SIZE + 4800)[0];
    double[] power = Spectrum.power(out, 4800);
    double alias = Spectrum.strongestAliasDb(power, f0, RATE);
    System.out.printf("square %.1f Hz: strongest alias %.1f dB at %.0f Hz, below 10 kHz %.1f dB%n",
        f0, alias, Spectrum.strongestAliasHz(power, f0, RATE),
        Spectrum.strongestAliasDb(power, f0, RATE, 10_000));
    assertTrue(alias < boundDb, "alias " + alias + " dB, bound " + boundDb);
  }

  @Test
  void hardSyncLocksTheSlaveToTheMastersPeriod() {
    int period = 480;
    float[] master = new float[RATE];
    for (int i = 0; i < RATE; i++) {
      master[i] = (float) Math.sin(2 * Math.PI * i / period);
    }
    float[] out = harness(64).set("freq", 331).input("sync", new float[][] {master}).render(RATE)[0];
    double error = 0;
    for (int i = 4800; i < RATE - period; i++) {
      error = Math.max(error, Math.abs(out[i] - out[i + period]));
    }
    assertTrue(error < 1e-3, "synced output repeats every master period: " + error);
  }

  @Test
  void extremeSettingsGiveFiniteBoundedOutput() {
    float[] wild = new float[RATE];
    for (int i = 0; i < wild.length; i++) {
      wild[i] = (float) (i % 3 == 0 ? 1e6 : i % 3 == 1 ? -1e6 : Math.sin(i * 0.37) * 40);
    }
    for (double freq : new double[] {0.1, 20000}) {
      for (double width : new double[] {0.01, 0.99}) {
        ModuleHarness h = harness(37).set("freq", freq).set("level", 1).set("fm_depth", 20000)
            .set("width", width).input("pitch", new float[][] {wild}).input("fm", new float[][] {wild})
            .input("sync", new float[][] {wild}).input("pwm", new float[][] {wild});
        assertTrue(Spectrum.finiteWithin(h.render(RATE)[0], 3), "freq " + freq + " width " + width);
      }
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = harness(100).set("width", 0.3);
    h.noteOn(300, 60, 1f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(300, 60, 1f);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

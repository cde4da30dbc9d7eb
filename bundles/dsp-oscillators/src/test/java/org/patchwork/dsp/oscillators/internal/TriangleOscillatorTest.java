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

class TriangleOscillatorTest {

  private static final int RATE = 48_000;

  private static ModuleHarness harness(int block) {
    return new ModuleHarness(new TriangleOscillator(), TriangleOscillator.DESCRIPTOR, RATE, block);
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

  /** A triangle's odd harmonics fall as 1/k², so the 3rd is 19.1 dB and the 5th 28.0 dB down. */
  @Test
  void harmonicsFallAsTheInverseSquare() {
    double f0 = 200;
    float[] out = Spectrum.played(harness(64).set("freq", f0).set("level", 1)).render(Spectrum.SIZE + 4800)[0];
    double[] power = Spectrum.power(out, 4800);
    double fundamental = Spectrum.component(power, f0, RATE);
    for (int k : new int[] {3, 5, 7}) {
      double db = 10 * Math.log10(Spectrum.component(power, k * f0, RATE) / fundamental);
      assertEquals(-40 * Math.log10(k), db, 0.1, "harmonic " + k);
    }
    double even = 10 * Math.log10(Spectrum.component(power, 2 * f0, RATE) / fundamental);
    assertTrue(even < -90, "no even harmonics: " + even);
  }

  /** Bounds are the measured levels (−64.3, −53.5, −43.8, −36.2 dB) plus about 1 dB. */
  @ParameterizedTest
  @CsvSource({"48.5, -63", "24.5, -52", "12.5, -42.5", "9.6, -35"})
  void strongestAliasStaysBelowItsBound(double periodFrames, double boundDb) {
    double f0 = RATE / periodFrames;
    float[] out = Spectrum.played(harness(128).set("freq", f0).set("level", 1)).render(Spectrum.SIZE + 4800)[0];
    double[] power = Spectrum.power(out, 4800);
    double alias = Spectrum.strongestAliasDb(power, f0, RATE);
    System.out.printf("triangle %.1f Hz: strongest alias %.1f dB at %.0f Hz, below 10 kHz %.1f dB%n",
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
      ModuleHarness h = harness(37).set("freq", freq).set("level", 1).set("fm_depth", 20000)
          .input("pitch", new float[][] {wild}).input("fm", new float[][] {wild})
          .input("sync", new float[][] {wild});
      assertTrue(Spectrum.finiteWithin(h.render(RATE)[0], 3), "freq " + freq);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = harness(100);
    h.noteOn(300, 60, 1f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(300, 60, 1f);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

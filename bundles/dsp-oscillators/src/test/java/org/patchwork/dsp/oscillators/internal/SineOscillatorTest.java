package org.patchwork.dsp.oscillators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SineOscillatorTest {

  private static final int RATE = 48_000;

  private static ModuleHarness harness(int block) {
    return new ModuleHarness(new SineOscillator(), SineOscillator.DESCRIPTOR, RATE, block);
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 57, 69, 105})
  void keysAreInTuneWithinATenthOfACent(int key) {
    ModuleHarness h = harness(64);
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE + 4800)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, out.length), RATE);
    assertEquals(0, Spectrum.cents(hz, Spectrum.keyHz(key)), 0.1, "measured " + hz);
  }

  @Test
  void isAPureToneAtItsLevel() {
    float[] out = Spectrum.played(harness(64).set("freq", 1000).set("level", 0.8)).render(Spectrum.SIZE)[0];
    assertEquals(0.8 / Math.sqrt(2), Signals.rms(out, 0, 48_000), 1e-4);
    double[] power = Spectrum.power(out, 0);
    double worst = Spectrum.strongestAliasDb(power, 1000, RATE);
    double second = 10 * Math.log10(Spectrum.component(power, 2000, RATE) / Spectrum.component(power, 1000, RATE));
    System.out.printf("sine 1 kHz: strongest spur %.1f dB, 2nd harmonic %.1f dB%n", worst, second);
    // −90 dB is the floor of the Blackman-Harris window's side lobes, not of the oscillator.
    assertTrue(worst < -90 && second < -120, "spurs " + worst + " / " + second + " dB");
  }

  @Test
  void silentUntilPlayedThenStartsAtTheNotesFrameFromPhaseZero() {
    ModuleHarness h = harness(64);
    h.noteOn(1000, 69, 1f);
    float[] out = h.render(2000)[0];
    for (int i = 0; i < 1001; i++) {
      assertEquals(0f, out[i], "silent before the note and at its frame (sin 0), frame " + i);
    }
    assertEquals(0.5 * Math.sin(2 * Math.PI * 440 / RATE), out[1001], 1e-7, "one frame of A4 at level 0.5");
    h.reset();
    assertEquals(0, Signals.peak(h.render(4800)[0]), "reset silences it again");
  }

  /** Through-zero FM: with f = 100 − 300 Hz the phase runs backwards at 200 Hz. */
  @Test
  void negativeFrequencyRunsThePhaseBackwards() {
    ModuleHarness h = harness(64).set("freq", 100).set("fm_depth", 300)
        .input("fm", Spectrum.constant(-1f, RATE));
    float[] out = h.render(RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, RATE), RATE);
    assertEquals(0, Spectrum.cents(hz, 200), 0.1, "measured " + hz);
    assertTrue(out[10] < 0, "a sine that starts at phase 0 and runs backwards goes negative first");
  }

  @Test
  void extremeSettingsGiveFiniteBoundedOutput() {
    float[] wild = new float[RATE];
    for (int i = 0; i < wild.length; i++) {
      wild[i] = (float) (i % 3 == 0 ? 1e30 : i % 3 == 1 ? -1e30 : Float.NaN);
    }
    ModuleHarness h = harness(37).set("freq", 20000).set("level", 1).set("fm_depth", 20000)
        .input("pitch", new float[][] {wild}).input("fm", new float[][] {wild});
    assertTrue(Spectrum.finiteWithin(h.render(RATE)[0], 1.0001));
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

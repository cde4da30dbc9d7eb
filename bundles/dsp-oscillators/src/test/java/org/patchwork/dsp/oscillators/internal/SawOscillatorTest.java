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

class SawOscillatorTest {

  private static final int RATE = 48_000;

  private static ModuleHarness harness(int block) {
    return new ModuleHarness(new SawOscillator(), SawOscillator.DESCRIPTOR, RATE, block);
  }

  @ParameterizedTest
  @ValueSource(ints = {21, 33, 45, 57, 69, 81, 93, 105})
  void keysAreInTuneWithinATenthOfACent(int key) {
    ModuleHarness h = harness(64);
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE + 4800)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, out.length), RATE);
    double cents = Spectrum.cents(hz, Spectrum.keyHz(key));
    System.out.printf("saw key %d: %.4f Hz, error %.5f cent%n", key, hz, cents);
    assertEquals(0, cents, 0.1);
  }

  /**
   * Aliasing of the BLEP-table saw at 48 kHz. At exactly 1, 2 and 4 kHz every alias lands on a
   * harmonic (48 kHz is a multiple of them), so those are measured with a period of half a
   * frame more (989.7, 1959.2, 3840 Hz); 5 kHz (whose steps fall exactly on samples, the case
   * that once cost a full step of error) already puts its aliases between harmonics. Bounds are
   * the measured levels plus about 3 dB (whole band −93.0, −107.0, −104.1, −98.4 dB; below
   * 10 kHz −93.0, −104.6, −98.9, −91.5 dB; −93 is the analysis window's floor). SuperCollider's
   * {@code Saw} measures −80.8, −88.2, −103.7, −91.8 dB (bench/quality/saw_alias.sh).
   */
  @ParameterizedTest
  @CsvSource({"48.5, -90, -90", "24.5, -104, -101", "12.5, -101, -95", "9.6, -95, -88"})
  void strongestAliasStaysBelowItsBound(double periodFrames, double boundDb, double lowBandBoundDb) {
    double f0 = RATE / periodFrames;
    ModuleHarness h = Spectrum.played(harness(128).set("freq", f0).set("level", 1));
    float[] out = h.render(Spectrum.SIZE + 4800)[0];
    double[] power = Spectrum.power(out, 4800);
    double alias = Spectrum.strongestAliasDb(power, f0, RATE);
    double lowBand = Spectrum.strongestAliasDb(power, f0, RATE, 10_000);
    double[] naive = Spectrum.power(naiveSaw(f0, out.length), 4800);
    System.out.printf("saw %.1f Hz: strongest alias %.1f dB at %.0f Hz, below 10 kHz %.1f dB"
        + " (naive saw %.1f dB, below 10 kHz %.1f dB)%n", f0, alias,
        Spectrum.strongestAliasHz(power, f0, RATE), lowBand,
        Spectrum.strongestAliasDb(naive, f0, RATE), Spectrum.strongestAliasDb(naive, f0, RATE, 10_000));
    assertTrue(alias < boundDb, "alias " + alias + " dB, bound " + boundDb);
    assertTrue(lowBand < lowBandBoundDb, "alias below 10 kHz " + lowBand + " dB, bound " + lowBandBoundDb);
    assertTrue(alias < Spectrum.strongestAliasDb(naive, f0, RATE) - 8, "the BLEP saw beats the naive saw by 8 dB");
  }

  private static float[] naiveSaw(double f0, int frames) {
    float[] x = new float[frames];
    double p = 0.5;
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (2 * p - 1);
      p += f0 / RATE;
      p -= Math.floor(p);
    }
    return x;
  }

  @ParameterizedTest
  @CsvSource({"1, 880", "-1, 220", "0.5, 622.2539674", "-2.5, 77.7817459"})
  void pitchInputIsOneVoltPerOctave(float volts, double expected) {
    ModuleHarness h = harness(64).input("pitch", Spectrum.constant(volts, RATE));
    float[] out = h.render(RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, RATE), RATE);
    assertEquals(0, Spectrum.cents(hz, expected), 0.1, "measured " + hz);
  }

  @Test
  void fmInputAddsHertzScaledByDepth() {
    ModuleHarness h = harness(64).set("fm_depth", 1000).input("fm", Spectrum.constant(0.1f, RATE));
    float[] out = h.render(RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, RATE), RATE);
    assertEquals(0, Spectrum.cents(hz, 540), 0.1, "440 Hz + 0.1 × 1000 Hz, measured " + hz);
  }

  @Test
  void freqParameterTransposesTheKeyboard() {
    ModuleHarness h = harness(64).set("freq", 220);
    h.noteOn(0, 81, 1f);
    float[] out = h.render(RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, RATE), RATE);
    assertEquals(0, Spectrum.cents(hz, 440), 0.1, "key 81 an octave above A4, freq an octave below 440");
  }

  @Test
  void hardSyncLocksTheSlaveToTheMastersPeriod() {
    int period = 480; // a 100 Hz master
    float[] master = new float[RATE];
    for (int i = 0; i < RATE; i++) {
      master[i] = (float) Math.sin(2 * Math.PI * i / period);
    }
    float[] synced = harness(64).set("freq", 443).input("sync", new float[][] {master}).render(RATE)[0];
    float[] free = Spectrum.played(harness(64).set("freq", 443)).render(RATE)[0];
    double syncedError = 0;
    double freeError = 0;
    for (int i = 4800; i < RATE - period; i++) {
      syncedError = Math.max(syncedError, Math.abs(synced[i] - synced[i + period]));
      freeError = Math.max(freeError, Math.abs(free[i] - free[i + period]));
    }
    System.out.printf("saw sync: cycle-to-cycle difference %.2e synced, %.2f free%n", syncedError, freeError);
    assertTrue(syncedError < 1e-3, "synced output repeats every master period: " + syncedError);
    assertTrue(freeError > 0.1, "the free-running saw does not: " + freeError);
    double hz = Signals.peakFrequency(Arrays.copyOfRange(synced, 4800, RATE), RATE);
    assertEquals(0, Math.IEEEremainder(hz, 100), 0.01, "the spectrum sits on the master's harmonics: " + hz);
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
      assertTrue(Spectrum.finiteWithin(h.render(RATE)[0], 2), "freq " + freq);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = harness(100);
    h.noteOn(300, 60, 1f);
    h.noteOn(9000, 64, 1f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(300, 60, 1f);
    h.noteOn(9000, 64, 1f);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

package org.patchwork.dsp.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.sampler.internal.Fixtures.RATE;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/** What the 32-tap windowed-sinc interpolator does to a sine resampled by a non-integer ratio. */
class InterpolationTest {

  private static final int SOURCE_RATE = 44_100;

  /**
   * A sine recorded at 44.1 kHz, root 60 and +13 cents, played at key 61 at 48 kHz: an
   * increment of 0.9807 frames. THD+N (everything but the fitted sine) stays below −100 dB
   * up to 18 kHz (measured −104 to −109 dB); a 6-point Lagrange polynomial gives −31 dB at
   * 12 kHz.
   */
  @ParameterizedTest
  @ValueSource(doubles = {1000, 5000, 12_000, 18_000})
  void resamplingASineAddsLessThanMinus100DbThdN(double hz) {
    Sample sine = new Sample(SOURCE_RATE, Fixtures.sine(hz, SOURCE_RATE, 80_000));
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(sine), Zone.of(0, 60).withTuning(13, 0)));
    h.noteOn(0, 61, 1f);
    float[] out = h.render(RATE + 4800)[0];
    double played = hz * Math.pow(2, 113 / 1200.0);
    double thdN = Fixtures.thdN(out, 4800, RATE + 4800, played, RATE);
    System.out.printf("sinc resampling of %.0f Hz at 44.1 -> 48 kHz, +113 cents (%.1f Hz): THD+N %.1f dB%n",
        hz, played, thdN);
    assertTrue(thdN < -100, "THD+N " + thdN + " dB");
  }

  /**
   * Played an octave up, a 15 kHz tone at 44.1 kHz would be 30 kHz, above Nyquist: the
   * increment's kernel bank removes it instead of folding it down to 18 kHz.
   */
  @ParameterizedTest
  @ValueSource(ints = {72, 84})
  void transposingUpDoesNotAlias(int key) {
    Sample sine = new Sample(SOURCE_RATE, Fixtures.sine(15_000, SOURCE_RATE, 80_000));
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(sine), Zone.of(0, 60)));
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE / 4)[0];
    double level = 20 * Math.log10(Signals.rms(out, 2400, RATE / 4) / (0.5 * 0.5 / Math.sqrt(2)));
    System.out.printf("15 kHz at 44.1 kHz, played %d semitones up: %.1f dB of aliases%n", key - 60, level);
    assertTrue(level < -80, "alias level " + level + " dB");
  }
}

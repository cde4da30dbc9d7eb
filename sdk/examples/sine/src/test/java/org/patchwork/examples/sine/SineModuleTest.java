package org.patchwork.examples.sine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SineModuleTest {

  private static final int RATE = 48_000;

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 100, 512})
  void noteStartsAtItsFrameAndSoundsAtItsPitch(int block) {
    ModuleHarness h = new ModuleHarness(new SineModule(), SineModule.DESCRIPTOR, RATE, block);
    h.noteOn(1000, 69, 1f);
    float[] out = h.render(RATE * 2)[0];

    for (int i = 0; i < 1001; i++) {
      assertEquals(0f, out[i], "silence before the note, frame " + i);
    }
    assertTrue(out[1001] != 0f, "sound right after the note's frame");
    float[] steady = java.util.Arrays.copyOfRange(out, RATE / 2, RATE * 2);
    double hz = Signals.peakFrequency(steady, RATE);
    double cents = 1200 * Math.log(hz / 440.0) / Math.log(2);
    assertEquals(0, cents, 0.1, "A4 tuning in cents, measured " + hz + " Hz");
    assertEquals(0.25 / Math.sqrt(2), Signals.rms(steady, 0, steady.length), 1e-3, "gain 0.25 RMS");
  }

  @ParameterizedTest
  @ValueSource(ints = {36, 60, 96})
  void keysFollowEqualTemperament(int key) {
    ModuleHarness h = new ModuleHarness(new SineModule(), SineModule.DESCRIPTOR, RATE, 64);
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE)[0];
    double expected = 440 * Math.pow(2, (key - 69) / 12.0);
    double hz = Signals.peakFrequency(java.util.Arrays.copyOfRange(out, 4800, RATE), RATE);
    assertEquals(0, 1200 * Math.log(hz / expected) / Math.log(2), 0.1);
  }

  @org.junit.jupiter.api.Test
  void releaseFadesOutAndResetReproducesBytes() {
    ModuleHarness h = new ModuleHarness(new SineModule(), SineModule.DESCRIPTOR, RATE, 64);
    int id = h.noteOn(0, 60, 0.8f);
    h.noteOff(4800, 60, id);
    float[] first = h.render(RATE)[0];
    double tail = Signals.rms(first, 4800 + 9600 + 100, RATE);
    assertEquals(0, tail, 0, "200 ms release has ended");

    h.reset();
    h.noteOn(0, 60, 0.8f);
    int again = 0;
    h.noteOff(4800, 60, again + 1);
    float[] second = h.render(RATE)[0];
    assertArrayEquals(first, second, "same events after reset give the same samples");
  }
}

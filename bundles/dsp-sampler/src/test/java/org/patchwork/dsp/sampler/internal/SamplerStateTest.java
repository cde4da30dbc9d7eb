package org.patchwork.dsp.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.sampler.internal.Fixtures.RATE;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SamplerStateTest {

  private static final SampleSet SINE_300 = Fixtures.set(List.of(Fixtures.sineSample(RATE, 160)),
      Fixtures.loopedSine(0, 60, 160));

  @Test
  void savesWhatWasRestoredAndNothingForTheFactorySet() {
    Sampler s = new Sampler();
    assertNull(s.saveState(), "the factory set needs no state");
    byte[] state = SampleSetFormat.encode(SINE_300);
    s.restoreState(state);
    assertArrayEquals(state, s.saveState());
    s.restoreState(null);
    assertNull(s.saveState(), "null goes back to the factory set");
  }

  @Test
  void badBytesAreRejectedWithTheirReasonAndChangeNothing() {
    Sampler s = new Sampler();
    s.restoreState(SampleSetFormat.encode(SINE_300));
    byte[] bad = SampleSetFormat.encode(SINE_300);
    bad[0] = 'X';
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.restoreState(bad));
    assertTrue(e.getMessage().contains("bad magic"), e.getMessage());
    byte[] cut = Arrays.copyOf(SampleSetFormat.encode(SINE_300), 100);
    e = assertThrows(IllegalArgumentException.class, () -> s.restoreState(cut));
    assertTrue(e.getMessage().contains("truncated"), e.getMessage());

    ModuleHarness h = new ModuleHarness(s, Sampler.DESCRIPTOR, RATE, 64);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(RATE)[0];
    assertEquals(300, Signals.peakFrequency(Arrays.copyOfRange(out, 4800, RATE), RATE), 0.05,
        "still the set restored before the bad bytes");
  }

  @Test
  void aSetRestoredWhileActivePlaysFromTheNextNote() {
    Sampler s = new Sampler();
    ModuleHarness h = new ModuleHarness(s, Sampler.DESCRIPTOR, RATE, 64);
    h.noteOn(0, 60, 1f);
    double factory = Signals.peakFrequency(Arrays.copyOfRange(h.render(RATE)[0], 24_000, RATE), RATE);
    s.restoreState(SampleSetFormat.encode(SINE_300));
    h.reset();
    h.noteOn(0, 60, 1f);
    double restored = Signals.peakFrequency(Arrays.copyOfRange(h.render(RATE)[0], 4800, RATE), RATE);
    assertEquals(261.63, factory, 0.01);
    assertEquals(300, restored, 0.05);
  }
}

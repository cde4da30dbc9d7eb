package org.patchwork.dsp.granular.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.granular.internal.Fixtures.RATE;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class GranularStateTest {

  private static final byte[] SINE = SampleSetFormat.encode(SampleSet.of(new Sample(RATE, Fixtures.sine(100, RATE)), 60));

  @Test
  void savesWhatWasRestoredAndNothingForTheFactoryTexture() {
    Granular g = new Granular();
    assertNull(g.saveState());
    g.restoreState(SINE);
    assertArrayEquals(SINE, g.saveState());
    g.restoreState(null);
    assertNull(g.saveState());
  }

  @Test
  void badBytesAreRejectedWithTheirReasonAndChangeNothing() {
    Granular g = new Granular();
    g.restoreState(SINE);
    byte[] bad = SINE.clone();
    bad[5] = 9; // version
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> g.restoreState(bad));
    assertTrue(e.getMessage().contains("unsupported version"), e.getMessage());
    ModuleHarness h = new ModuleHarness(g, Granular.DESCRIPTOR, RATE, 64).set("window", 2).set("size", 250)
        .set("density", 2).set("attack", 0);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(RATE / 4)[0];
    assertEquals(480, Signals.peakFrequency(Arrays.copyOfRange(out, 2400, 9600), RATE), 0.01,
        "still the sine restored before");
  }

  /** A stereo zone whose root is 67 + 50 cents: key 67 plays it half a semitone low. */
  @Test
  void zoneZeroGivesTheSampleAndItsRoot() {
    Sample stereo = new Sample(RATE, Fixtures.sine(100, RATE), Fixtures.sine(50, RATE));
    Granular g = new Granular();
    g.restoreState(SampleSetFormat.encode(new SampleSet(List.of(stereo),
        List.of(Zone.of(0, 67).withTuning(50, 0)))));
    ModuleHarness h = new ModuleHarness(g, Granular.DESCRIPTOR, RATE, 64).set("window", 2).set("size", 250)
        .set("density", 2).set("attack", 0).set("spread", 0);
    h.noteOn(0, 67, 1f);
    float[][] out = h.render(RATE / 4);
    double left = Signals.peakFrequency(Arrays.copyOfRange(out[0], 2400, 9600), RATE);
    double right = Signals.peakFrequency(Arrays.copyOfRange(out[1], 2400, 9600), RATE);
    assertEquals(480 * Math.pow(2, -0.5 / 12), left, 0.01);
    assertEquals(960 * Math.pow(2, -0.5 / 12), right, 0.02);
  }
}

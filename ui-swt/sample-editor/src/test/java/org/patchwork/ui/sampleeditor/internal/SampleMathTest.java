package org.patchwork.ui.sampleeditor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;

class SampleMathTest {

  @Test
  void normalizeBringsThePeakOfBothChannelsTo1AndScalesEveryFrameByOneFactor() {
    Sample in = new Sample(Signals.RATE, Signals.sine(4800, 440, 0.5), Signals.sine(4800, 330, 0.25));
    Sample out = SampleMath.normalize(in, 0, in.frames());
    assertEquals(1.0, SampleMath.peak(out, 0, out.frames()), 1e-6);
    double gain = 1 / SampleMath.peak(in, 0, in.frames());
    assertEquals(2.0, gain, 1e-3, "the sine's sampled peak is just under 0.5");
    for (int c = 0; c < 2; c++) {
      for (int i = 0; i < in.frames(); i++) {
        if (Math.abs(in.value(c, i)) > 1e-3) {
          assertEquals(gain, out.value(c, i) / in.value(c, i), 1e-6 * gain, "channel " + c + " frame " + i);
        } else {
          assertEquals(gain * in.value(c, i), out.value(c, i), 1e-9);
        }
      }
    }
    double right = SampleMath.peak(new Sample(Signals.RATE, in.channel(1)), 0, in.frames());
    assertEquals(right * gain, SampleMath.peak(new Sample(Signals.RATE, out.channel(1)), 0, out.frames()), 1e-6,
        "the quieter channel keeps its level relative to the louder");
  }

  @Test
  void normalizingASelectionScalesOnlyItsFramesAndBringsItsPeakTo1() {
    Sample in = Signals.mono(Signals.sine(4800, 440, 0.5));
    Sample out = SampleMath.normalize(in, 1000, 2000);
    assertEquals(1.0, SampleMath.peak(out, 1000, 2000), 1e-6);
    double factor = 1.0 / SampleMath.peak(in, 1000, 2000);
    for (int i = 0; i < in.frames(); i++) {
      float expected = i >= 1000 && i < 2000 ? (float) (in.value(0, i) * factor) : in.value(0, i);
      assertEquals(expected, out.value(0, i), 0f, "frame " + i);
    }
  }

  @Test
  void normalizeRefusesASilentSelection() {
    Sample silent = Signals.mono(new float[100]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleMath.normalize(silent, 0, 100));
    assertTrue(e.getMessage().contains("silent"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SampleMath.normalize(silent, 50, 50), "an empty range");
  }

  @Test
  void trimKeepsExactlyTheSelectedFramesOfEveryChannel() {
    Sample in = new Sample(Signals.RATE, Signals.ramp(1000), Signals.sine(1000, 100, 0.3));
    Sample out = SampleMath.trim(in, 100, 300);
    assertEquals(200, out.frames());
    assertEquals(2, out.channels());
    for (int c = 0; c < 2; c++) {
      for (int k = 0; k < 200; k++) {
        assertEquals(in.value(c, 100 + k), out.value(c, k), 0f);
      }
    }
  }

  @Test
  void trimMovesTheLoopsOfTheZonesPlayingTheSampleInside() {
    Sample a = Signals.mono(Signals.ramp(1000));
    Sample b = Signals.mono(Signals.ramp(500));
    SampleSet set = new SampleSet(List.of(a, b), List.of(
        Zone.of(0, 60).withKeys(0, 59).withLoop(Zone.Loop.FORWARD, 50, 250),   // starts before the cut
        Zone.of(0, 60).withKeys(60, 69).withLoop(Zone.Loop.PING_PONG, 150, 900), // ends after it
        Zone.of(0, 60).withKeys(70, 79).withLoop(Zone.Loop.FORWARD, 400, 500),   // outside: off
        Zone.of(1, 72).withKeys(80, 127).withLoop(Zone.Loop.FORWARD, 10, 20)));  // another sample
    SampleSet out = SampleMath.trim(set, 0, 100, 300);
    assertEquals(200, out.samples().get(0).frames());
    assertArrayEquals(new int[] {0, 150}, loop(out.zones().get(0)));
    assertArrayEquals(new int[] {50, 200}, loop(out.zones().get(1)));
    assertEquals(Zone.Loop.PING_PONG, out.zones().get(1).loop());
    assertEquals(Zone.Loop.OFF, out.zones().get(2).loop());
    assertArrayEquals(new int[] {0, 0}, loop(out.zones().get(2)));
    assertSame(set.zones().get(3), out.zones().get(3));
    assertSame(b, out.samples().get(1));
    for (Zone z : out.zones()) {
      assertTrue(z.loopEnd() <= out.samples().get(z.sample()).frames(), "every loop inside its sample");
    }
  }

  @Test
  void replacingASampleCutsTheLoopsThatNoLongerFit() {
    SampleSet set = new SampleSet(List.of(Signals.mono(Signals.ramp(1000))),
        List.of(Zone.of(0, 60).withLoop(Zone.Loop.FORWARD, 100, 900)));
    SampleSet out = SampleMath.replaceSample(set, 0, Signals.mono(Signals.ramp(400)));
    assertArrayEquals(new int[] {100, 400}, loop(out.zones().getFirst()));
    assertEquals(400, out.samples().getFirst().frames());
  }

  @Test
  void peakIsTheLargestMagnitudeOfTheRange() {
    float[] x = new float[10];
    x[3] = -0.75f;
    x[7] = 0.5f;
    Sample s = Signals.mono(x);
    assertEquals(0.75, SampleMath.peak(s, 0, 10), 0);
    assertEquals(0.5, SampleMath.peak(s, 4, 10), 0);
  }

  private static int[] loop(Zone z) {
    return new int[] {z.loopStart(), z.loopEnd()};
  }
}

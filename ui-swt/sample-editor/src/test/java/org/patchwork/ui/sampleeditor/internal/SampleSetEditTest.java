package org.patchwork.ui.sampleeditor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.WavReader;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.engine.Project;

class SampleSetEditTest {

  private static final SampleSet SINE = SampleSet.of(Signals.mono(Signals.sine(4800, 440, 0.5)), 60);

  @Test
  void normalizeReplacesTheNodesStateWithASetWhosePeakIs1AndKeepsEverythingElse() {
    Project before = Signals.project(SINE);
    Project after = new SampleSetEdit.Normalize("smp", 0, 0, 4800).apply(before);
    Sample s = Signals.decoded(after, "smp").samples().getFirst();
    assertEquals(1.0, SampleMath.peak(s, 0, s.frames()), 1e-6);
    assertEquals(before.graph().node("smp").orElseThrow().params(), after.graph().node("smp").orElseThrow().params());
    assertSame(before.graph().node("osc").orElseThrow(), after.graph().node("osc").orElseThrow());
    assertEquals(before.graph().tracks(), after.graph().tracks());
    assertEquals(0.5, SampleMath.peak(Signals.decoded(before, "smp").samples().getFirst(), 0, 4800), 1e-3,
        "the project given is left as it was");
  }

  @Test
  void trimLeavesTheSelectedFramesInTheNodesState() {
    Project after = new SampleSetEdit.Trim("smp", 0, 1200, 3600).apply(Signals.project(SINE));
    Sample s = Signals.decoded(after, "smp").samples().getFirst();
    assertEquals(2400, s.frames());
    assertEquals(SINE.samples().getFirst().value(0, 1200), s.value(0, 0), 0f);
    assertEquals(SINE.samples().getFirst().value(0, 3599), s.value(0, 2399), 0f);
  }

  @Test
  void loopAndRootKeyEditsChangeOnlyTheirZone() {
    Project p = new SampleSetEdit.SetLoop("smp", 0, Zone.Loop.PING_PONG, 100, 2100).apply(Signals.project(SINE));
    p = new SampleSetEdit.SetRootKey("smp", 0, 57).apply(p);
    Zone z = Signals.decoded(p, "smp").zones().getFirst();
    assertEquals(Zone.Loop.PING_PONG, z.loop());
    assertArrayEquals(new int[] {100, 2100}, new int[] {z.loopStart(), z.loopEnd()});
    assertEquals(57, z.rootKey());
    assertEquals(0, z.keyLow());
    assertEquals(127, z.keyHigh());
    z = Signals.decoded(new SampleSetEdit.SetLoop("smp", 0, Zone.Loop.OFF, 5, 9).apply(p), "smp").zones().getFirst();
    assertEquals(Zone.Loop.OFF, z.loop());
    assertEquals(0, z.loopStart() + z.loopEnd(), "loop points of a zone without loop are 0, 0");
  }

  @Test
  void aLoopOutsideTheSampleIsRefusedWithTheSetsRule() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new SampleSetEdit.SetLoop("smp", 0, Zone.Loop.FORWARD, 100, 99_999).apply(Signals.project(SINE)));
    assertTrue(e.getMessage().contains("outside sample"), e.getMessage());
  }

  @Test
  void aWavLoadedIntoASamplerWithoutStateBecomesAOneZoneSetRootedAtC4() {
    Sample wav = WavReader.read(wav16(new short[] {0, 16384, -16384, 32767, -32768, 100}, 44_100));
    Project p = Signals.project(null);
    assertNull(p.graph().node("smp").orElseThrow().state());
    SampleSet set = Signals.decoded(new SampleSetEdit.LoadSample("smp", 0, "x.wav", wav).apply(p), "smp");
    assertEquals(1, set.zones().size());
    assertEquals(60, set.zones().getFirst().rootKey());
    assertEquals(44_100, set.samples().getFirst().sampleRate());
    assertEquals(6, set.samples().getFirst().frames());
    assertEquals(0.5f, set.samples().getFirst().value(0, 1), 0f);
  }

  @Test
  void aWavLoadedIntoAZoneReplacesItsSampleAndCutsItsLoop() {
    SampleSet two = new SampleSet(List.of(Signals.mono(Signals.ramp(1000)), Signals.mono(Signals.ramp(2000))),
        List.of(Zone.of(0, 48).withKeys(0, 59), Zone.of(1, 72).withKeys(60, 127).withLoop(Zone.Loop.FORWARD, 100, 1900)));
    Sample shorter = Signals.mono(Signals.sine(1000, 440, 0.9));
    SampleSet set = Signals.decoded(new SampleSetEdit.LoadSample("smp", 1, "y.wav", shorter).apply(Signals.project(two)), "smp");
    assertEquals(two.samples().getFirst(), set.samples().getFirst());
    assertEquals(shorter, set.samples().get(1));
    assertEquals(1000, set.zones().get(1).loopEnd());
    assertEquals(72, set.zones().get(1).rootKey());
  }

  @Test
  void aWavLoadedIntoASamplerWhoseStateCannotBeReadReplacesItButOtherEditsRefuse() {
    Project broken = Signals.project(SINE);
    org.patchwork.engine.Node n = broken.graph().node("smp").orElseThrow();
    broken = org.patchwork.ui.shell.Edits.with(broken, new org.patchwork.engine.Graph(List.of(
        new org.patchwork.engine.Node("smp", n.module(), n.params(), "NOT A SAMPLE SET".getBytes())), List.of(),
        broken.graph().tracks(), List.of(), null));
    Project p = broken;
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new SampleSetEdit.Normalize("smp", 0, 0, 10).apply(p))
        .getMessage().contains("bad magic"));
    SampleSet loaded = Signals.decoded(new SampleSetEdit.LoadSample("smp", 0, "z.wav", SINE.samples().getFirst()).apply(p), "smp");
    assertEquals(SINE.samples().getFirst(), loaded.samples().getFirst());
  }

  @Test
  void editsRefuseWhatDoesNotFitWithAMessage() {
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new SampleSetEdit.Normalize("nope", 0, 0, 10).apply(Signals.project(SINE))).getMessage().contains("no module nope"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new SampleSetEdit.Normalize("osc", 0, 0, 10).apply(Signals.project(SINE))).getMessage().contains("not a Sampler"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new SampleSetEdit.Trim("smp", 0, 0, 10).apply(Signals.project(null))).getMessage().contains("built-in set"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new SampleSetEdit.SetRootKey("smp", 3, 60).apply(Signals.project(SINE))).getMessage().contains("no zone 4"));
  }

  @Test
  void labelsSayWhatChanged() {
    assertEquals("Normalize smp sample 1 (frames 0..4800)", new SampleSetEdit.Normalize("smp", 0, 0, 4800).label());
    assertEquals("Set root of smp zone 1 to A-4", new SampleSetEdit.SetRootKey("smp", 0, 69).label());
    assertEquals("Loop smp zone 2 ping-pong over frames 10..90",
        new SampleSetEdit.SetLoop("smp", 1, Zone.Loop.PING_PONG, 10, 90).label());
  }

  /** A mono 16-bit PCM WAV file. */
  static byte[] wav16(short[] frames, int rate) {
    ByteBuffer b = ByteBuffer.allocate(44 + 2 * frames.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(36 + 2 * frames.length).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(rate).putInt(rate * 2)
        .putShort((short) 2).putShort((short) 16);
    b.put("data".getBytes()).putInt(2 * frames.length);
    for (short s : frames) {
      b.putShort(s);
    }
    return b.array();
  }
}

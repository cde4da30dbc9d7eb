package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import javax.sound.midi.MidiSystem;
import org.junit.jupiter.api.Test;
import org.patchwork.midifile.MetaEvent.Tempo;

/** Exact tick/time conversion through tempo changes, checked against hand arithmetic. */
class TempoMapTest {

  /** 480 PPQ: 120 BPM, 90 (666667 us) at 1920, 140 (428571 us) at 2400, 60 at 3000. */
  private static MidiFile fourTempos() {
    MidiTrack conductor = new MidiTrack(List.of(new Tempo(0, 500_000), new Tempo(1920, 666_667),
        new Tempo(2400, 428_571), new Tempo(3000, 1_000_000)), 4000);
    return new MidiFile(1, new Division.PerQuarter(480), List.of(conductor, new MidiTrack(List.of(
        new ChannelEvent.NoteOn(3001, 0, 60, 1)), 3480)));
  }

  @Test
  void secondsThroughSeveralTempoChangesAreExact() {
    TempoMap map = TempoMap.of(MidiFileReader.read(MidiFileWriter.write(fourTempos())));
    assertEquals(Ratio.ZERO, map.micros(0));
    assertEquals(Ratio.of(3125, 3), map.micros(1)); // 500000 / 480
    assertEquals(Ratio.of(2_000_000), map.micros(1920)); // 4 beats at 120
    assertEquals(Ratio.of(2_666_667), map.micros(2400)); // + 1 beat at 666667 us
    // + 600 ticks at 428571/480 us = 535713.75 us
    assertEquals(Ratio.of(12_809_523, 4), map.micros(3000));
    assertEquals(Ratio.of(16_809_523, 4), map.micros(3480)); // + 1 beat at 1 s
    assertEquals(Ratio.of(16_809_523, 4_000_000), map.seconds(3480));
    assertEquals("4.202380750", map.seconds(3480).toDecimal(9));
    assertEquals(666_667, map.microsPerQuarterAt(1920));
    assertEquals(500_000, map.microsPerQuarterAt(1919));
    assertEquals(4, map.changes().size());
  }

  @Test
  void tickToTimeAndBackIsTheIdentity() {
    TempoMap map = TempoMap.of(fourTempos());
    for (long t = 0; t <= 4000; t++) {
      assertEquals(Ratio.of(t), map.tickAtMicros(map.micros(t)));
      assertEquals(Ratio.of(t), map.tickAtSeconds(map.seconds(t)));
    }
    // Between ticks: half a tick after 2400 is half of 428571/480 us later.
    assertEquals(Ratio.of(4801, 2), map.tickAtMicros(map.micros(2400).plus(Ratio.of(428_571, 960))));
    // Monotonic: each tick is later than the one before.
    for (long t = 1; t <= 4000; t++) {
      assertTrue(map.micros(t).compareTo(map.micros(t - 1)) > 0);
    }
  }

  @Test
  void defaultTempoBeforeTheFirstChangeAndLastWinsAtOneTick() {
    TempoMap none = TempoMap.of(new Division.PerQuarter(96), List.of());
    assertEquals(Ratio.of(500_000), none.micros(96));
    TempoMap late = TempoMap.of(new Division.PerQuarter(96), List.of(new Tempo(192, 250_000)));
    assertEquals(Ratio.of(1_000_000), late.micros(192));
    assertEquals(Ratio.of(1_250_000), late.micros(288));
    TempoMap twice = TempoMap.of(new Division.PerQuarter(96),
        List.of(new Tempo(0, 400_000), new Tempo(96, 300_000), new Tempo(96, 200_000)));
    assertEquals(List.of(new Tempo(0, 400_000), new Tempo(96, 200_000)), twice.changes());
    assertEquals(Ratio.of(600_000), twice.micros(192));
  }

  @Test
  void tempoEventsOfAllTracksOfAFormat1FileCount() {
    MidiFile f = new MidiFile(1, new Division.PerQuarter(100), List.of(
        new MidiTrack(List.of(new Tempo(0, 1_000_000))), new MidiTrack(List.of(new Tempo(100, 500_000)))));
    assertEquals(Ratio.of(3, 2), TempoMap.of(f).seconds(200));
    MidiFile format2 = new MidiFile(2, new Division.PerQuarter(100), List.of());
    assertThrows(IllegalArgumentException.class, () -> TempoMap.of(format2));
  }

  @Test
  void smpteTicksHaveAFixedLengthWhateverTheTempoEvents() {
    TempoMap ms = TempoMap.of(new Division.Smpte(25, 40), List.of(new Tempo(0, 123_456)));
    assertEquals(Ratio.of(1), ms.seconds(1000));
    assertEquals(List.of(), ms.changes());
    TempoMap drop = TempoMap.of(new Division.Smpte(29, 80), List.of());
    assertEquals(Ratio.of(1001, 1000), drop.seconds(2400)); // 30 frames of 29.97 fps
    assertEquals(Ratio.of(2400), drop.tickAtSeconds(Ratio.of(1001, 1000)));
  }

  @Test
  void agreesWithJavaSoundWithinItsRounding() throws Exception {
    // javax.sound.midi truncates each tempo segment to whole microseconds; we are exact.
    for (String name : List.of(FixtureSongs.SONG_TYPE1, FixtureSongs.SONG_TYPE0, FixtureSongs.TEMPO_RAMP,
        FixtureSongs.SMPTE_25)) {
      byte[] bytes = FixturesTest.resource(name);
      MidiFile f = MidiFileReader.read(bytes);
      long theirs = MidiSystem.getSequence(new ByteArrayInputStream(bytes)).getMicrosecondLength();
      Ratio ours = TempoMap.of(f).micros(f.endTick());
      int segments = Math.max(1, TempoMap.of(f).changes().size());
      assertTrue(Math.abs(ours.toDouble() - theirs) <= segments, name + ": ours " + ours.toDecimal(3) + ", javax " + theirs);
    }
  }

  @Test
  void typeOneFixtureTimeline() throws Exception {
    TempoMap map = TempoMap.of(MidiFileReader.read(FixturesTest.resource(FixtureSongs.SONG_TYPE1)));
    // 16 beats at 120 = 8 s; 16 at 96 = 10 s; then 140 BPM (428571 us) for 6480 ticks up to the
    // mid-beat change at 21840, then 398671 us per beat to the end at 27360.
    assertEquals(Ratio.of(8), map.seconds(7680));
    assertEquals(Ratio.of(18), map.seconds(15360));
    Ratio at21840 = Ratio.of(18_000_000).plus(Ratio.of(428_571L * 6480, 480));
    assertEquals(at21840, map.micros(21840));
    assertEquals(at21840.plus(Ratio.of(398_671L * 5520, 480)), map.micros(27360));
    // 18 s + 13.5 x 428571 us + 11.5 x 398671 us = 18 + 5.7857085 + 4.5847165 s
    assertEquals("28.370425000", map.seconds(27360).toDecimal(9));
  }
}

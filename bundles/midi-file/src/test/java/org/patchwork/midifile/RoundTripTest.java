package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** read(write(m)) == m for 500 seeded random files covering every event type and edge value. */
class RoundTripTest {

  static final int CASES = 500;

  @Test
  void readOfWriteIsIdentityForRandomFiles() {
    long events = 0;
    long plainBytes = 0;
    long runningBytes = 0;
    for (int seed = 0; seed < CASES; seed++) {
      MidiFile m = new RandomMidi(seed).file();
      byte[] plain = MidiFileWriter.write(m);
      byte[] running = MidiFileWriter.write(m, true);
      assertEquals(m, MidiFileReader.read(plain), "seed " + seed);
      assertEquals(m, MidiFileReader.read(running), "seed " + seed + " with running status");
      assertArrayEquals(plain, MidiFileWriter.write(MidiFileReader.read(plain)), "seed " + seed + " bytes");
      assertTrue(running.length <= plain.length);
      events += m.eventCount();
      plainBytes += plain.length;
      runningBytes += running.length;
    }
    System.out.printf("round trip: %d files, %d events, %d bytes (%d with running status)%n",
        CASES, events, plainBytes, runningBytes);
    assertTrue(events > 50_000, "the generator should produce a substantial corpus, got " + events);
    assertTrue(runningBytes < plainBytes);
  }

  @Test
  void modelRefusesWhatAFileCannotHold() {
    assertEquals("gap of 268435456 ticks before event 1 is longer than a delta time can hold (268435455)",
        assertThrows(IllegalArgumentException.class, () -> new MidiTrack(List.of(
            new ChannelEvent.ProgramChange(0, 0, 0), new ChannelEvent.ProgramChange(0x1000_0000L, 0, 0)))).getMessage());
    assertEquals("event 1 at tick 5 comes before the previous event's tick 10",
        assertThrows(IllegalArgumentException.class, () -> new MidiTrack(List.of(
            new ChannelEvent.ProgramChange(10, 0, 0), new ChannelEvent.ProgramChange(5, 0, 0)))).getMessage());
    assertEquals("a format 0 MIDI file has exactly one track, not 2",
        assertThrows(IllegalArgumentException.class, () -> new MidiFile(0,
            new Division.PerQuarter(96), List.of(new MidiTrack(List.of()), new MidiTrack(List.of())))).getMessage());
    assertEquals("meta type 0x51 has its own event record; use it instead of MetaEvent.Unknown",
        assertThrows(IllegalArgumentException.class,
            () -> new MetaEvent.Unknown(0, 0x51, Bytes.of(7, 0xA1, 0x20))).getMessage());
    assertEquals("pitch bend value must be in 0..16383, was 16384",
        assertThrows(IllegalArgumentException.class,
            () -> new ChannelEvent.PitchBend(0, 0, 16384)).getMessage());
  }
}

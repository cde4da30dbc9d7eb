package org.patchwork.midi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MidiEventTest {

  @Test
  void channelMessagesParseAndRoundTrip() {
    MidiEvent on = MidiEvent.parse("p", new byte[] {(byte) 0x93, 60, 100}, 0, 3, 5, -1);
    assertTrue(on.isNoteOn());
    assertEquals(3, on.channel());
    assertEquals(60, on.data1());
    assertArrayEquals(new byte[] {(byte) 0x93, 60, 100}, on.bytes());
    MidiEvent zero = MidiEvent.parse("p", new byte[] {(byte) 0x90, 60, 0}, 0, 3, 5, -1);
    assertTrue(zero.isNoteOff(), "velocity 0 is a note-off");
    MidiEvent bend = MidiEvent.parse("p", new byte[] {(byte) 0xE0, 0x7F, 0x7F}, 0, 3, 5, -1);
    assertEquals(16383, bend.pitchBend());
    MidiEvent pc = MidiEvent.parse("p", new byte[] {(byte) 0xC1, 5}, 0, 2, 0, -1);
    assertArrayEquals(new byte[] {(byte) 0xC1, 5}, pc.bytes());
    MidiEvent spp = MidiEvent.parse("p", new byte[] {(byte) 0xF2, 0x10, 0x01}, 0, 3, 0, -1);
    assertEquals(0x10 | (1 << 7), spp.data1() | spp.data2() << 7);
    MidiEvent sysex = MidiEvent.parse("p", new byte[] {(byte) 0xF0, 0x7E, 0x7F, 0x06, 0x01, (byte) 0xF7}, 0, 6, 0, -1);
    assertEquals(6, sysex.sysex().length);
  }

  @Test
  void malformedBytesAreRefusedNeverThrown() {
    assertNull(MidiEvent.parse("p", new byte[] {60, 100}, 0, 2, 0, -1), "no status byte");
    assertNull(MidiEvent.parse("p", new byte[] {(byte) 0x90, 60}, 0, 2, 0, -1), "short note-on");
    assertNull(MidiEvent.parse("p", new byte[] {(byte) 0x90, 60, (byte) 0x80}, 0, 3, 0, -1), "data with bit 7");
    assertNull(MidiEvent.parse("p", new byte[] {(byte) 0xF0, 1, 2}, 0, 3, 0, -1), "unterminated SysEx");
    assertNull(MidiEvent.parse("p", new byte[] {(byte) 0xF4}, 0, 1, 0, -1), "undefined status");
    Random r = new Random(9);
    int parsed = 0;
    for (int i = 0; i < 100_000; i++) {
      byte[] b = new byte[1 + r.nextInt(6)];
      r.nextBytes(b);
      if (MidiEvent.parse("p", b, 0, b.length, 0, -1) != null) {
        parsed++;
      }
    }
    assertTrue(parsed > 0 && parsed < 100_000, "random bytes: some parse, most not: " + parsed);
  }
}

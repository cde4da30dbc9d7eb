package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.patchwork.midifile.Hex.header;
import static org.patchwork.midifile.Hex.track;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every refusal, with its exact one-line message; the exception's offset is the first offset
 * the message names. The first track's events start at offset 22.
 */
class MalformedFilesTest {

  private static final String H0 = header(0, 1, 96);

  static Stream<Arguments> malformed() {
    // 14 header bytes + a 1220-byte chunk put the track chunk at offset 1234.
    String junk1212 = "4A554E4B " + String.format("%08X", 1212) + " " + "00".repeat(1212);
    return Stream.of(
        Arguments.of("", "not a MIDI file: expected MThd at offset 0, the file is empty"),
        Arguments.of("52494646 00000000 524D4944",
            "not a MIDI file: expected MThd at offset 0, found a RIFF container (RMID files are not supported)"),
        Arguments.of("FFFB9064", "not a MIDI file: expected MThd at offset 0, found bytes FF FB 90 64"),
        Arguments.of("4D546864 000000", "truncated header chunk at offset 0: 7 bytes, 8 needed for its id and length"),
        Arguments.of("4D546864 00000004 00000001", "header chunk at offset 0 is 4 bytes long, at least 6 needed"),
        Arguments.of("4D546864 00000006 00000001", "truncated header chunk at offset 0: header says 6 bytes, 4 left"),
        Arguments.of(header(3, 1, 96), "unsupported MIDI file format 3 at offset 8 (0, 1 and 2 exist)"),
        Arguments.of(header(0, 2, 96), "format 0 file declares 2 tracks at offset 10, exactly 1 allowed"),
        Arguments.of(header(1, 1, 0), "division of 0 ticks per quarter note at offset 12"),
        Arguments.of(header(1, 1, 0xE628), "invalid SMPTE frame rate 26 at offset 12 (24, 25, 29 or 30)"),
        Arguments.of(header(1, 1, 0xE700), "SMPTE division with 0 ticks per frame at offset 13"),
        Arguments.of(H0 + junk1212 + "4D54726B 000001F4" + "00".repeat(120),
            "truncated track chunk at offset 1234: header says 500 bytes, 120 left"),
        Arguments.of(H0 + "4A554E4B 00000010 00", "truncated 'JUNK' chunk at offset 14: header says 16 bytes, 1 left"),
        Arguments.of(H0 + track("00 3C 64 00 FF 2F 00"), "running status without a previous status byte at offset 23"),
        Arguments.of(H0 + track("81 80 80 80 00 90 3C 64"), "VLQ longer than 4 bytes at offset 22 (delta time)"),
        Arguments.of(H0 + track("00 FF 01 81 80 80 80 00"), "VLQ longer than 4 bytes at offset 25 (meta event length)"),
        Arguments.of(H0 + track("00 90 3C 64"), "track 0 has no end-of-track event (its chunk ends at offset 26)"),
        Arguments.of(H0 + track(""), "track 0 has no end-of-track event (its chunk ends at offset 22)"),
        Arguments.of(H0 + track("00 FF 2F 00 00"),
            "data after end of track at offset 26: 1 bytes follow the end-of-track event of track 0"),
        Arguments.of(H0 + track("00 90 3C 90 00 FF 2F 00"),
            "expected a data byte at offset 25, found status byte 0x90 (message 0x90 at offset 23 is cut short)"),
        Arguments.of(H0 + track("00 90 3C"),
            "truncated channel message 0x90 at offset 23: the track chunk ends at offset 25"),
        Arguments.of(H0 + track("00 90 3C 64 81"), "truncated delta time at offset 26: the track chunk ends inside it"),
        Arguments.of(H0 + track("00"), "truncated event at offset 23: the track chunk ends after the delta time"),
        Arguments.of(H0 + track("00 F2 00 00 00 FF 2F 00"), "status byte 0xF2 at offset 23 is not allowed in a MIDI file"),
        Arguments.of(H0 + track("00 F8 00 FF 2F 00"), "status byte 0xF8 at offset 23 is not allowed in a MIDI file"),
        Arguments.of(H0 + track("00 F0 10 01 02"),
            "truncated sysex at offset 23: its length says 16 bytes, 2 left in the track chunk"),
        Arguments.of(H0 + track("00 FF"), "truncated meta event at offset 23: the track chunk ends before its type"),
        Arguments.of(H0 + track("00 FF 01 10 41"),
            "truncated meta event at offset 23: its length says 16 bytes, 1 left in the track chunk"),
        Arguments.of(H0 + track("00 FF 51 02 07 A1 00 FF 2F 00"), "tempo meta event at offset 23 has 2 data bytes, 3 expected"),
        Arguments.of(H0 + track("00 FF 51 03 00 00 00 00 FF 2F 00"),
            "meta event 0x51 at offset 23: microseconds per quarter note must be in 1..16777215, was 0"),
        Arguments.of(H0 + track("00 FF 59 02 09 00 00 FF 2F 00"),
            "meta event 0x59 at offset 23: key signature sharps/flats must be in -7..7, was 9"),
        Arguments.of(H0 + track("00 FF 59 02 00 02 00 FF 2F 00"),
            "key signature meta event at offset 23: mode 2 is neither 0 (major) nor 1 (minor)"),
        Arguments.of(H0 + track("00 FF 58 04 00 02 18 08 00 FF 2F 00"),
            "meta event 0x58 at offset 23: time signature numerator must be in 1..255, was 0"),
        Arguments.of(H0 + track("00 FF 20 01 10 00 FF 2F 00"),
            "meta event 0x20 at offset 23: channel (0-based) must be in 0..15, was 16"),
        Arguments.of(H0 + track("00 FF 00 01 05 00 FF 2F 00"),
            "sequence number meta event at offset 23 has 1 data bytes, 0 or 2 expected"),
        Arguments.of(H0 + track("00 FF 54 05 80 00 00 00 00 00 FF 2F 00"),
            "SMPTE offset meta event at offset 23: hour byte 0x80 has its high bit set"),
        Arguments.of(H0 + track("00 FF 80 00 00 FF 2F 00"),
            "meta event at offset 23 has type 0x80, the standard allows 0x00..0x7F"),
        Arguments.of(H0 + track("00 FF 2F 01 00"), "end-of-track meta event at offset 23 has 1 data bytes, 0 expected"),
        Arguments.of(header(1, 2, 96) + track("00 FF 2F 00"),
            "file ends at offset 26 after 1 of the 2 track chunks the header declares"),
        Arguments.of(header(1, 1, 96) + track("00 FF 2F 00") + track("00 FF 2F 00"),
            "extra track chunk at offset 26: the header declares 1 tracks"),
        Arguments.of(H0 + track("00 FF 2F 00") + "000000", "truncated chunk header at offset 26: 3 bytes left, 8 needed"),
        Arguments.of(H0 + track("00 FF 2F 00") + "00000000 00000000",
            "invalid chunk id at offset 26: byte 0x00 is not printable ASCII (garbage after the last chunk?)"),
        Arguments.of(H0 + header(0, 1, 96), "second header chunk at offset 14"));
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("malformed")
  void isRefusedWithItsReasonAndOffset(String hex, String message) {
    MidiFileException e = assertThrows(MidiFileException.class, () -> MidiFileReader.read(Hex.bytes(hex)));
    assertEquals(message, e.getMessage());
    assertEquals(firstOffset(message), e.offset());
  }

  @Test
  void limitsAreCheckedBeforeAnythingIsAllocated() {
    byte[] threeTracks = Hex.bytes(header(1, 3, 96) + track("00 FF 2F 00").repeat(3));
    MidiFileReader.Limits tracks = new MidiFileReader.Limits(1 << 20, 2, 100);
    assertEquals("file declares 3 tracks at offset 10, the limit is 2",
        assertThrows(MidiFileException.class, () -> MidiFileReader.read(threeTracks, tracks)).getMessage());

    byte[] manyEvents = Hex.bytes(H0 + track("00 C0 01  00 C0 02  00 FF 2F 00"));
    MidiFileReader.Limits events = new MidiFileReader.Limits(1 << 20, 16, 2);
    assertEquals("too many events at offset 29: the limit is 2",
        assertThrows(MidiFileException.class, () -> MidiFileReader.read(manyEvents, events)).getMessage());

    MidiFileReader.Limits size = new MidiFileReader.Limits(20, 16, 100);
    assertEquals("file too large at offset 0: more than the limit of 20 bytes",
        assertThrows(MidiFileException.class, () -> MidiFileReader.read(manyEvents, size)).getMessage());
  }

  @Test
  void aHugeDeclaredLengthIsRefusedNotAllocated() {
    // 4 GiB - 1 declared for a sysex inside a small chunk, and for the chunk itself.
    assertEquals("truncated sysex at offset 23: its length says 268435455 bytes, 0 left in the track chunk",
        assertThrows(MidiFileException.class,
            () -> MidiFileReader.read(Hex.bytes(H0 + track("00 F0 FF FF FF 7F")))).getMessage());
    assertEquals("truncated track chunk at offset 14: header says 4294967295 bytes, 0 left",
        assertThrows(MidiFileException.class,
            () -> MidiFileReader.read(Hex.bytes(H0 + "4D54726B FFFFFFFF"))).getMessage());
  }

  @Test
  void theExceptionIsAnIllegalArgumentException() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MidiFileReader.read(new byte[0]));
    assertEquals(MidiFileException.class, e.getClass());
  }

  private static long firstOffset(String message) {
    String rest = message.substring(message.indexOf("at offset ") + "at offset ".length());
    return Long.parseLong(rest.split("[^0-9]")[0]);
  }
}

package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.patchwork.midifile.Hex.file;
import static org.patchwork.midifile.Hex.header;
import static org.patchwork.midifile.Hex.track;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.midifile.ChannelEvent.ChannelPressure;
import org.patchwork.midifile.ChannelEvent.ControlChange;
import org.patchwork.midifile.ChannelEvent.NoteOff;
import org.patchwork.midifile.ChannelEvent.NoteOn;
import org.patchwork.midifile.ChannelEvent.PitchBend;
import org.patchwork.midifile.ChannelEvent.PolyPressure;
import org.patchwork.midifile.ChannelEvent.ProgramChange;
import org.patchwork.midifile.MetaEvent.TextKind;

/**
 * One hand-built file per feature: the reader gives the expected model, and the writer gives
 * back exactly the same bytes (running status on or off as the fixture is encoded).
 */
class FeatureFixturesTest {

  private static final String PPQ96_FORMAT0 = header(0, 1, 96);

  private static void assertCodec(byte[] bytes, MidiFile expected, boolean runningStatus) {
    MidiFile read = MidiFileReader.read(bytes);
    assertEquals(expected, read);
    assertEquals(Hex.of(bytes), Hex.of(MidiFileWriter.write(read, runningStatus)));
  }

  private static MidiFile format0(long end, MidiEvent... events) {
    return new MidiFile(0, new Division.PerQuarter(96), List.of(new MidiTrack(List.of(events), end)));
  }

  @Test
  void noteOnAndOff() {
    byte[] bytes = file(PPQ96_FORMAT0, track("00 90 3C 64  60 80 3C 40  00 FF 2F 00"));
    assertEquals(4 + 4 + 6 + 8 + 12, bytes.length);
    assertCodec(bytes, format0(96, new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 64)), false);
  }

  @Test
  void everyChannelMessageWithItsDataBytes() {
    byte[] bytes = file(PPQ96_FORMAT0, track("""
        00 95 3C 64   00 85 3C 00   00 AF 3C 20   00 B5 07 64   00 C5 21   00 D5 30
        00 E5 00 40   00 E5 7F 7F   00 E0 01 00   00 99 24 7F   00 FF 2F 00"""));
    assertCodec(bytes, format0(0,
        new NoteOn(0, 5, 60, 100), new NoteOff(0, 5, 60, 0), new PolyPressure(0, 15, 60, 32),
        new ControlChange(0, 5, 7, 100), new ProgramChange(0, 5, 33), new ChannelPressure(0, 5, 48),
        new PitchBend(0, 5, 8192), new PitchBend(0, 5, 16383), new PitchBend(0, 0, 1),
        new NoteOn(0, 9, 36, 127)), false);
  }

  @Test
  void runningStatusIsReadAndWrittenOnRequest() {
    byte[] running = file(PPQ96_FORMAT0, track("00 90 3C 64  10 3E 64  10 3C 00  10 3E 00  00 FF 2F 00"));
    MidiFile expected = format0(48, new NoteOn(0, 0, 60, 100), new NoteOn(16, 0, 62, 100),
        new NoteOn(32, 0, 60, 0), new NoteOn(48, 0, 62, 0));
    assertCodec(running, expected, true);
    byte[] plain = file(PPQ96_FORMAT0, track("00 90 3C 64  10 90 3E 64  10 90 3C 00  10 90 3E 00  00 FF 2F 00"));
    assertCodec(plain, expected, false);
  }

  @Test
  void runningStatusSurvivesMetaOnReadButTheWriterRestatesIt() {
    byte[] lenient = file(PPQ96_FORMAT0, track("00 90 3C 64  00 FF 01 01 41  10 3C 00  00 FF 2F 00"));
    MidiFile expected = format0(16, new NoteOn(0, 0, 60, 100), new MetaEvent.Text(0, TextKind.TEXT, "A"),
        new NoteOn(16, 0, 60, 0));
    assertEquals(expected, MidiFileReader.read(lenient));
    assertEquals(Hex.of(file(PPQ96_FORMAT0, track("00 90 3C 64  00 FF 01 01 41  10 90 3C 00  00 FF 2F 00"))),
        Hex.of(MidiFileWriter.write(expected, true)));
  }

  @Test
  void variableLengthQuantitiesAtEveryByteBoundary() {
    // The SMF 1.0 specification's table: 0, 7F, 80, 3FFF, 4000, 1FFFFF, 200000, FFFFFFF.
    byte[] bytes = file(PPQ96_FORMAT0, track("""
        00 C0 00   7F C0 00   81 00 C0 00   FF 7F C0 00   81 80 00 C0 00   FF FF 7F C0 00
        81 80 80 00 C0 00   FF FF FF 7F C0 00   00 FF 2F 00"""));
    long[] deltas = {0, 0x7F, 0x80, 0x3FFF, 0x4000, 0x1FFFFF, 0x200000, 0xFFFFFFF};
    MidiEvent[] events = new MidiEvent[deltas.length];
    long tick = 0;
    for (int i = 0; i < deltas.length; i++) {
      tick += deltas[i];
      events[i] = new ProgramChange(tick, 0, 0);
    }
    assertCodec(bytes, format0(tick, events), false);
  }

  @Test
  void sysexCompleteSplitAndEscaped() {
    byte[] bytes = file(PPQ96_FORMAT0, track("""
        00 F0 05 7E 7F 09 01 F7   00 F0 03 43 12 00   10 F7 02 43 F7   00 F7 02 F3 01   00 FF 2F 00"""));
    assertCodec(bytes, format0(16,
        new Sysex(0, false, Bytes.of(0x7E, 0x7F, 0x09, 0x01, 0xF7)),
        new Sysex(0, false, Bytes.of(0x43, 0x12, 0x00)),
        new Sysex(16, true, Bytes.of(0x43, 0xF7)),
        new Sysex(16, true, Bytes.of(0xF3, 0x01))), false);
  }

  @Test
  void everyMetaEvent() {
    byte[] bytes = file(header(1, 1, 480), track("""
        00 FF 00 02 00 07   00 FF 00 00   00 FF 01 05 48 65 6C 6C 6F   00 FF 02 03 28 43 29
        00 FF 03 04 42 61 73 73   00 FF 04 03 53 61 77   00 FF 05 02 6C 61   00 FF 06 05 56 65 72 73 65
        00 FF 07 03 48 69 74   00 FF 08 02 50 31   00 FF 09 02 44 31   00 FF 20 01 09   00 FF 21 01 01
        00 FF 51 03 07 A1 20   00 FF 54 05 61 02 03 04 05   00 FF 58 04 06 03 18 08   00 FF 59 02 FD 01
        00 FF 7F 04 00 00 41 01   00 FF 60 02 AB CD   83 60 FF 2F 00"""));
    MidiFile expected = new MidiFile(1, new Division.PerQuarter(480), List.of(new MidiTrack(List.of(
        new MetaEvent.SequenceNumber(0, 7), new MetaEvent.SequenceNumber(0, -1),
        new MetaEvent.Text(0, TextKind.TEXT, "Hello"), new MetaEvent.Text(0, TextKind.COPYRIGHT, "(C)"),
        new MetaEvent.Text(0, TextKind.TRACK_NAME, "Bass"), new MetaEvent.Text(0, TextKind.INSTRUMENT_NAME, "Saw"),
        new MetaEvent.Text(0, TextKind.LYRIC, "la"), new MetaEvent.Text(0, TextKind.MARKER, "Verse"),
        new MetaEvent.Text(0, TextKind.CUE_POINT, "Hit"), new MetaEvent.Text(0, TextKind.PROGRAM_NAME, "P1"),
        new MetaEvent.Text(0, TextKind.DEVICE_NAME, "D1"), new MetaEvent.ChannelPrefix(0, 9),
        new MetaEvent.PortPrefix(0, 1), new MetaEvent.Tempo(0, 500_000),
        new MetaEvent.SmpteOffset(0, 3, 1, 2, 3, 4, 5), new MetaEvent.TimeSignature(0, 6, 3, 24, 8),
        new MetaEvent.KeySignature(0, -3, true), new MetaEvent.SequencerSpecific(0, Bytes.of(0, 0, 0x41, 1)),
        new MetaEvent.Unknown(0, 0x60, Bytes.of(0xAB, 0xCD))), 480)));
    assertCodec(bytes, expected, false);
    MidiTrack t = expected.tracks().getFirst();
    assertEquals("Bass", t.name().orElseThrow());
    assertEquals(120.0, t.events(MetaEvent.Tempo.class).getFirst().bpm(), 1e-12);
    assertEquals(8, t.events(MetaEvent.TimeSignature.class).getFirst().denominator());
  }

  @Test
  void textIsUtf8WhenValidAndLatin1Otherwise() {
    MidiFile utf8 = MidiFileReader.read(file(PPQ96_FORMAT0, track("00 FF 03 03 C3 A9 65  00 FF 2F 00")));
    MidiFile latin1 = MidiFileReader.read(file(PPQ96_FORMAT0, track("00 FF 03 02 E9 65  00 FF 2F 00")));
    assertEquals("\u00e9e", utf8.tracks().getFirst().name().orElseThrow());
    assertEquals("\u00e9e", latin1.tracks().getFirst().name().orElseThrow());
    assertEquals(2, ((MetaEvent.Text) latin1.tracks().getFirst().events().getFirst()).bytes().length());
  }

  @Test
  void smpteDivisions() {
    byte[] bytes = file(header(1, 1, 0xE728), track("00 FF 2F 00"));
    assertCodec(bytes, new MidiFile(1, new Division.Smpte(25, 40), List.of(new MidiTrack(List.of(), 0))), false);
    byte[] drop = file(header(1, 1, 0xE350), track("00 FF 2F 00"));
    assertCodec(drop, new MidiFile(1, new Division.Smpte(29, 80), List.of(new MidiTrack(List.of(), 0))), false);
    assertEquals(Ratio.of(2_400_000, 1001), ((Division.Smpte) MidiFileReader.read(drop).division()).ticksPerSecond());
  }

  @Test
  void formatTwoWithIndependentTracks() {
    byte[] bytes = file(header(2, 2, 96), track("00 FF 00 02 00 01  00 90 3C 64  60 80 3C 00  00 FF 2F 00"),
        track("00 FF 00 02 00 02  00 FF 2F 00"));
    assertCodec(bytes, new MidiFile(2, new Division.PerQuarter(96), List.of(
        new MidiTrack(List.of(new MetaEvent.SequenceNumber(0, 1), new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 0)), 96),
        new MidiTrack(List.of(new MetaEvent.SequenceNumber(0, 2)), 0))), false);
  }

  @Test
  void unknownChunksAndALongerHeaderAreSkipped() {
    String body = track("00 90 3C 64  60 80 3C 40  00 FF 2F 00");
    byte[] withJunk = Hex.bytes("4D546864 00000008 0000 0001 0060 ABCD  58595A5A 00000003 010203 " + body
        + " 4A554E4B 00000000");
    MidiFile read = MidiFileReader.read(withJunk);
    assertEquals(format0(96, new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 64)), read);
    assertEquals(Hex.of(file(PPQ96_FORMAT0, body)), Hex.of(MidiFileWriter.write(read)));
  }

  @Test
  void endOfTrackLaterThanTheLastEventIsKept() {
    byte[] bytes = file(header(1, 2, 96), track("00 FF 51 03 07 A1 20  87 40 FF 2F 00"), track("00 FF 2F 00"));
    MidiFile read = MidiFileReader.read(bytes);
    assertEquals(960, read.tracks().get(0).endTick());
    assertEquals(0, read.tracks().get(1).endTick());
    assertEquals(960, read.endTick());
    assertArrayEquals(bytes, MidiFileWriter.write(read));
  }
}

package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.SysexMessage;
import javax.sound.midi.Track;
import org.junit.jupiter.api.Test;

/**
 * javax.sound.midi's reader, an independent implementation, sees the same events at the same
 * ticks in the same bytes: on files our writer wrote (random, with and without running status)
 * and on the fixtures javax wrote.
 */
class JavaSoundCrossCheckTest {

  @Test
  void javaSoundReadsWhatWeWrite() throws Exception {
    int files = 0;
    long events = 0;
    for (int seed = 0; seed < 300; seed++) {
      MidiFile m = new RandomMidi(1_000 + seed).file();
      if (m.format() == 2) {
        continue; // javax.sound.midi does not read format 2
      }
      for (boolean running : new boolean[] {false, true}) {
        byte[] bytes = MidiFileWriter.write(m, running);
        assertEquals(ours(MidiFileReader.read(bytes)), theirs(bytes), "seed " + (1_000 + seed));
      }
      files++;
      events += m.eventCount();
    }
    System.out.printf("javax cross-check: %d random files, %d events agree%n", files, events);
    assertEquals(true, files > 150);
  }

  @Test
  void weReadWhatJavaSoundWrote() throws Exception {
    for (var f : FixtureSongs.all().entrySet()) {
      byte[] bytes = FixturesTest.resource(f.getKey());
      assertEquals(theirs(bytes), ours(MidiFileReader.read(bytes)), f.getKey());
    }
  }

  @Test
  void divisionAgrees() throws Exception {
    for (var f : FixtureSongs.all().entrySet()) {
      byte[] bytes = FixturesTest.resource(f.getKey());
      Sequence s = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
      Division d = MidiFileReader.read(bytes).division();
      switch (d) {
        case Division.PerQuarter q -> {
          assertEquals(Sequence.PPQ, s.getDivisionType());
          assertEquals(q.ticks(), s.getResolution());
        }
        case Division.Smpte p -> {
          assertEquals(p.framesPerSecond() == 29 ? Sequence.SMPTE_30DROP : p.framesPerSecond(), s.getDivisionType());
          assertEquals(p.ticksPerFrame(), s.getResolution());
        }
      }
    }
  }

  /** One line per event: track, tick, and the message bytes as javax.sound.midi models them. */
  private static List<String> theirs(byte[] bytes) throws Exception {
    Sequence s = MidiSystem.getSequence(new ByteArrayInputStream(bytes));
    List<String> lines = new ArrayList<>();
    Track[] tracks = s.getTracks();
    for (int t = 0; t < tracks.length; t++) {
      for (int i = 0; i < tracks[t].size(); i++) {
        javax.sound.midi.MidiEvent e = tracks[t].get(i);
        MidiMessage m = e.getMessage();
        String what = switch (m) {
          case ShortMessage sm -> switch (sm.getCommand()) {
            case 0xC0, 0xD0 -> hex(sm.getStatus(), sm.getData1());
            default -> hex(sm.getStatus(), sm.getData1(), sm.getData2());
          };
          case SysexMessage sx -> String.format("%02x ", sx.getStatus()) + HexFormat.of().formatHex(sx.getData());
          case MetaMessage mm -> String.format("ff%02x ", mm.getType()) + HexFormat.of().formatHex(mm.getData());
          default -> throw new AssertionError(m);
        };
        lines.add(t + " " + e.getTick() + " " + what);
      }
    }
    return lines;
  }

  private static List<String> ours(MidiFile f) {
    List<String> lines = new ArrayList<>();
    for (int t = 0; t < f.tracks().size(); t++) {
      MidiTrack track = f.tracks().get(t);
      for (MidiEvent e : track.events()) {
        String what = switch (e) {
          case ChannelEvent.NoteOn n -> hex(0x90 | n.channel(), n.key(), n.velocity());
          case ChannelEvent.NoteOff n -> hex(0x80 | n.channel(), n.key(), n.velocity());
          case ChannelEvent.PolyPressure p -> hex(0xA0 | p.channel(), p.key(), p.pressure());
          case ChannelEvent.ControlChange c -> hex(0xB0 | c.channel(), c.controller(), c.value());
          case ChannelEvent.ProgramChange p -> hex(0xC0 | p.channel(), p.program());
          case ChannelEvent.ChannelPressure p -> hex(0xD0 | p.channel(), p.pressure());
          case ChannelEvent.PitchBend p -> hex(0xE0 | p.channel(), p.value() & 0x7F, p.value() >> 7);
          case Sysex s -> (s.escape() ? "f7 " : "f0 ") + s.data();
          case MetaEvent m -> String.format("ff%02x ", m.type()) + org.patchwork.midifile.internal.MetaCodec.encode(m);
        };
        lines.add(t + " " + e.tick() + " " + what);
      }
      lines.add(t + " " + track.endTick() + " ff2f ");
    }
    return lines;
  }

  private static String hex(int... bytes) {
    StringBuilder sb = new StringBuilder();
    for (int b : bytes) {
      sb.append(String.format("%02x", b));
    }
    return sb.toString();
  }
}

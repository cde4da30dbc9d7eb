package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The fixture songs in src/test/resources/midi: they still match the generator (regenerate with
 * {@code -Dmidi.fixtures.write=src/test/resources/midi}), and reading them gives the notes,
 * programs, drums and timing they were built with.
 */
class FixturesTest {

  static byte[] resource(String name) throws IOException {
    try (InputStream in = FixturesTest.class.getResourceAsStream("/midi/" + name)) {
      assertNotNull(in, "missing fixture /midi/" + name);
      return in.readAllBytes();
    }
  }

  @Test
  void resourcesAreWhatTheGeneratorWrites() throws IOException {
    String dir = System.getProperty("midi.fixtures.write");
    Map<String, byte[]> files = FixtureSongs.all();
    if (dir != null) {
      Files.createDirectories(Path.of(dir));
      for (Map.Entry<String, byte[]> f : files.entrySet()) {
        Files.write(Path.of(dir, f.getKey()), f.getValue());
      }
    }
    for (Map.Entry<String, byte[]> f : files.entrySet()) {
      assertTrue(Arrays.equals(f.getValue(), resource(f.getKey())), f.getKey()
          + " differs from FixtureSongs; regenerate with -Dmidi.fixtures.write=src/test/resources/midi");
    }
  }

  @Test
  void typeOneSong() throws IOException {
    MidiFile song = MidiFileReader.read(resource(FixtureSongs.SONG_TYPE1));
    assertEquals(1, song.format());
    assertEquals(new Division.PerQuarter(480), song.division());
    assertEquals(List.of("Patchwork fixture song", "Bass", "Lead", "Drums", "Pad"),
        song.tracks().stream().map(t -> t.name().orElse("?")).toList());
    assertEquals(27360, song.endTick());
    Map<Integer, Integer> notesPerChannel = new TreeMap<>();
    int drums = 0;
    for (MidiTrack t : song.tracks()) {
      NotePairing p = Notes.pair(t);
      assertEquals(List.of(), p.warnings());
      for (NoteSpan n : p.spans()) {
        notesPerChannel.merge(n.channel(), 1, Integer::sum);
        drums += n.isDrum() ? 1 : 0;
      }
    }
    // 8 bars of 8 eighths + 8 bars of 6: 112 bass notes, 56 lead (+2 retriggered), hats 112,
    // kicks/snares 56, crashes 4; 16 pad chords of 3.
    assertEquals(Map.of(0, 112, 1, 58, 2, 48, 9, 172), notesPerChannel);
    assertEquals(172, drums);
    assertEquals(List.of(new ProgramUse(0, 0, 33, 0, 0), new ProgramUse(1, 0, 80, -1, -1),
        new ProgramUse(9, 0, 0, -1, -1), new ProgramUse(2, 0, 89, -1, -1), new ProgramUse(2, 15360, 90, -1, -1)),
        ProgramUse.of(song));
    // The retriggered key 76 pairs first in, first out: two notes of 480 ticks.
    List<NoteSpan> e5 = Notes.pair(song.tracks().get(2)).spans().stream().filter(n -> n.key() == 76).toList();
    assertEquals(List.of(new NoteSpan(1, 76, 100, 3840, 4320, 64), new NoteSpan(1, 76, 90, 4080, 4560, 64)), e5);
    // 4 bars at 120 (8 s), 4 at 96 (10 s), 3.5 beats... see TempoMapTest for the arithmetic.
    TempoMap map = TempoMap.of(song);
    assertEquals(Ratio.of(8), map.seconds(7680));
    assertEquals(Ratio.of(18), map.seconds(15360));
  }

  @Test
  void typeZeroSong() throws IOException {
    MidiFile song = MidiFileReader.read(resource(FixtureSongs.SONG_TYPE0));
    assertEquals(0, song.format());
    assertEquals(new Division.PerQuarter(96), song.division());
    NotePairing p = Notes.pair(song.tracks().getFirst());
    assertEquals(List.of(), p.warnings());
    Map<Integer, Long> perChannel = new TreeMap<>();
    p.spans().forEach(n -> perChannel.merge(n.channel(), 1L, Long::sum));
    assertEquals(Map.of(0, 24L, 1, 24L, 9, 64L), perChannel);
    assertEquals(24, song.tracks().getFirst().events(MetaEvent.Text.class).stream()
        .filter(t -> t.kind() == MetaEvent.TextKind.LYRIC).count());
    assertEquals(List.of(73, 0, 71), ProgramUse.of(song).stream().map(ProgramUse::program).toList());
    assertEquals(new MetaEvent.KeySignature(0, -1, true),
        song.tracks().getFirst().events(MetaEvent.KeySignature.class).getFirst());
  }

  @Test
  void tempoRampAndSmpte() throws IOException {
    MidiFile ramp = MidiFileReader.read(resource(FixtureSongs.TEMPO_RAMP));
    assertEquals(32, TempoMap.of(ramp).changes().size());
    assertEquals(new Sysex(0, false, Bytes.of(0x7E, 0x7F, 0x09, 0x01, 0xF7)),
        ramp.tracks().getFirst().events().getFirst());
    assertEquals(128, ramp.tracks().stream().mapToInt(t -> Notes.pair(t).spans().size()).sum());

    MidiFile smpte = MidiFileReader.read(resource(FixtureSongs.SMPTE_25));
    assertEquals(new Division.Smpte(25, 40), smpte.division());
    TempoMap map = TempoMap.of(smpte);
    List<NoteSpan> notes = Notes.pair(smpte.tracks().get(1)).spans();
    assertEquals(16, notes.size());
    for (int i = 0; i < notes.size(); i++) {
      assertEquals(Ratio.of(i, 4), map.seconds(notes.get(i).startTick()));
      assertEquals(Ratio.of(1, 8), map.seconds(notes.get(i).endTick()).minus(map.seconds(notes.get(i).startTick())));
    }
    assertTrue(smpte.tracks().stream().allMatch(t -> t.endTick() == 4000));
  }

  /**
   * The path the importer and exporter take, at codec level: notes paired per track, written
   * back as a type 1 file (conductor with the tempo map + one track per channel built with
   * Notes.toEvents), read again: every note keeps channel, key, velocity, start and end, in
   * ticks and in exact seconds.
   */
  @Test
  void notesSurviveSpansToTypeOneAndBack() throws IOException {
    int notes = 0;
    for (String name : FixtureSongs.all().keySet()) {
      MidiFile song = MidiFiles.toPerQuarter(MidiFileReader.read(resource(name)));
      TempoMap map = TempoMap.of(song);
      List<NoteSpan> spans = new java.util.ArrayList<>();
      song.tracks().forEach(t -> spans.addAll(Notes.pair(t).spans()));
      MidiTrack conductor = new MidiTrack(List.copyOf(map.changes()), song.endTick());
      List<MidiTrack> tracks = new java.util.ArrayList<>(List.of(conductor));
      for (int ch = 0; ch < 16; ch++) {
        int c = ch;
        List<NoteSpan> mine = spans.stream().filter(n -> n.channel() == c).toList();
        if (!mine.isEmpty()) {
          tracks.add(new MidiTrack(List.copyOf(Notes.toEvents(mine)), song.endTick()));
        }
      }
      MidiFile exported = MidiFileReader.read(MidiFileWriter.write(new MidiFile(1, song.division(), tracks)));
      TempoMap again = TempoMap.of(exported);
      List<String> before = new java.util.ArrayList<>();
      List<String> after = new java.util.ArrayList<>();
      spans.forEach(n -> before.add(n.channel() + " " + n.key() + " " + n.velocity() + " " + n.startTick() + " "
          + n.endTick() + " " + map.seconds(n.startTick()) + " " + map.seconds(n.endTick())));
      exported.tracks().forEach(t -> Notes.pair(t).spans().forEach(n -> after.add(n.channel() + " " + n.key() + " "
          + n.velocity() + " " + n.startTick() + " " + n.endTick() + " " + again.seconds(n.startTick()) + " "
          + again.seconds(n.endTick()))));
      before.sort(null);
      after.sort(null);
      assertEquals(before, after, name);
      notes += before.size();
    }
    assertEquals(390 + 112 + 128 + 16, notes); // the four songs' note counts
  }
}

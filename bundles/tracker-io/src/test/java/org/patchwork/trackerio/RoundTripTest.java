package org.patchwork.trackerio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.midifile.Division;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileReader;
import org.patchwork.midifile.MidiFileWriter;
import org.patchwork.midifile.MidiFiles;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.NoteSpan;
import org.patchwork.midifile.Notes;
import org.patchwork.midifile.Ratio;
import org.patchwork.midifile.TempoMap;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongCompiler;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.TrackerProjects;

/**
 * The "done when": importing a MIDI file and exporting it again keeps every note's
 * start, length, pitch and velocity, exactly in ticks and in seconds, on the codec's fixture
 * songs (two with tempo changes, one SMPTE-timed); and the imported song, played, puts every
 * note within half a frame of its time in the file.
 */
class RoundTripTest {

  static byte[] fixture(String name) throws IOException {
    try (InputStream in = RoundTripTest.class.getResourceAsStream("/midi/" + name)) {
      return in.readAllBytes();
    }
  }

  /** Every note of a file: drum or not, key, velocity, start and end tick; sorted. */
  static List<NoteSpan> notes(MidiFile f) {
    List<NoteSpan> out = new ArrayList<>();
    for (MidiTrack t : f.tracks()) {
      out.addAll(Notes.pair(t).spans());
    }
    out.sort(Comparator.comparingLong(NoteSpan::startTick).thenComparingInt(NoteSpan::key)
        .thenComparing(NoteSpan::isDrum).thenComparingLong(NoteSpan::endTick).thenComparingInt(NoteSpan::velocity));
    return out;
  }

  static String describe(NoteSpan n) {
    return (n.isDrum() ? "drum " : "") + n.key() + " v" + n.velocity() + " " + n.startTick() + ".." + n.endTick();
  }

  @ParameterizedTest
  @ValueSource(strings = {"song-type1.mid", "song-type0.mid", "tempo-ramp-type1.mid", "smpte25-type1.mid"})
  void importThenExportKeepsEveryNoteExactlyInTicksAndSeconds(String name) throws Exception {
    MidiFile original = MidiFileReader.read(fixture(name));
    MidiImport.Result r = MidiImport.read(original, name);
    // The project is a valid project on the real modules, and its song is the one imported.
    Project p = ProjectLoader.parse("p.json", r.projectJson().getBytes(StandardCharsets.UTF_8), Modules.registry());
    Song song = TrackerProjects.song("p.json", p, Modules.registry());
    assertEquals(r.song(), song);
    assertEquals(0, r.rounded(), r.report().toString());

    MidiFile timed = MidiFiles.toPerQuarter(original);
    int ppq = ((Division.PerQuarter) timed.division()).ticks();
    MidiFile back = MidiFileReader.read(MidiFileWriter.write(MidiExport.write(song, name, ppq), true));
    assertEquals(1, back.format());
    assertEquals(1 + song.tracks().size(), back.tracks().size());

    List<NoteSpan> before = notes(timed);
    List<NoteSpan> after = notes(back);
    assertEquals(before.size(), after.size());
    assertEquals(before.stream().map(RoundTripTest::describe).toList(),
        after.stream().map(RoundTripTest::describe).toList());

    // The same tempo at every tick, so the same time: every start and end, in exact seconds.
    TempoMap a = TempoMap.of(timed);
    TempoMap b = TempoMap.of(back);
    for (NoteSpan n : before) {
      assertEquals(a.seconds(n.startTick()), b.seconds(n.startTick()), describe(n));
      assertEquals(a.seconds(n.endTick()), b.seconds(n.endTick()), describe(n));
    }
    assertEquals(a.seconds(timed.endTick()), b.seconds(back.endTick()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"song-type1.mid", "song-type0.mid", "tempo-ramp-type1.mid", "smpte25-type1.mid"})
  void theImportedSongPlaysEveryNoteAtItsTimeInTheFile(String name) throws Exception {
    MidiFile timed = MidiFiles.toPerQuarter(MidiFileReader.read(fixture(name)));
    MidiImport.Result r = MidiImport.read(timed, name);
    CompiledSong c = SongCompiler.compile(r.song(), PlayOptions.at(48_000));
    List<Long> frames = c.events(SongEvent.Kind.NOTE_ON).stream().map(SongEvent::frame).sorted().toList();
    TempoMap map = TempoMap.of(timed);
    List<Long> expected = notes(timed).stream().map(n -> {
      Ratio s = map.seconds(n.startTick()).times(48_000);
      return Math.round(s.toDouble());
    }).sorted().toList();
    assertEquals(expected.size(), frames.size());
    long worst = 0;
    for (int i = 0; i < frames.size(); i++) {
      worst = Math.max(worst, Math.abs(frames.get(i) - expected.get(i)));
    }
    // Tempos are kept to 1/65536 bpm (the file's microseconds exactly): no note drifts a frame.
    System.out.println(name + ": " + frames.size() + " notes, worst onset error " + worst + " frames; " + r.report());
    assertTrue(worst <= 1, "worst onset error " + worst + " frames");
  }
}

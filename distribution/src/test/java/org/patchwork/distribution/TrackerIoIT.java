package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.midifile.ChannelEvent;
import org.patchwork.midifile.Division;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.midifile.MidiEvent;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileReader;
import org.patchwork.midifile.MidiFileWriter;
import org.patchwork.midifile.MidiFiles;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.NoteSpan;
import org.patchwork.midifile.Notes;
import org.patchwork.midifile.TempoMap;

/** {@code patchwork import} and {@code patchwork export}: MIDI files in and out of the distribution. */
class TrackerIoIT {

  @TempDir
  Path home;
  @TempDir
  Path work;

  /**
   * Two bars at 192 ticks per quarter: a bass on channel 1 (program 34), chords on channel 2
   * (program 5, overlapping), drums on channel 10, a tempo change from 100 to 131.5 bpm in
   * the middle.
   */
  static MidiFile song() {
    List<MidiEvent> conductor = new ArrayList<>(List.of(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, "IT song"),
        new MetaEvent.TimeSignature(0, 4, 2, 24, 8), new MetaEvent.Tempo(0, 600_000),
        new MetaEvent.Tempo(768, 456_274)));
    List<NoteSpan> bass = new ArrayList<>();
    List<NoteSpan> keys = new ArrayList<>();
    List<NoteSpan> drums = new ArrayList<>();
    int[] roots = {45, 41};
    for (int bar = 0; bar < 2; bar++) {
      for (int e = 0; e < 8; e++) {
        long t = bar * 768L + e * 96;
        bass.add(new NoteSpan(0, roots[bar] - 12 + (e % 2) * 12, 70 + e * 5, t, t + 80, 64));
        drums.add(new NoteSpan(9, 42, 60 + (e % 2) * 30, t, t + 24, 64));
        if (e % 4 == 0) {
          drums.add(new NoteSpan(9, e == 0 ? 36 : 38, 110, t, t + 30, 64));
        }
      }
      for (int k : new int[] {0, 3, 7}) {
        keys.add(new NoteSpan(1, roots[bar] + 12 + k, 64 + k, bar * 768L + 48, bar * 768L + 700, 64));
      }
    }
    List<MidiEvent> b = new ArrayList<>(List.of(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, "Bass"),
        new ChannelEvent.ProgramChange(0, 0, 33)));
    b.addAll(Notes.toEvents(bass));
    List<MidiEvent> k = new ArrayList<>(List.of(new ChannelEvent.ProgramChange(0, 1, 4)));
    k.addAll(Notes.toEvents(keys));
    List<MidiEvent> d = new ArrayList<>(Notes.toEvents(drums));
    return new MidiFile(1, new Division.PerQuarter(192), List.of(new MidiTrack(conductor, 1536),
        new MidiTrack(MidiFiles.sortedByTick(b), 1536), new MidiTrack(MidiFiles.sortedByTick(k), 1536),
        new MidiTrack(MidiFiles.sortedByTick(d), 1536)));
  }

  static List<String> notes(MidiFile f) {
    List<NoteSpan> all = new ArrayList<>();
    f.tracks().forEach(t -> all.addAll(Notes.pair(t).spans()));
    all.sort(Comparator.comparingLong(NoteSpan::startTick).thenComparingInt(NoteSpan::key)
        .thenComparingLong(NoteSpan::endTick));
    return all.stream().map(n -> (n.isDrum() ? "drum " : "") + n.key() + " v" + n.velocity() + " " + n.startTick()
        + ".." + n.endTick()).toList();
  }

  @Test
  void importExportAndRenderAMidiFile() throws Exception {
    Path mid = work.resolve("in.mid");
    Files.write(mid, MidiFileWriter.write(song(), true));
    Path project = work.resolve("imported");
    HostProcess.Result in = HostProcess.run(home, "import", mid.toString(), "--out", project.toString());
    assertEquals(0, in.status(), in.err());
    assertTrue(in.out().contains("imported in.mid to " + project.resolve("project.json")), in.out());
    assertTrue(in.out().contains("every note and tempo change exact"), in.out());

    Path back = work.resolve("back.mid");
    HostProcess.Result out = HostProcess.run(home, "export", project.toString(), "--midi", back.toString(),
        "--ppq", "192");
    assertEquals(0, out.status(), out.err());
    MidiFile original = song();
    MidiFile exported = MidiFileReader.read(back);
    assertEquals(notes(original), notes(exported));
    TempoMap a = TempoMap.of(original);
    TempoMap b = TempoMap.of(exported);
    for (long tick = 0; tick <= 1536; tick += 8) {
      assertEquals(a.seconds(tick), b.seconds(tick), "tick " + tick);
    }

    Path wav = work.resolve("imported.wav");
    HostProcess.Result render = HostProcess.run(home, "render", project.toString(), "--out", wav.toString());
    assertEquals(0, render.status(), render.err());
    Wave w = Wave.read(wav);
    float[] mono = w.mono(0, w.seconds());
    assertTrue(org.patchwork.sdk.testkit.Signals.rms(mono, 0, mono.length) > 0.01, "the imported song sounds");
    assertEquals(0, org.patchwork.sdk.testkit.Signals.onset(mono, 0.01), 48, "from its first note");
  }

  @Test
  void theDemoExportsItsSong() throws Exception {
    Path mid = work.resolve("demo.mid");
    HostProcess.Result r = HostProcess.run(home, "export", "demo", "--midi", mid.toString());
    assertEquals(0, r.status(), r.err());
    MidiFile f = MidiFileReader.read(mid);
    assertEquals(1, f.format());
    assertEquals(8, f.tracks().size(), "conductor and seven song tracks");
    assertEquals(508_475, TempoMap.of(f).microsPerQuarterAt(0), "118 bpm");
    assertEquals(36 * 4 * 480, f.endTick(), "36 bars");
    assertTrue(notes(f).size() > 1000, notes(f).size() + " notes");
  }

  @Test
  void malformedMidiExitsTwoWithTheOffsetAndWritesNothing() throws Exception {
    byte[] whole = MidiFileWriter.write(song(), true);
    Path cut = work.resolve("cut.mid");
    Files.write(cut, Arrays.copyOf(whole, whole.length - 7));
    Path project = work.resolve("never");
    HostProcess.Result r = HostProcess.run(home, "import", cut.toString(), "--out", project.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().startsWith("patchwork: import: " + cut + ": ") && r.err().contains("offset"), r.err());
    assertFalse(Files.exists(project));
    try (var files = Files.list(work)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
    HostProcess.Result noSong = HostProcess.run(home, "export", work.resolve("nope").toString(), "--midi",
        work.resolve("x.mid").toString());
    assertEquals(2, noSong.status(), noSong.err());
    assertTrue(noSong.err().contains("no such project"), noSong.err());
    assertFalse(Files.exists(work.resolve("x.mid")));
  }
}

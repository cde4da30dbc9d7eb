package org.patchwork.trackerio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileReader;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.TrackerProjects;
import org.patchwork.trackerio.internal.ExportCommand;
import org.patchwork.trackerio.internal.ImportCommand;

/** {@code pw:import} and {@code pw:export}: files written whole, refusals that write nothing. */
class CommandsTest {

  @TempDir
  Path dir;

  private Path fixture(String name) throws Exception {
    Path p = dir.resolve(name);
    Files.write(p, RoundTripTest.fixture(name));
    return p;
  }

  private long leftovers() throws Exception {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
    }
  }

  @Test
  void importWritesAProjectThatExportsTheSameNotes() throws Exception {
    Path midi = fixture("song-type1.mid");
    Path project = dir.resolve("song");
    new ImportCommand(Modules.registry())._import(midi.toString(), "--out", project.toString());
    Path json = project.resolve("project.json");
    var p = ProjectLoader.load(json, Modules.registry());
    assertEquals("Patchwork fixture song", p.name());
    assertEquals(4, TrackerProjects.song(json.toString(), p, Modules.registry()).tracks().size());

    Path out = dir.resolve("back.mid");
    new ExportCommand(Modules.registry()).export(project.toString(), "--midi", out.toString());
    MidiFile back = MidiFileReader.read(out);
    assertEquals(RoundTripTest.notes(MidiFileReader.read(midi)).stream().map(RoundTripTest::describe).toList(),
        RoundTripTest.notes(back).stream().map(RoundTripTest::describe).toList());
    assertEquals(0, leftovers());

    // An existing project is kept unless --force.
    UsageException exists = assertThrows(UsageException.class,
        () -> new ImportCommand(Modules.registry())._import(midi.toString(), "--out", project.toString()));
    assertTrue(exists.getMessage().contains("exists (give --force to replace it)"), exists.getMessage());
    new ImportCommand(Modules.registry())._import(midi.toString(), "--out", project.toString(), "--force",
        "--name", "Renamed");
    assertEquals("Renamed", ProjectLoader.load(json, Modules.registry()).name());
  }

  @Test
  void aTruncatedOrMalformedFileIsRefusedWithTheOffsetAndNothingIsWritten() throws Exception {
    byte[] whole = RoundTripTest.fixture("song-type1.mid");
    Path truncated = dir.resolve("cut.mid");
    Files.write(truncated, Arrays.copyOf(whole, 300));
    Path project = dir.resolve("never");
    UsageException cut = assertThrows(UsageException.class,
        () -> new ImportCommand(Modules.registry())._import(truncated.toString(), "--out", project.toString()));
    assertTrue(cut.getMessage().startsWith("import: " + truncated + ": "), cut.getMessage());
    assertTrue(cut.getMessage().contains("offset"), cut.getMessage());

    byte[] bad = whole.clone();
    bad[0] = 'X';
    Path notMidi = dir.resolve("bad.mid");
    Files.write(notMidi, bad);
    UsageException header = assertThrows(UsageException.class,
        () -> new ImportCommand(Modules.registry())._import(notMidi.toString(), "--out", project.toString()));
    assertTrue(header.getMessage().contains("offset 0"), header.getMessage());

    UsageException missing = assertThrows(UsageException.class, () -> new ImportCommand(Modules.registry())
        ._import(dir.resolve("nope.mid").toString(), "--out", project.toString()));
    assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    assertFalse(Files.exists(project), "no project folder");
    assertEquals(0, leftovers());
  }

  @Test
  void exportRefusesWhatItCannotWrite() throws Exception {
    Path midi = fixture("song-type0.mid");
    Path project = dir.resolve("p.json");
    new ImportCommand(Modules.registry())._import(midi.toString(), "--out", project.toString());
    ExportCommand export = new ExportCommand(Modules.registry());
    UsageException ppq = assertThrows(UsageException.class,
        () -> export.export(project.toString(), "--midi", dir.resolve("x.mid").toString(), "--ppq", "0"));
    assertTrue(ppq.getMessage().contains("--ppq must be within 1..32767"), ppq.getMessage());
    UsageException folder = assertThrows(UsageException.class,
        () -> export.export(project.toString(), "--midi", dir.resolve("no/x.mid").toString()));
    assertTrue(folder.getMessage().contains("no such folder"), folder.getMessage());
    Path notes = dir.resolve("notes.json");
    Files.writeString(notes, """
        {"formatVersion": 1, "name": "n", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "s", "module": "org.patchwork.dsp.sine"}], "tracks": [{"id": "t", "chain": ["s"]}],
         "notes": [{"track": "t", "key": 60, "velocity": 1, "start": 0, "length": 1}]}
        """);
    UsageException noSong = assertThrows(UsageException.class,
        () -> export.export(notes.toString(), "--midi", dir.resolve("x.mid").toString()));
    assertTrue(noSong.getMessage().contains("has notes, not a tracker song"), noSong.getMessage());
    assertFalse(Files.exists(dir.resolve("x.mid")));
    // 96 ticks per quarter in, 960 out: the same music, ten times the ticks.
    Path out = dir.resolve("960.mid");
    export.export(project.toString(), "--midi", out.toString(), "--ppq", "960");
    assertEquals(RoundTripTest.notes(MidiFileReader.read(midi)).stream()
            .map(n -> n.key() + "@" + n.startTick() * 10 + ".." + n.endTick() * 10).toList(),
        RoundTripTest.notes(MidiFileReader.read(out)).stream()
            .map(n -> n.key() + "@" + n.startTick() + ".." + n.endTick()).toList());
  }
}

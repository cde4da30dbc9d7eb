package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.OfflineRenderer;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.engine.RenderResult;
import org.patchwork.engine.RenderSettings;
import org.patchwork.engine.Timeline;
import org.patchwork.engine.WavFormat;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;

/** The song section of a project: strict reading, faithful writing, and playing it on the engine. */
class SongJsonTest {

  private static final ModuleRegistry MODULES = ModuleRegistry.of(new SineFactory(), new GainFactory());

  static String example() throws IOException {
    try (var in = SongJsonTest.class.getResourceAsStream("/tracker-project.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static Project exampleProject() throws IOException {
    return ProjectLoader.parse("tracker-project.json", example().getBytes(StandardCharsets.UTF_8), MODULES);
  }

  @Test
  void writingAndReadingGiveTheSameSong() throws IOException {
    Song example = TrackerProjects.song("tracker-project.json", exampleProject());
    Song session = JournalTest.session().song();
    for (Song s : List.of(example, session)) {
      assertEquals(s, SongJson.read("s.json", SongJson.write(s), BigDecimal.ONE));
    }
    assertEquals(new BigDecimal("126"), example.settings().bpm());
    assertEquals(NoteNames.parse("C-5"), example.patterns().getFirst().line(0, 0).note(0).key());
    assertEquals(72, NoteNames.parse("C-5"));
  }

  @Test
  void theSongBpmDefaultsToTheProjectTempo() {
    Song s = SongJson.read("s.json", "{}", new BigDecimal("98.5"));
    assertEquals(new BigDecimal("98.5"), s.settings().bpm());
    assertEquals(Song.empty().withSettings(s.settings()), s);
  }

  private static String rejected(String from, String to) throws IOException {
    String json = example();
    assertTrue(json.contains(from), from);
    byte[] bad = json.replace(from, to).getBytes(StandardCharsets.UTF_8);
    return assertThrows(ProjectFormatException.class, () -> {
      Project p = ProjectLoader.parse("p.json", bad, MODULES);
      TrackerProjects.song("p.json", p);
    }).getMessage();
  }

  @Test
  void anythingWrongIsRefusedWithItsPath() throws IOException {
    assertEquals("p.json: $.song.tempo: unknown field (expected bpm, linesPerBeat, ticksPerLine, groove, humanize, "
        + "instruments, tracks, patterns, order, automation)", rejected("\"bpm\": 126", "\"tempo\": 126"));
    assertEquals("p.json: $.song.patterns[0].tracks[0][0].notes[0].note: a note is written like C-4, F#2 "
        + "(octaves 0..9, up to G-9) or OFF: H-5", rejected("\"C-5\", \"volume\": 96", "\"H-5\", \"volume\": 96"));
    assertEquals("p.json: $.song.patterns[0].tracks[0][1].effects[0]: unknown effect command 'K' (known: "
        + EffectCell.COMMANDS + ")", rejected("\"447\"", "\"K47\""));
    assertEquals("p.json: $.song.patterns[0].tracks[1][1]: uses more columns than track 'Bass' has "
        + "(1 note, 1 effect)", rejected("[\"303\"]", "[\"303\", \"A01\"]"));
    assertEquals("p.json: $.song.order[2]: must be within 0..1: 5", rejected("[0, 0, 1]", "[0, 0, 5]"));
    assertEquals("p.json: $.song.groove[1]: must be below 1 (a fraction of a line)", rejected("[0, 0.2]", "[0, 1]"));
    assertEquals("p.json: $.song.tracks[1].output: unknown track 'drums'",
        rejected("\"output\": \"bass\"}\n    ],", "\"output\": \"drums\"}\n    ],"));
    assertEquals("p.json: $.song.automation[0].param: unknown node 'bas'", rejected("\"bass.gain\"", "\"bas.gain\""));
    assertEquals("p.json: $.song.patterns[1].tracks[0][0].notes[0].instrument: must be within 0..1: 7",
        rejected("\"instrument\": 0", "\"instrument\": 7"));
    assertEquals("p.json: $.song.patterns[0].tracks[0][1].line: lines must be in increasing order without "
        + "repeats: 0", rejected("{\"line\": 4, \"notes\": [{\"note\": \"E-5\"", "{\"line\": 0, \"notes\": [{\"note\": \"E-5\""));
  }

  @Test
  void theExampleProjectRendersOnTheEngineTheSameEveryTime(@TempDir Path dir) throws Exception {
    Project p = exampleProject();
    RenderSettings settings = new RenderSettings(0, 256, 0, WavFormat.PCM_24, 2);
    double rate = OfflineRenderer.sampleRate(p, settings);
    Timeline t = TrackerProjects.timeline("tracker-project.json", p, rate);
    RenderResult one = new OfflineRenderer(MODULES).render(p, t, settings, dir.resolve("one.wav"), null);
    RenderResult two = new OfflineRenderer(MODULES).render(p,
        TrackerProjects.timeline("tracker-project.json", exampleProject(), rate), settings.withThreads(1),
        dir.resolve("two.wav"), null);
    assertEquals(0, one.faults());
    assertTrue(one.peak() > 0.05, "peak " + one.peak());
    // The song's end plus the two-second tail.
    assertEquals(t.length() + 96_000, one.frames());
    assertEquals(sha(dir.resolve("one.wav")), sha(dir.resolve("two.wav")));
    // Two passes of 16 lines at 126 bpm, then 8 lines at 132 bpm (T84 on order 2).
    BigDecimal first = BigDecimal.valueOf(32).multiply(Expect.line("126", 4, 48_000));
    long expected = Expect.frame(first, BigDecimal.valueOf(8), Expect.line("132", 4, 48_000));
    assertEquals(expected, t.length());
  }

  private static String sha(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

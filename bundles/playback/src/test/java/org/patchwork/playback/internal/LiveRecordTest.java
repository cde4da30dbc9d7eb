package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongJson;
import org.patchwork.sequencer.TrackerProjects;

/**
 * Notes played live while recording are written into the song at the line they were played
 * on, heard again when the pattern comes round, and saved into the project.
 */
class LiveRecordTest {

  private static final int RATE = 48_000;
  /** 120 bpm, 4 lines per beat. */
  private static final int LINE = 6_000;
  private static final double C5 = 523.2511;

  @TempDir
  Path temp;

  @Test
  void liveNotesAreRecordedAtTheirLinesHeardWhenThePatternReturnsAndSaved() throws Exception {
    Path file = temp.resolve("project.json");
    try (InputStream in = LiveRecordTest.class.getResourceAsStream("/live-project.json")) {
      Files.write(file, in.readAllBytes());
    }
    Project project = ProjectLoader.load(file, SongPlaybackTest.REGISTRY);
    CapturingDriver driver = new CapturingDriver(Drivers.create("null"), 40, RATE);
    driver.open(new DriverSettings(RATE, 256, 2, 2, "patchwork"));
    LiveSong run = new LiveSong(file, project, SongPlaybackTest.REGISTRY, driver,
        LiveStart.score(file, project, SongPlaybackTest.REGISTRY, RATE), new TelemetryRing(4096), () -> { });
    try {
      Thread.sleep(300);
      long play = run.frame() + 2 * run.renderAhead();
      run.play(play);
      assertTrue(run.record(true));
      assertTrue(run.recording());
      // On the empty Keys track (1): C-5 a little into line 1, released in line 3 of the 4-line pattern.
      run.noteOn(play + LINE + 100, 1, 72, 0.8);
      run.noteOff(play + 3 * LINE + 200, 1, 72);
      driver.await(play + 12 * LINE + LINE);

      Song song = SongJson.read("recorded", run.recordedSong(), BigDecimal.valueOf(120));
      Pattern p = song.patterns().getFirst();
      assertEquals(new NoteCell(72, -1, 102, -1, 0), p.line(1, 1).note(0), "C-5 at line 1, velocity 0.8 as 66 hex");
      assertEquals(NoteCell.OFF, p.line(1, 3).note(0).key(), "the release at line 3");
      assertTrue(p.line(1, 0).isEmpty() && p.line(1, 2).isEmpty(), "nothing else on the track");
      assertEquals(72, p.line(1, 1).note(0).key());

      // The pattern's third pass (no live input then) plays the recorded note on Keys.
      int third = (int) (play + 2 * 4 * LINE);
      double recorded = LiveSongTest.level(driver.left, third + LINE + 500, third + 3 * LINE - 500, C5, RATE);
      double afterOff = LiveSongTest.level(driver.left, third + 3 * LINE + 2000, third + 4 * LINE - 100, C5, RATE);
      System.out.printf("recorded C-5 replayed: level %.4f in lines 1-2, %.5f after the note-off%n", recorded, afterOff);
      assertTrue(recorded > 0.1, "the recorded note sounds when the pattern returns: " + recorded);
      assertTrue(afterOff < 0.01, "and stops at the recorded note-off: " + afterOff);

      run.record(false);
      assertFalse(run.recording());
      RecordCommand.save(file, run.recordedSong(), file);
    } finally {
      run.close();
    }
    Project saved = ProjectLoader.load(file, SongPlaybackTest.REGISTRY);
    Song again = TrackerProjects.song("saved", saved);
    assertEquals(72, again.patterns().getFirst().line(1, 1).note(0).key(), "saved into project.json");
    assertEquals(project.graph(), saved.graph(), "the rest of the project is as it was");
  }
}

package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.swt.widgets.Canvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.dsp.filters.internal.OnePoleFactory;
import org.patchwork.dsp.modulators.internal.LfoFactory;
import org.patchwork.dsp.oscillators.internal.SineFactory;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.engine.Timeline;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.TrackerProjects;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.testkit.Xvfb;

/**
 * Notes typed into the tracker of the real window with the keyboard (xdotool key events into
 * Xvfb) change the song, are journaled, and are heard: the song rendered through the sequencer
 * and the engine has each note's onset at its line's exact frame and its pitch.
 */
@ExtendWith(Xvfb.class)
class TrackerUiTest {

  static final Path SONG = Path.of("src/test/resources/tracker-song/project.json");
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final int RATE = 48_000;
  /** 120 bpm, 4 lines per beat. */
  private static final int LINE = RATE * 60 / (120 * 4);

  @TempDir
  Path temp;

  @Test
  void typedNotesAreJournaledAndSoundAtTheirLinesWithTheirPitch() throws Exception {
    ModuleRegistry registry = ModuleRegistry.of(new SubtractiveFactory(), new SineFactory(), new OnePoleFactory(),
        new LfoFactory());
    try (Window w = new Window(temp, SONG, registry)) {
      assertTrue(w.window.panels().show("org.patchwork.ui.tracker"));
      Canvas grid = w.find("tracker.grid", Canvas.class);
      w.robot.waitUntil("the pattern on the grid", WAIT, () -> grid.isVisible() && grid.getSize().y > 100);
      int entries = w.workbench.journal().entries().size();

      // Line 0 of the first track (Bass): C-4, a note-off on line 4, D-4 on line 16.
      w.robot.click(grid, 5, grid.getSize().y / 4);
      w.robot.key("Home");
      w.robot.type("z");
      w.robot.key("Down");
      w.robot.key("Down");
      w.robot.key("Down");
      w.robot.key("grave");
      for (int i = 5; i < 16; i++) {
        w.robot.key("Down");
      }
      w.robot.type("x");
      w.robot.waitUntil("D-4 on line 16", WAIT, () -> bass(w, 16).isNote());

      assertEquals(60, bass(w, 0).key(), "C-4 on line 0");
      assertEquals(NoteCell.OFF, bass(w, 4).key(), "note-off on line 4");
      assertEquals(62, bass(w, 16).key(), "D-4 on line 16");
      List<String> labels = w.workbench.journal().entries().stream().skip(entries).map(JournalEntry::label).toList();
      assertEquals(3, labels.size(), labels.toString());
      assertTrue(labels.getFirst().startsWith("Type C-4"), labels.toString());

      // Heard: the song rendered offline has the notes at their lines' frames, with their pitches.
      Project p = w.workbench.state().project();
      float[] left = render(p, registry);
      int first = onset(left, 0);
      int second = onset(left, 10 * LINE);
      assertEquals(0, first, 64, "C-4 starts on line 0");
      assertEquals(16 * LINE, second, 64, "D-4 starts on line 16, frame " + 16 * LINE);
      assertEquals(261.63, peakHz(left, first + 2_000, 8_192), 6.0, "C-4");
      assertEquals(293.66, peakHz(left, second + 2_000, 8_192), 6.0, "D-4");
      assertTrue(rms(left, 6 * LINE, 14 * LINE) < 1e-3, "silence between the note-off's release and D-4");
    }
  }

  private static NoteCell bass(Window w, int line) {
    var song = SongEdit.song(w.workbench.state().project());
    Pattern pattern = song.patterns().get(song.order().getFirst());
    return pattern.line(0, line).note(0);
  }

  private static float[] render(Project p, ModuleRegistry registry) {
    Timeline timeline = TrackerProjects.timeline("tracker-song", p, RATE);
    try (Session s = new Session(p, timeline, registry, RATE, 256, 0, new TelemetryRing(1024), 1)) {
      float[] out = new float[(int) s.totalFrames()];
      int at = 0;
      for (int n; (n = s.next()) > 0; ) {
        System.arraycopy(s.buffer()[0], 0, out, at, n);
        at += n;
      }
      return out;
    }
  }

  /** The first frame from {@code from} whose level exceeds 1e-3. */
  private static int onset(float[] x, int from) {
    for (int i = from; i < x.length; i++) {
      if (Math.abs(x[i]) > 1e-3) {
        return i;
      }
    }
    return -1;
  }

  private static double rms(float[] x, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += x[i] * x[i];
    }
    return Math.sqrt(sum / (to - from));
  }

  /** The strongest frequency between 100 and 600 Hz in {@code n} frames from {@code from} (DFT, Hann, 0.5 Hz steps). */
  private static double peakHz(float[] x, int from, int n) {
    double best = 0;
    double bestHz = 0;
    for (double hz = 100; hz <= 600; hz += 0.5) {
      double re = 0;
      double im = 0;
      for (int i = 0; i < n; i++) {
        double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / (n - 1));
        double a = 2 * Math.PI * hz * i / RATE;
        re += w * x[from + i] * Math.cos(a);
        im -= w * x[from + i] * Math.sin(a);
      }
      double mag = re * re + im * im;
      if (mag > best) {
        best = mag;
        bestHz = hz;
      }
    }
    return bestHz;
  }
}

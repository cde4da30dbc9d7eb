package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The tracker panel in the real workbench window with the real tracker demo: keys typed through
 * the X server reach the grid, change the project's song at the exact cells, land in the
 * workbench's journal one entry per gesture, and Ctrl+Z (the window's menu) takes them back.
 */
@ExtendWith(Xvfb.class)
class TrackerPanelUiTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  /** The demo's Lead track and its instrument "Lead 2 (sawtooth)". */
  private static final int LEAD = 6;
  private static final int LEAD_INSTRUMENT = 5;

  @TempDir
  Path temp;

  private static Pattern firstPattern(PanelWindow w) {
    Song s = SongEdit.song(w.workbench.state().project());
    return s.patterns().get(s.order().getFirst());
  }

  private static NoteCell lead(PanelWindow w, int line) {
    return firstPattern(w).line(LEAD, line).note(0);
  }

  @Test
  void typedNotesChangeTheSongAtTheCursorOneJournalEntryEachAndCtrlZTakesBackATransposeWhole() throws Exception {
    try (PanelWindow w = TrackerWindow.open(temp, TrackerWindow.DEMO)) {
      Canvas grid = w.find("tracker.grid", Canvas.class);
      w.robot.waitUntil("the demo's pattern on the grid", WAIT, () -> grid.isVisible() && grid.getSize().y > 100);
      Pattern before = firstPattern(w);
      assertTrue(before.tracks().get(LEAD).subList(0, 4).stream().allMatch(l -> l.isEmpty()), "the demo's lead "
          + "starts later");
      int entries = w.workbench.journal().entries().size();

      // Focus the grid on line 0 (a click in the line numbers), Shift+Tab wraps to the last track: Lead.
      w.robot.click(grid, 5, grid.getSize().y / 4);
      w.robot.key("Home");
      w.robot.key("shift+Tab");
      for (int i = 0; i <= LEAD_INSTRUMENT; i++) {
        w.robot.key("alt+Down");
      }
      assertEquals(LEAD_INSTRUMENT + 1, w.find("tracker.instrument", Combo.class).getSelectionIndex(),
          "the toolbar shows instrument 05");
      w.robot.type("zxc");
      w.robot.waitUntil("three notes in the song", WAIT, () -> lead(w, 2).isNote());
      assertEquals(new NoteCell(60, LEAD_INSTRUMENT, -1, -1, 0), lead(w, 0), "C-4");
      assertEquals(new NoteCell(62, LEAD_INSTRUMENT, -1, -1, 0), lead(w, 1), "D-4");
      assertEquals(new NoteCell(64, LEAD_INSTRUMENT, -1, -1, 0), lead(w, 2), "E-4");
      Pattern typed = firstPattern(w);
      for (int t = 0; t < before.tracks().size(); t++) {
        for (int l = 0; l < before.length(); l++) {
          if (t != LEAD || l > 2) {
            assertEquals(before.line(t, l), typed.line(t, l), "track " + t + " line " + l + " untouched");
          }
        }
      }
      List<String> labels = w.workbench.journal().entries().stream().skip(entries).map(JournalEntry::label).toList();
      assertEquals(List.of("Type C-4 at Lead line 000", "Type D-4 at Lead line 001", "Type E-4 at Lead line 002"),
          labels);

      // Select the three lines and transpose them a semitone: one entry.
      w.robot.key("Up");
      w.robot.key("shift+Up");
      w.robot.key("shift+Up");
      w.robot.key("ctrl+Up");
      w.robot.waitUntil("the transpose", WAIT, () -> lead(w, 0).key() == 61);
      assertEquals(List.of(61, 63, 65), List.of(lead(w, 0).key(), lead(w, 1).key(), lead(w, 2).key()));
      assertEquals(entries + 4, w.workbench.journal().entries().size());
      assertEquals("Transpose 3 lines x 1 column by +1", w.workbench.journal().entries().getLast().label());
      w.robot.run(300);
      ImageData shot = Screenshots.save(w.panel(), Path.of("target/screenshots/tracker.png"));
      assertTrue(Screenshots.colours(shot) > 16, "the grid shows notes, shading and a selection in colour: "
          + Screenshots.colours(shot));

      w.robot.key("ctrl+z");
      w.robot.waitUntil("the transpose undone", WAIT, () -> lead(w, 0).key() == 60);
      assertEquals(List.of(60, 62, 64), List.of(lead(w, 0).key(), lead(w, 1).key(), lead(w, 2).key()),
          "one Ctrl+Z took back all three");
      w.robot.key("ctrl+z");
      w.robot.waitUntil("E-4 undone", WAIT, () -> lead(w, 2).isEmpty());
      assertEquals(60, lead(w, 0).key());
      assertEquals(entries + 2, w.workbench.journal().entries().size());

      // The grid follows the workbench after undo: typing again writes over line 2's cell anew.
      w.robot.key("Down");
      w.robot.key("Down");
      w.robot.key("grave");
      w.robot.waitUntil("a note-off", WAIT, () -> lead(w, 2).key() == NoteCell.OFF);
      assertEquals(entries + 3, w.workbench.journal().entries().size());

      // Alt+Right shows the next order entry.
      org.eclipse.swt.widgets.List order = w.find("tracker.order", org.eclipse.swt.widgets.List.class);
      w.robot.key("alt+Right");
      assertEquals(1, order.getSelectionIndex());
    }
  }

  @Test
  void followingThePlayheadWalksTheOrderList() throws Exception {
    try (PanelWindow w = TrackerWindow.open(temp, TrackerWindow.DEMO)) {
      Canvas grid = w.find("tracker.grid", Canvas.class);
      w.robot.waitUntil("the grid", WAIT, () -> grid.isVisible());
      w.robot.click(grid, 5, grid.getSize().y / 4);
      w.robot.key("Scroll_Lock");
      assertTrue(w.find("tracker.follow", Button.class).getSelection(), "Scroll Lock ticks Follow");
      org.eclipse.swt.widgets.List order = w.find("tracker.order", org.eclipse.swt.widgets.List.class);
      assertEquals(0, order.getSelectionIndex());
      w.robot.key("space");
      // 64 lines at 118 bpm and 4 lines per beat: the second entry starts at 8.14 s.
      w.robot.waitUntil("the second order entry playing and shown", Duration.ofSeconds(30),
          () -> order.getSelectionIndex() == 1);
      long frame = w.workbench.telemetry().playheadFrame();
      assertTrue(frame >= 64 * 48_000 * 60 / (118 * 4), "not before its time: frame " + frame);
    }
  }

  @Test
  void aProjectWithoutSongOffersToStartOne() throws Exception {
    try (PanelWindow w = TrackerWindow.open(temp, TrackerWindow.NOTES)) {
      Label text = w.find("tracker.empty", Label.class);
      w.robot.waitUntil("the message", WAIT, () -> text.isVisible());
      assertTrue(text.getText().startsWith("This project has no tracker song"), text.getText());
      Button start = w.find("tracker.start", Button.class);
      w.robot.click(start, start.getSize().x / 2, start.getSize().y / 2);
      w.robot.waitUntil("a song", WAIT, () -> w.workbench.state().project().hasSong());
      Project p = w.workbench.state().project();
      Song s = SongEdit.song(p);
      assertEquals(List.of("bass", "lead"), s.tracks().stream().map(t -> t.output()).toList());
      assertEquals(2, s.instruments().size());
      assertEquals(64, s.patterns().getFirst().length());
      assertEquals("Start a tracker song", w.workbench.journal().entries().getLast().label());
      Canvas grid = w.find("tracker.grid", Canvas.class);
      w.robot.waitUntil("the grid instead of the message", WAIT, grid::isVisible);
      w.robot.click(grid, 5, grid.getSize().y / 3);
      w.robot.key("Home");
      w.robot.type("q");
      w.robot.waitUntil("C-5 typed", WAIT, () -> SongEdit.song(w.workbench.state().project()).patterns().getFirst()
          .line(0, 0).note(0).key() == 72);
    }
  }
}

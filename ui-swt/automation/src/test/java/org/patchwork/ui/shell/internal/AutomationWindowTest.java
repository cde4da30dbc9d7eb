package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongJson;
import org.patchwork.sequencer.SongSettings;
import org.patchwork.sequencer.SongTrack;
import org.patchwork.ui.automation.internal.AutomationPanel;
import org.patchwork.ui.shell.JournalEntry;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The automation panel in the real workbench window, driven through the X server, on a tracker
 * song (two plays of a 16-line pattern) whose cutoff of a subtractive synth has an envelope:
 * a click adds a point, Ctrl+Z takes it back, a drag moves a point in one journal entry, a
 * double-click removes it, Add lane adds a lane, and the playhead follows playback. Each step is
 * checked in the workbench's song and journal.
 */
@ExtendWith(Xvfb.class)
class AutomationWindowTest {

  @TempDir
  Path temp;

  static Project project() {
    Pattern p = Pattern.empty(16, 1).withLine(0, 0, Line.of(NoteCell.of(60)));
    Envelope cutoff = new Envelope("lead", "cutoff", List.of(
        new Envelope.Point(BigDecimal.ZERO, 200, Envelope.Curve.EXPONENTIAL, 0),
        new Envelope.Point(BigDecimal.valueOf(16), 4000, Envelope.Curve.LINEAR, 0),
        new Envelope.Point(BigDecimal.valueOf(31), 800, Envelope.Curve.LINEAR, 0)));
    Song song = new Song(SongSettings.DEFAULT, List.of(new Instrument("Lead", "lead")),
        List.of(SongTrack.of("Lead", "lead")), List.of(p), List.of(0, 0), List.of(cutoff));
    return new Project("Automation test", 48_000, 120, Graph.of(
        List.of(new Node("lead", "org.patchwork.dsp.subtractive", Map.of("cutoff", 800.0))), List.of(),
        List.of(Track.of("lead", "lead"))), List.of(), SongJson.write(song));
  }

  @Test
  void clickDragAndDoubleClickEditTheSongsEnvelopeOneUndoableEntryEach() throws Exception {
    try (PanelWindow w = new PanelWindow(temp, project(), AutomationPanel::new, new SubtractiveFactory())) {
      Canvas lane = w.find("automation.lane", Canvas.class);
      @SuppressWarnings("unchecked")
      BiFunction<Double, Double, Point> pixel = (BiFunction<Double, Double, Point>) lane.getData("patchwork.test.pixel");
      assertNotNull(pixel);
      w.robot.waitUntil("the cutoff lane drawn", Duration.ofSeconds(5), () -> pixel.apply(0.0, 200.0) != null);

      // A click at line 8, 1000 Hz adds a point there.
      Point at = pixel.apply(8.0, 1000.0);
      w.robot.click(lane, at.x, at.y);
      w.robot.waitUntil("a fourth point", Duration.ofSeconds(5), () -> cutoff(w).points().size() == 4);
      Envelope.Point added = cutoff(w).points().get(1);
      assertEquals(0, BigDecimal.valueOf(8).compareTo(added.position()), added.toString());
      assertEquals(1000, added.value(), 1000 * 0.05, "within a pixel of 1000 Hz on a 20..20000 Hz log scale");
      assertEquals(List.of("Add a point to lead.cutoff"), labels(w));

      // Ctrl+Z takes it back.
      w.robot.key("ctrl+z");
      w.robot.waitUntil("the point undone", Duration.ofSeconds(5), () -> cutoff(w).points().size() == 3);
      assertEquals(0, w.workbench.journal().entries().size());

      // Drag the 4000 Hz point at line 16 to line 20, 2000 Hz: one entry for the whole drag.
      w.robot.drag(lane, pixel.apply(16.0, 4000.0), pixel.apply(20.0, 2000.0));
      w.robot.waitUntil("the point at line 20", Duration.ofSeconds(5),
          () -> BigDecimal.valueOf(20).compareTo(cutoff(w).points().get(1).position()) == 0);
      Envelope moved = cutoff(w);
      assertEquals(3, moved.points().size());
      assertEquals(2000, moved.points().get(1).value(), 2000 * 0.05);
      assertTrue(moved.points().get(0).position().compareTo(moved.points().get(1).position()) <= 0
          && moved.points().get(1).position().compareTo(moved.points().get(2).position()) <= 0, "sorted");
      assertEquals(1, w.workbench.journal().entries().size(), "one drag, one journal entry: " + labels(w));
      Envelope before = SongEdit.song(w.workbench.journal().entries().getFirst().before()).automation().getFirst();
      assertEquals(4000, before.points().get(1).value(), "the entry goes back to before the drag");
      assertEquals(0, BigDecimal.valueOf(16).compareTo(before.points().get(1).position()));

      // A double-click on it removes it.
      Point p = pixel.apply(20.0, moved.points().get(1).value());
      // Away first: xdotool's synchronous move to where the pointer already is waits for nothing.
      Xvfb.xdotool("mousemove", "0", "0");
      w.robot.doubleClick(lane, p.x, p.y);
      w.robot.waitUntil("the point removed", Duration.ofSeconds(5), () -> cutoff(w).points().size() == 2);
      assertEquals(800, cutoff(w).points().get(1).value());

      // The context menu on the segment between them: its first entry makes it a step.
      Point segment = pixel.apply(10.0, 20000.0);
      Point screen = lane.toDisplay(segment.x, segment.y + 5);
      Xvfb.xdotool("mousemove", "--sync", String.valueOf(screen.x), String.valueOf(screen.y), "click", "3");
      w.robot.run(400);
      w.robot.key("Down");
      w.robot.key("Return");
      w.robot.waitUntil("a stepped segment", Duration.ofSeconds(5),
          () -> cutoff(w).points().getFirst().curve() == Envelope.Curve.STEP);
      assertEquals("Make a segment of lead.cutoff step", labels(w).getLast());

      // A click on a point selects it (no edit); Delete removes it.
      int entries = w.workbench.journal().entries().size();
      Point last = pixel.apply(31.0, 800.0);
      w.robot.click(lane, last.x, last.y);
      assertEquals(entries, w.workbench.journal().entries().size(), "clicking a point changes nothing");
      w.robot.key("Delete");
      w.robot.waitUntil("the selected point deleted", Duration.ofSeconds(5), () -> cutoff(w).points().size() == 1);

      // Add lane: the first free automatable parameter of the lead, Wave, stepping from its value.
      w.click(w.find("automation.add", Button.class));
      w.robot.waitUntil("a second lane", Duration.ofSeconds(5), () -> song(w).automation().size() == 2);
      Envelope wave = song(w).automation().get(1);
      assertEquals("lead.wave", wave.target());
      assertEquals(Envelope.Curve.STEP, wave.points().getFirst().curve());
      assertEquals(0, wave.points().getFirst().value());

      // For the picture: a lane with every kind of segment.
      w.await(w.workbench.submit(new SongEdit("Shape", new org.patchwork.sequencer.Edit.SetEnvelope(
          new Envelope("lead", "cutoff", List.of(
              new Envelope.Point(BigDecimal.ZERO, 200, Envelope.Curve.EXPONENTIAL, 0),
              new Envelope.Point(BigDecimal.valueOf(8), 3000, Envelope.Curve.CURVED, -4),
              new Envelope.Point(BigDecimal.valueOf(16), 600, Envelope.Curve.STEP, 0),
              new Envelope.Point(BigDecimal.valueOf(20), 5000, Envelope.Curve.LINEAR, 0),
              new Envelope.Point(BigDecimal.valueOf(31), 800, Envelope.Curve.LINEAR, 0)))))));

      // Back on the cutoff lane, play: the playhead follows the song's lines (6000 frames each).
      org.eclipse.swt.widgets.List lanes = w.find("automation.lanes", org.eclipse.swt.widgets.List.class);
      assertEquals(1, lanes.getSelectionIndex(), "the new lane is the one shown");
      w.robot.click(lanes, 20, lanes.getItemHeight() / 2);
      w.robot.waitUntil("the cutoff lane chosen", Duration.ofSeconds(5), () -> lanes.getSelectionIndex() == 0);
      w.await(w.workbench.play());
      w.robot.waitUntil("the playhead past line 4", Duration.ofSeconds(10),
          () -> lane.getData("patchwork.test.playhead") instanceof Double d && d > 4);
      long frame = w.workbench.telemetry().playheadFrame();
      w.robot.run(40);
      double shown = (Double) lane.getData("patchwork.test.playhead");
      assertEquals(frame / 6000.0, shown, 1.0, "the playhead at the line the frame plays");
      ImageData shot = Screenshots.save(w.window.panels().frame(AutomationPanel.ID), Path.of("target/screenshots/automation.png"));
      int colours = Screenshots.colours(shot);
      assertTrue(colours > 8, "the panel is drawn, not blank: " + colours + " colours");
      w.await(w.workbench.stop());
    }
  }

  private static Song song(PanelWindow w) {
    return SongEdit.song(w.workbench.state().project());
  }

  private static Envelope cutoff(PanelWindow w) {
    return song(w).automation().getFirst();
  }

  private static List<String> labels(PanelWindow w) {
    return w.workbench.journal().entries().stream().map(JournalEntry::label).toList();
  }
}

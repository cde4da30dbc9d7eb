package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.sequencer.SequencerEvent;

/**
 * Live notes recorded while the song plays land on the nearest line, at several tempos and lines
 * per beat; the note is heard at once and not a second time by the pattern; undo takes it back.
 */
class LiveInputTest {

  /** Runs a sequencer tick by tick, collecting what comes out. */
  static final class Driver {
    final Sequencer seq;
    final LiveInput in;
    final List<SongEvent> song = new ArrayList<>();
    final List<SequencerEvent> live = new ArrayList<>();

    Driver(Song s) {
      seq = new Sequencer(Rig.RATE, new SongEditor(s));
      in = new LiveInput(seq);
    }

    /** Advances tick by tick until the sequencer has reached {@code frame}. */
    void until(long frame) {
      while (seq.frame() <= frame) {
        seq.advance(1, song::add, live::add);
        in.update();
      }
    }
  }

  /** The frame {@code lines} (a decimal) into the song at a constant tempo. */
  static long at(String bpm, int lpb, String lines) {
    return Expect.frame(BigDecimal.ZERO, new BigDecimal(lines), Expect.line(bpm, lpb, Rig.RATE));
  }

  @ParameterizedTest(name = "{0} bpm, {1} lines per beat")
  @CsvSource({"120, 4", "93.75, 7", "174, 16", "60, 3"})
  void notesLandOnTheNearestLineAndAreHeardOnce(String bpm, int lpb) {
    Driver d = new Driver(SongBuilder.simple(32).bpm(bpm).lpb(lpb).song());
    d.in.record(true);
    d.seq.play();
    // Early in line 3: line 3. Late in line 6: line 7, which has not started when the note is
    // played, so the note waits for it. 0.4 into line 10, released 0.6 into line 12: an OFF on 13.
    long early = at(bpm, lpb, "3.2");
    d.until(early);
    d.in.noteOn(early, 60, 1.0);
    d.in.noteOff(early + 10, 60);
    long late = at(bpm, lpb, "6.7");
    d.until(late);
    assertTrue(d.seq.lineAfter(d.seq.lineAt(late)) == null, "line 7 has not started yet");
    d.in.noteOn(late, 62, 0.5);
    assertEquals(1, d.in.waiting());
    d.until(at(bpm, lpb, "7.1"));
    assertEquals(0, d.in.waiting());
    d.in.noteOff(at(bpm, lpb, "7.3"), 62);   // its own line: no OFF
    d.until(at(bpm, lpb, "12.6"));
    d.in.noteOn(at(bpm, lpb, "10.4"), 64, 0.75);
    d.in.noteOff(at(bpm, lpb, "12.6"), 64);
    d.until(at(bpm, lpb, "31.9"));

    Pattern p = d.seq.song().patterns().get(0);
    assertEquals(new NoteCell(60, -1, -1, -1, 0), p.line(0, 3).note(0));
    assertEquals(new NoteCell(62, -1, 64, -1, 0), p.line(0, 7).note(0));
    assertEquals(new NoteCell(64, -1, 96, -1, 0), p.line(0, 10).note(0));
    assertEquals(NoteCell.off(), p.line(0, 13).note(0));
    for (int line : new int[] {0, 1, 2, 4, 5, 6, 8, 9, 11, 12, 14}) {
      assertTrue(p.line(0, line).isEmpty(), "line " + line);
    }
    // Heard at once (live events at the frames played) and not again from the pattern this pass.
    assertEquals(List.of("NOTE_ON 60@" + early, "NOTE_OFF 60@" + (early + 10), "NOTE_ON 62@" + late),
        d.live.subList(0, 3).stream().map(e -> e.kind() + " " + e.key() + "@" + e.frame()).toList());
    assertFalse(d.song.stream().anyMatch(e -> e.kind() == SongEvent.Kind.NOTE_ON), d.song.toString());
    // Undo takes the recorded cells back, last first.
    int depth = d.seq.editor().undoDepth();
    assertEquals(4, depth);
    d.seq.undo();
    assertTrue(d.seq.song().patterns().get(0).line(0, 13).isEmpty());
  }

  @Test
  void chordsTakeOneColumnEachAndWidenTheTrack() {
    Driver d = new Driver(SongBuilder.simple(16).song());
    d.in.record(true);
    d.seq.play();
    d.until(6000 * 2 + 100);
    for (int key : new int[] {60, 64, 67}) {
      d.in.noteOn(6000 * 2 + 100, key, 1.0);
    }
    d.until(6000 * 4 + 100);
    d.in.noteOff(6000 * 4 + 100, 64);
    d.in.noteOn(6000 * 4 + 200, 71, 1.0);   // takes the column 64 left
    d.until(6000 * 5);
    Line line = d.seq.song().patterns().get(0).line(0, 2);
    assertEquals(List.of(NoteCell.of(60), NoteCell.of(64), NoteCell.of(67)), line.notes());
    assertEquals(3, d.seq.song().tracks().get(0).noteColumns());
    Line four = d.seq.song().patterns().get(0).line(0, 4);
    assertEquals(NoteCell.of(71), four.note(1));
  }

  @Test
  void stoppedNotesGoToTheCursorWhichMovesByTheEditStep() {
    Driver d = new Driver(SongBuilder.simple(8).song());
    d.in.record(true);
    d.in.cursor(0, 6);
    d.in.editStep(2);
    d.in.noteOn(0, 48, 1.0);
    d.in.noteOff(10, 48);
    d.in.noteOn(20, 50, 1.0);
    d.in.noteOff(30, 50);
    assertEquals(NoteCell.of(48), d.seq.song().patterns().get(0).line(0, 6).note(0));
    assertEquals(NoteCell.of(50), d.seq.song().patterns().get(0).line(0, 0).note(0));
    assertEquals(2, d.in.cursorLine());
    // Not recording: heard only.
    d.in.record(false);
    d.in.noteOn(0, 52, 1.0);
    assertEquals(2, d.seq.editor().undoDepth());
  }

  @Test
  void theQwertyLayoutIsTheTrackersTwoRows() {
    KeyboardLayout k = KeyboardLayout.QWERTY;
    assertEquals(60, k.key('z', 4));
    assertEquals(61, k.key('S', 4));
    assertEquals(71, k.key('m', 4));
    assertEquals(72, k.key(',', 4));
    assertEquals(72, k.key('q', 4));
    assertEquals(73, k.key('2', 4));
    assertEquals(84, k.key('i', 4));
    assertEquals(91, k.key(']', 4));
    assertEquals(-1, k.key('a', 4));
    assertEquals(-1, k.key('p', 9));
    assertTrue(k.isNoteOff('`'));
  }
}

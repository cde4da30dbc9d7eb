package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;

/** Selections and what block keys do with them: copy, cut, paste, transpose, interpolate, clear. */
class PatternEditorBlockTest {

  /** Notes on every line of every note column of pattern 0: key 40 + line + 10 · column. */
  private static Song full() {
    Song s = Songs.twoTracks();
    List<Edit> edits = new ArrayList<>();
    for (int line = 0; line < 16; line++) {
      edits.add(new Edit.SetNote(0, 0, line, 0, new NoteCell(40 + line, 0, 0x40, -1, 0)));
      edits.add(new Edit.SetNote(0, 1, line, 0, new NoteCell(50 + line, 1, -1, -1, 0)));
      edits.add(new Edit.SetNote(0, 1, line, 1, new NoteCell(60 + line, 1, -1, -1, 0)));
    }
    return Songs.with(s, edits.toArray(Edit[]::new));
  }

  private static void keys(PatternEditor e, Key key, int times) {
    for (int i = 0; i < times; i++) {
      e.key(key);
    }
  }

  @Test
  void shiftArrowsSelectWholeColumnsFromWhereTheyStarted() {
    PatternEditor e = Songs.editor(full());
    e.click(2, 0, 0, false);
    keys(e, Key.shift(Key.Code.DOWN), 3);
    keys(e, Key.shift(Key.Code.RIGHT), Grid.NOTE_STOPS);
    assertEquals(new Selection(2, 5, 0, 1), e.selection());
    e.key(Key.of(Key.Code.UP));
    assertNull(e.selection(), "moving without Shift drops it");
  }

  @Test
  void transposeBySemitoneAndOctaveChangesExactlyTheSelectedNotes() {
    Song before = Songs.with(full(), new Edit.SetNote(0, 1, 4, 0, NoteCell.off()));
    PatternEditor e = Songs.editor(before);
    // Keys' first note column (grid column 2), lines 3..6.
    e.click(3, 2, 0, false);
    e.click(6, 2, 0, true);
    PatternEditor.Outcome up = e.key(Key.ctrlShift(Key.Code.UP));
    assertEquals(3, up.change().edits().size(), "one change of three notes (the note-off stays)");
    assertEquals("Transpose 4 lines x 1 column by +12", up.change().label());
    Pattern b = before.patterns().getFirst();
    Pattern a = e.song().patterns().getFirst();
    for (int track = 0; track < 2; track++) {
      for (int line = 0; line < 16; line++) {
        for (int col = 0; col < 2; col++) {
          NoteCell was = b.line(track, line).note(col);
          NoteCell now = a.line(track, line).note(col);
          boolean selected = track == 1 && col == 0 && line >= 3 && line <= 6 && was.isNote();
          assertEquals(selected ? was.key() + 12 : was.key(), now.key(),
              "track " + track + " line " + line + " col " + col);
          assertEquals(was.instrument(), now.instrument());
        }
      }
    }
    e.key(Key.ctrl(Key.Code.DOWN));
    assertEquals(53 + 11, e.song().patterns().getFirst().line(1, 3).note(0).key(), "then a semitone down");
    assertEquals(before.patterns().get(1), e.song().patterns().get(1), "other patterns untouched");
  }

  @Test
  void withoutASelectionTransposeMovesTheNoteUnderTheCursorAndKeepsItInRange() {
    PatternEditor e = Songs.editor(Songs.with(Songs.twoTracks(), new Edit.SetNote(0, 0, 0, 0, NoteCell.of(120))));
    e.key(Key.ctrlShift(Key.Code.UP));
    assertEquals(127, e.song().patterns().getFirst().line(0, 0).note(0).key());
    assertEquals("no notes to transpose", Songs.editor(Songs.twoTracks()).key(Key.ctrl(Key.Code.UP)).message());
  }

  @Test
  void pasteWritesTheCopiedBlockAtTheCursorAsOneChange() {
    Song s = Songs.with(full(), new Edit.SetEffect(0, 0, 1, 0, new EffectCell('A', 0x04)));
    PatternEditor e = Songs.editor(s);
    e.click(0, 0, 0, false);
    e.click(2, 1, 0, true);
    assertEquals("Copied 3 lines x 2 columns", e.key(Key.ctrl('c')).message());
    e.click(9, 0, 0, false);
    PatternEditor.Outcome out = e.key(Key.ctrl('v'));
    assertEquals("Paste 3 lines at Lead line 009", out.change().label());
    Pattern p = e.song().patterns().getFirst();
    for (int i = 0; i < 3; i++) {
      assertEquals(p.line(0, i), p.line(0, 9 + i), "line " + (9 + i) + " is a copy of line " + i);
    }
    assertEquals(new NoteCell(52, 0, 0x40, -1, 0), p.line(0, 12).note(0), "below the block: as it was");
    assertEquals(new EffectCell('A', 0x04), p.line(0, 10).effect(0));
    assertEquals(s.patterns().getFirst().tracks().get(1), p.tracks().get(1), "the other track is untouched");
    assertEquals(out.change().edits().size(), 4, "three notes and one effect differed");
  }

  @Test
  void pasteLeavesOutWhatFallsOffThePatternOrOntoTheOtherKindOfColumn() {
    PatternEditor e = Songs.editor(full());
    e.click(0, 0, 0, false);
    e.click(3, 1, 0, true);
    e.key(Key.ctrl('c'));
    e.click(14, 0, 0, false);
    PatternEditor.Outcome out = e.key(Key.ctrl('v'));
    assertEquals(List.of(new Edit.SetNote(0, 0, 14, 0, new NoteCell(40, 0, 0x40, -1, 0)),
        new Edit.SetNote(0, 0, 15, 0, new NoteCell(41, 0, 0x40, -1, 0))), out.change().edits(),
        "lines 14 and 15 only; the empty effects were empty already");
    // One column to the right the clip's note column meets an effect column and vice versa.
    e.click(0, 1, 0, false);
    PatternEditor.Outcome across = e.key(Key.ctrl('v'));
    assertNull(across.change());
    assertEquals("nothing to paste here: the clipboard's columns are of another kind, or hold what is here already",
        across.message());
  }

  @Test
  void cutCopiesAndClearsInOneChange() {
    PatternEditor e = Songs.editor(full());
    e.click(0, 2, 0, false);
    e.click(1, 3, 0, true);
    PatternEditor.Outcome cut = e.key(Key.ctrl('x'));
    assertEquals(4, cut.change().edits().size());
    assertTrue(e.song().patterns().getFirst().line(1, 0).isEmpty());
    assertTrue(e.song().patterns().getFirst().line(1, 1).isEmpty());
    e.click(8, 2, 0, false);
    e.key(Key.ctrl('v'));
    assertEquals(new NoteCell(50, 1, -1, -1, 0), e.song().patterns().getFirst().line(1, 8).note(0));
    assertEquals(new NoteCell(61, 1, -1, -1, 0), e.song().patterns().getFirst().line(1, 9).note(1));
  }

  @Test
  void deleteWithASelectionClearsTheBlock() {
    PatternEditor e = Songs.editor(full());
    e.key(Key.ctrl('a'));
    PatternEditor.Outcome out = e.key(Key.of(Key.Code.DELETE));
    assertEquals(48, out.change().edits().size());
    assertTrue(e.song().patterns().getFirst().tracks().stream().flatMap(List::stream).allMatch(Line::isEmpty));
  }

  @Test
  void interpolateMakesTheLinearRampOfVolumeBetweenTheEndsOfTheSelection() {
    Song s = Songs.with(Songs.twoTracks(), new Edit.SetNote(0, 0, 2, 0, new NoteCell(60, 0, 0x00, -1, 0)),
        new Edit.SetNote(0, 0, 4, 0, NoteCell.of(64)), new Edit.SetNote(0, 0, 7, 0, new NoteCell(-1, -1, 0x50, -1, 0)));
    PatternEditor e = Songs.editor(s);
    e.click(2, 0, 3, false);
    e.click(7, 0, 3, true);
    PatternEditor.Outcome out = e.key(Key.ctrl('i'));
    assertEquals(4, out.change().edits().size(), "lines 3..6");
    Pattern p = e.song().patterns().getFirst();
    int[] expected = {0x00, 0x10, 0x20, 0x30, 0x40, 0x50};
    for (int i = 0; i < 6; i++) {
      assertEquals(expected[i], p.line(0, 2 + i).note(0).volume(), "line " + (2 + i));
    }
    assertEquals(64, p.line(0, 4).note(0).key(), "the note on the way keeps its key");
    assertEquals(NoteCell.NONE, p.line(0, 3).note(0).key(), "elsewhere a volume without a note");
  }

  @Test
  void interpolateRampsEffectValuesWithTheFirstLinesCommandAndPanningWhereTheCursorIs() {
    Song s = Songs.with(Songs.twoTracks(), new Edit.SetEffect(0, 0, 0, 0, new EffectCell('C', 0x00)),
        new Edit.SetEffect(0, 0, 3, 0, new EffectCell('C', 0x7F)),
        new Edit.SetNote(0, 0, 0, 0, new NoteCell(-1, -1, 0x10, 0x00, 0)),
        new Edit.SetNote(0, 0, 3, 0, new NoteCell(-1, -1, 0x10, 0x80, 0)));
    PatternEditor e = Songs.editor(s);
    e.click(0, 0, 5, false);
    e.click(3, 1, 0, true);
    e.key(Key.ctrl('i'));
    Pattern p = e.song().patterns().getFirst();
    assertEquals(List.of(new EffectCell('C', 0x2A), new EffectCell('C', 0x55)), List.of(p.line(0, 1).effect(0),
        p.line(0, 2).effect(0)), "round(127 / 3) = 42, round(254 / 3) = 85");
    // The cursor ended on the effect column, so the note column's field is the volume there.
    assertEquals(0x10, p.line(0, 1).note(0).volume());
  }

  @Test
  void interpolateSaysWhatItNeeds() {
    PatternEditor e = Songs.editor(Songs.twoTracks());
    assertEquals("select three lines or more to interpolate over (Shift+arrows)", e.key(Key.ctrl('i')).message());
    e.click(0, 0, 3, false);
    e.click(5, 0, 3, true);
    assertEquals("interpolate needs a value on the first and the last line of the selection",
        e.key(Key.ctrl('i')).message());
  }
}

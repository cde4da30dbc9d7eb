package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;

/** Cursor moves, pattern and order navigation, settings keys, following the playhead. */
class PatternEditorNavigationTest {

  private final PatternEditor e = Songs.editor(Songs.twoTracks());

  @Test
  void arrowsPagesHomeAndEndMoveWithinThePattern() {
    e.key(Key.of(Key.Code.UP));
    assertEquals(0, e.cursor().line(), "stops at the top");
    e.key(Key.of(Key.Code.PAGE_DOWN));
    assertEquals(15, e.cursor().line(), "16 lines down, kept within the 16-line pattern");
    e.key(Key.of(Key.Code.HOME));
    e.key(Key.of(Key.Code.DOWN));
    e.key(Key.of(Key.Code.DOWN));
    assertEquals(2, e.cursor().line());
    e.key(Key.of(Key.Code.END));
    assertEquals(15, e.cursor().line());
    e.key(Key.of(Key.Code.PAGE_UP));
    assertEquals(0, e.cursor().line());
    assertFalse(e.key(Key.ctrl(Key.Code.PAGE_DOWN)).handled(), "Ctrl+PgDn is the workbench's next panel");
  }

  @Test
  void leftAndRightStepThroughTheStopsAndIntoTheNextColumn() {
    for (int i = 0; i < Grid.NOTE_STOPS - 1; i++) {
      e.key(Key.of(Key.Code.RIGHT));
    }
    assertEquals(new Cursor(0, 0, 8), e.cursor());
    assertEquals(Field.DELAY, e.field());
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(new Cursor(0, 1, 0), e.cursor(), "Lead's effect command");
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(new Cursor(0, 2, 0), e.cursor(), "an empty effect has two digits, then Keys' note");
    e.key(Key.of(Key.Code.LEFT));
    assertEquals(new Cursor(0, 1, 2), e.cursor(), "back onto the effect's last digit");
  }

  @Test
  void aFourDigitEffectHasFourDigitStops() {
    PatternEditor w = Songs.editor(Songs.with(Songs.twoTracks(),
        new Edit.SetEffect(0, 0, 0, 0, new EffectCell('W', 0x8000))));
    w.click(0, 1, 0, false);
    for (int i = 0; i < 4; i++) {
      w.key(Key.of(Key.Code.RIGHT));
    }
    assertEquals(new Cursor(0, 1, 4), w.cursor());
    w.key(Key.of(Key.Code.DOWN));
    assertEquals(2, w.stop(), "on a line with an empty effect the cursor shows on its last digit");
  }

  @Test
  void tabAndShiftTabGoToTheNextAndPreviousTrackAndWrap() {
    e.key(Key.of(Key.Code.TAB));
    assertEquals(new Cursor(0, 2, 0), e.cursor(), "Keys' first column");
    e.key(Key.of(Key.Code.TAB));
    assertEquals(new Cursor(0, 0, 0), e.cursor(), "wraps to Lead");
    e.key(Key.shift(Key.Code.TAB));
    assertEquals(new Cursor(0, 2, 0), e.cursor());
  }

  @Test
  void altLeftAndRightWalkTheOrderListAndKeepTheLineWherePossible() {
    e.key(Key.of(Key.Code.END));
    e.key(Key.alt(Key.Code.RIGHT));
    assertEquals(1, e.order());
    assertEquals(1, e.pattern());
    assertEquals(15, e.cursor().line());
    e.key(Key.of(Key.Code.END));
    e.key(Key.alt(Key.Code.RIGHT));
    assertEquals(2, e.order());
    assertEquals(0, e.pattern());
    assertEquals(15, e.cursor().line(), "pattern 0 has 16 lines");
    e.key(Key.alt(Key.Code.RIGHT));
    assertEquals(2, e.order(), "the last entry stays");
  }

  @Test
  void settingsKeysChangeOctaveStepInstrumentAndFollowWithinTheirRanges() {
    for (int i = 0; i < 12; i++) {
      e.key(Key.of(Key.Code.OCTAVE_UP));
      e.key(Key.of(Key.Code.STEP_UP));
    }
    assertEquals(9, e.octave());
    assertEquals(13, e.step());
    e.key(Key.alt(Key.Code.DOWN));
    e.key(Key.alt(Key.Code.DOWN));
    e.key(Key.alt(Key.Code.DOWN));
    assertEquals(1, e.instrument(), "two instruments: -1, 0, 1");
    e.key(Key.of(Key.Code.SCROLL_LOCK));
    assertTrue(e.follow());
    PatternEditor.Outcome high = e.key(Key.of('p'));
    assertEquals("that key is above G-9 at octave 9", high.message());
  }

  @Test
  void followingShowsTheOrderEntryAndLineThatPlay() {
    e.followTo(new Playhead(1, 1, 20, 12345));
    assertEquals(0, e.order(), "not following");
    e.follow(true);
    e.followTo(new Playhead(1, 1, 20, 12345));
    assertEquals(1, e.order());
    assertEquals(20, e.cursor().line());
  }

  @Test
  void aNewSongKeepsTheCursorWhereItStillFits() {
    e.click(10, 4, 2, false);
    Song shorter = Songs.with(Songs.twoTracks(), new Edit.SetPatternLength(0, 8), new Edit.SetTrack(1,
        Songs.twoTracks().tracks().get(1).withColumns(1, 1)));
    e.load(shorter);
    assertEquals(new Cursor(7, 3, 2), e.cursor(), "last line, last column");
    assertEquals(4, e.grid().size());
  }

  @Test
  void aNewPatternGoesIntoTheOrderAfterTheEntryOnShowAndIsShown() {
    e.key(Key.alt(Key.Code.RIGHT));
    PatternEditor.Outcome out = e.addPattern();
    assertEquals("Add pattern 02 at order 02", out.change().label());
    assertEquals(java.util.List.of(0, 1, 2, 0), e.song().order());
    assertEquals(32, e.song().patterns().get(2).length(), "as long as the pattern on show");
    assertEquals(2, e.order());
    assertEquals(2, e.pattern());
  }

  @Test
  void removingAnEntryKeepsThePatternAndTheLastEntry() {
    e.key(Key.alt(Key.Code.RIGHT));
    assertEquals(java.util.List.of(new Edit.SetOrder(java.util.List.of(0, 0))), e.removeEntry().change().edits());
    assertEquals(2, e.song().patterns().size());
    e.removeEntry();
    assertEquals("the order list keeps its last entry", e.removeEntry().message());
    assertEquals(java.util.List.of(0), e.song().order());
  }

  @Test
  void resizingThePatternIsOneMergeableEditAndKeepsTheCursorInside() {
    e.key(Key.of(Key.Code.END));
    PatternEditor.Outcome out = e.resize(8);
    assertEquals(java.util.List.of(new Edit.SetPatternLength(0, 8)), out.change().edits());
    assertEquals("length:0", out.change().mergeKey());
    assertEquals(7, e.cursor().line());
    assertFalse(e.resize(8).handled(), "the same length changes nothing");
  }
}

package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Song;

/** Typing into cells: what each key writes, where, and where the cursor goes next. */
class PatternEditorTypingTest {

  private final Song base = Songs.twoTracks();

  private static NoteCell note(PatternEditor e, int track, int line, int column) {
    return e.song().patterns().get(e.pattern()).line(track, line).note(column);
  }

  private static EffectCell effect(PatternEditor e, int track, int line, int column) {
    return e.song().patterns().get(e.pattern()).line(track, line).effect(column);
  }

  private static List<PatternEditor.Outcome> type(PatternEditor e, String keys) {
    return keys.chars().mapToObj(c -> e.key(Key.of((char) c))).toList();
  }

  @Test
  void zxcAtOctaveFourWithStepOneTypesCDEOnConsecutiveLinesWithTheCurrentInstrument() {
    PatternEditor e = Songs.editor(base);
    e.instrument(1);
    List<PatternEditor.Outcome> out = type(e, "zxc");
    assertEquals(new NoteCell(60, 1, -1, -1, 0), note(e, 0, 0, 0), "C-4");
    assertEquals(new NoteCell(62, 1, -1, -1, 0), note(e, 0, 1, 0), "D-4");
    assertEquals(new NoteCell(64, 1, -1, -1, 0), note(e, 0, 2, 0), "E-4");
    assertEquals(3, e.cursor().line(), "the cursor moved one step per note");
    for (int i = 0; i < 3; i++) {
      assertEquals(List.of(new Edit.SetNote(0, 0, i, 0, note(e, 0, i, 0))), out.get(i).change().edits(),
          "one sequencer edit per key, one journal entry each");
    }
    assertEquals("Type C-4 at Lead line 000", out.get(0).change().label());
    assertTrue(note(e, 0, 3, 0).isEmpty(), "nothing else written");
  }

  @Test
  void zsxIsCThenCSharpThenDBecauseTheSharpsAreOnTheRowAbove() {
    PatternEditor e = Songs.editor(base);
    type(e, "zsx");
    assertEquals(List.of(60, 61, 62), List.of(note(e, 0, 0, 0).key(), note(e, 0, 1, 0).key(), note(e, 0, 2, 0).key()));
    assertEquals(-1, note(e, 0, 0, 0).instrument(), "instrument -- (the track's own) by default");
  }

  @Test
  void theUpperRowPlaysAnOctaveAboveAndTheOctaveKeysMoveBoth() {
    PatternEditor e = Songs.editor(base);
    type(e, "q");
    e.key(Key.of(Key.Code.OCTAVE_DOWN));
    type(e, "q");
    e.key(Key.of(Key.Code.OCTAVE_UP));
    e.key(Key.of(Key.Code.OCTAVE_UP));
    type(e, "z");
    assertEquals(List.of(72, 60, 72), List.of(note(e, 0, 0, 0).key(), note(e, 0, 1, 0).key(), note(e, 0, 2, 0).key()));
    assertEquals(5, e.octave());
  }

  @Test
  void theNoteOffKeyTypesOffAndKeepsOnlyTheDelay() {
    Song s = Songs.with(base, new Edit.SetNote(0, 0, 0, 0, new NoteCell(60, 1, 0x40, 0x20, 0x80)));
    PatternEditor e = Songs.editor(s);
    type(e, "`");
    assertEquals(new NoteCell(NoteCell.OFF, -1, -1, -1, 0x80), note(e, 0, 0, 0));
    assertEquals("OFF", CellText.key(note(e, 0, 0, 0).key()));
  }

  @Test
  void aNoteTypedOverAnotherKeepsItsVolumePanningAndDelay() {
    Song s = Songs.with(base, new Edit.SetNote(0, 0, 0, 0, new NoteCell(48, 0, 0x30, 0x10, 0x20)));
    PatternEditor e = Songs.editor(s);
    e.instrument(1);
    type(e, "e");
    assertEquals(new NoteCell(76, 1, 0x30, 0x10, 0x20), note(e, 0, 0, 0));
  }

  @Test
  void hexDigitsTypeTheVolumeHighDigitThenLowDigit() {
    PatternEditor e = Songs.editor(base);
    e.step(0);
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(Field.VOLUME, e.field());
    type(e, "4");
    assertEquals(0x40, note(e, 0, 0, 0).volume(), "high digit; the empty low digit counts as 0");
    e.key(Key.of(Key.Code.RIGHT));
    type(e, "c");
    assertEquals(new NoteCell(NoteCell.NONE, -1, 0x4C, -1, 0), note(e, 0, 0, 0), "a volume without a note");
    e.key(Key.of(Key.Code.LEFT));
    type(e, "9");
    assertEquals(0x80, note(e, 0, 0, 0).volume(), "volume stops at 80");
  }

  @Test
  void hexEntryMovesDownByTheEditStepAndStaysOnTheDigit() {
    PatternEditor e = Songs.editor(base);
    e.step(2);
    for (int i = 0; i < 3; i++) {
      e.key(Key.of(Key.Code.RIGHT));
    }
    type(e, "25");
    assertEquals(0x20, note(e, 0, 0, 0).volume());
    assertEquals(0x50, note(e, 0, 2, 0).volume());
    assertEquals(new Cursor(4, 0, 3), e.cursor());
  }

  @Test
  void panningAndDelayTakeHexDigitsToo() {
    PatternEditor e = Songs.editor(base);
    e.step(0);
    for (int i = 0; i < 5; i++) {
      e.key(Key.of(Key.Code.RIGHT));
    }
    assertEquals(Field.PAN, e.field());
    type(e, "8");
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(Field.DELAY, e.field());
    type(e, "f");
    e.key(Key.of(Key.Code.RIGHT));
    type(e, "f");
    assertEquals(new NoteCell(NoteCell.NONE, -1, -1, 0x80, 0xFF), note(e, 0, 0, 0));
  }

  @Test
  void anInstrumentTheSongDoesNotHaveIsRefusedWithAMessage() {
    PatternEditor e = Songs.editor(base);
    e.key(Key.of(Key.Code.RIGHT));
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(Field.INSTRUMENT, e.field());
    PatternEditor.Outcome out = e.key(Key.of('5'));
    assertNull(out.change());
    assertEquals("no instrument 05: the song has 2", out.message());
    assertTrue(note(e, 0, 0, 0).isEmpty());
    assertEquals(0, e.cursor().line(), "the cursor stays on a refused digit");
  }

  @Test
  void anEffectIsACommandLetterAndItsDigits() {
    PatternEditor e = Songs.editor(base);
    e.step(0);
    e.key(Key.of(Key.Code.TAB));
    e.key(Key.of(Key.Code.TAB));
    for (int i = 0; i < Grid.NOTE_STOPS; i++) {
      e.key(Key.of(Key.Code.RIGHT));
    }
    assertEquals(new Cursor(0, 1, 0), e.cursor(), "Tab wrapped to Lead; the effect column's command");
    type(e, "a");
    e.key(Key.of(Key.Code.RIGHT));
    type(e, "0");
    e.key(Key.of(Key.Code.RIGHT));
    type(e, "f");
    assertEquals(new EffectCell('A', 0x0F), effect(e, 0, 0, 0));
    assertEquals("A0F  ", CellText.effect(effect(e, 0, 0, 0)));
    e.key(Key.of(Key.Code.RIGHT));
    assertEquals(new Cursor(0, 2, 0), e.cursor(), "A takes two digits: after the second comes Keys' note");
  }

  @Test
  void aTempoCommandTakesThreeDigitsAndChangingTheCommandKeepsTheValue() {
    PatternEditor e = Songs.editor(Songs.with(base, new Edit.SetEffect(0, 0, 0, 0, new EffectCell('C', 0x40))));
    e.step(0);
    e.click(0, 1, 0, false);
    type(e, "t");
    assertEquals(new EffectCell('T', 0x40), effect(e, 0, 0, 0));
    e.key(Key.of(Key.Code.RIGHT));
    type(e, "1");
    assertEquals(new EffectCell('T', 0x140), effect(e, 0, 0, 0), "the first of three digits");
    assertEquals("T140 ", CellText.effect(effect(e, 0, 0, 0)));
  }

  @Test
  void aCharacterThatIsNoCommandIsRefusedWithTheList() {
    PatternEditor e = Songs.editor(base);
    e.click(0, 1, 0, false);
    PatternEditor.Outcome out = e.key(Key.of('5'));
    assertNull(out.change());
    assertEquals("no effect command 5 (known: " + EffectCell.COMMANDS + ")", out.message());
  }

  @Test
  void deleteClearsThePartUnderTheCursorAndMovesDown() {
    Song s = Songs.with(base, new Edit.SetNote(0, 0, 0, 0, new NoteCell(60, 1, 0x40, -1, 0)),
        new Edit.SetNote(0, 0, 1, 0, new NoteCell(62, 1, 0x40, -1, 0)));
    PatternEditor e = Songs.editor(s);
    e.click(0, 0, 3, false);
    e.key(Key.of(Key.Code.DELETE));
    assertEquals(new NoteCell(60, 1, -1, -1, 0), note(e, 0, 0, 0), "the volume only");
    e.click(1, 0, 0, false);
    e.key(Key.of(Key.Code.DELETE));
    assertTrue(note(e, 0, 1, 0).isEmpty(), "on the note: the whole cell");
    assertEquals(2, e.cursor().line());
  }

  @Test
  void insertAndBackspaceShiftTheTrackOrWithShiftEveryTrack() {
    PatternEditor e = Songs.editor(base);
    e.click(5, 3, 0, false);
    assertEquals(List.of(new Edit.InsertLine(0, 1, 5)), e.key(Key.of(Key.Code.INSERT)).change().edits());
    assertEquals(List.of(new Edit.DeleteLine(0, 1, 5)), e.key(Key.of(Key.Code.BACKSPACE)).change().edits());
    assertEquals(List.of(new Edit.InsertLine(0, -1, 5)), e.key(Key.shift(Key.Code.INSERT)).change().edits());
    assertEquals("Insert line 005 in every track", e.key(Key.shift(Key.Code.INSERT)).change().label());
    assertEquals(5, e.cursor().line());
  }

  @Test
  void fastTypingBuildsOnItsOwnEditsBeforeTheWorkbenchAnswers() {
    PatternEditor e = Songs.editor(base);
    e.step(0);
    e.click(0, 0, 3, false);
    type(e, "4");
    e.key(Key.of(Key.Code.RIGHT));
    PatternEditor.Outcome second = e.key(Key.of('8'));
    assertEquals(List.of(new Edit.SetNote(0, 0, 0, 0, new NoteCell(NoteCell.NONE, -1, 0x48, -1, 0))),
        second.change().edits(), "the second digit's edit carries the first one's");
  }

  @Test
  void ctrlAndAltLettersDoNotTypeNotes() {
    PatternEditor e = Songs.editor(base);
    assertFalse(e.key(Key.ctrl('z')).handled(), "Ctrl+Z is the workbench's undo");
    assertFalse(e.key(new Key(Key.Code.CHAR, 'z', false, false, true)).handled());
    assertTrue(note(e, 0, 0, 0).isEmpty());
  }
}

package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;

/** Where columns and stops lie in the grid's characters, and how cells read. */
class GridTest {

  private final Grid grid = new Grid(Songs.twoTracks().tracks());

  @Test
  void columnsAndTracksLieSideBySideWithASpaceBetween() {
    assertEquals(6, grid.size());
    assertEquals(new Column(1, true, 1), grid.column(5));
    assertEquals(2, grid.firstColumn(1));
    assertEquals(1, grid.columnX(0), "one character of margin in each track");
    assertEquals(17, grid.columnX(1));
    assertEquals(23, grid.trackX(1));
    assertEquals(24, grid.columnX(2));
    assertEquals(23 + 1 + 2 * 16 + 2 * 6, grid.width());
  }

  @Test
  void aCharacterPicksTheColumnAndTheStopUnderIt() {
    assertNull(grid.at(0));
    assertArrayEquals(new int[] {0, 0}, grid.at(3), "inside the note name");
    assertArrayEquals(new int[] {0, 4}, grid.at(1 + 8), "volume's low digit");
    assertArrayEquals(new int[] {1, 2}, grid.at(17 + 2));
    assertArrayEquals(new int[] {2, 0}, grid.at(24));
  }

  @Test
  void stopsNameTheirFieldAndDigit() {
    assertEquals(Field.PAN, grid.field(0, 6));
    assertEquals(1, grid.digit(0, 6));
    assertEquals(0, grid.digit(0, 1));
    assertEquals(Field.VALUE, grid.field(1, 3));
    assertEquals(2, grid.digit(1, 3));
    assertEquals(3, grid.stops(1, EffectCell.EMPTY));
    assertEquals(4, grid.stops(1, new EffectCell('M', 0x080)));
    assertEquals(5, grid.stops(1, new EffectCell('W', 0x8000)));
    assertEquals(Grid.NOTE_STOPS, grid.stops(0, EffectCell.EMPTY));
  }

  @Test
  void cellsReadAsInATracker() {
    assertEquals("C-4 02 40 .. 80", CellText.note(new NoteCell(60, 2, 0x40, -1, 0x80)));
    assertEquals("--- .. .. .. ..", CellText.note(NoteCell.EMPTY));
    assertEquals("OFF .. .. .. ..", CellText.note(NoteCell.off()));
    assertEquals("005 .. .. .. ..", CellText.note(NoteCell.of(5)), "keys below C-0 have no name");
    assertEquals(Column.NOTE_WIDTH, CellText.note(NoteCell.EMPTY).length());
    assertEquals("...  ", CellText.effect(EffectCell.EMPTY));
    assertEquals("M080 ", CellText.effect(new EffectCell('M', 0x80)));
    assertEquals("W8000", CellText.effect(new EffectCell('W', 0x8000)));
    assertEquals("03F", CellText.line(63, true));
    assertEquals("063", CellText.line(63, false));
  }
}

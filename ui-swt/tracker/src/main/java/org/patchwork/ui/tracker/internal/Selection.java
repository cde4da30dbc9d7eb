package org.patchwork.ui.tracker.internal;

/**
 * A block of the pattern: lines {@code firstLine..lastLine} of grid columns
 * {@code firstColumn..lastColumn}, both ends included. Whole columns are selected, as in most
 * trackers: a block copies notes with their instrument, volume, panning and delay.
 */
record Selection(int firstLine, int lastLine, int firstColumn, int lastColumn) {

  /** The block spanned by two cursors, in any order. */
  static Selection of(Cursor a, Cursor b) {
    return new Selection(Math.min(a.line(), b.line()), Math.max(a.line(), b.line()),
        Math.min(a.column(), b.column()), Math.max(a.column(), b.column()));
  }

  /** The single cell under a cursor. */
  static Selection at(Cursor c) {
    return new Selection(c.line(), c.line(), c.column(), c.column());
  }

  boolean contains(int line, int column) {
    return line >= firstLine && line <= lastLine && column >= firstColumn && column <= lastColumn;
  }

  int lines() {
    return lastLine - firstLine + 1;
  }

  int columns() {
    return lastColumn - firstColumn + 1;
  }
}

package org.patchwork.ui.tracker.internal;

/**
 * Where the pattern editor's cursor is: a line, a column of the grid (counted over every track,
 * see {@link Grid}) and a stop inside it ({@link Grid#field}).
 *
 * @param line the pattern line
 * @param column the grid column
 * @param stop the cursor stop inside the column
 */
record Cursor(int line, int column, int stop) {

  /** The top-left cell. */
  static final Cursor HOME = new Cursor(0, 0, 0);

  Cursor atLine(int value) {
    return new Cursor(value, column, stop);
  }
}

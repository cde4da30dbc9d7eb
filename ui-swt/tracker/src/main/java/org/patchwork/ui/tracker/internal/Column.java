package org.patchwork.ui.tracker.internal;

/**
 * One column of the pattern grid: a note column or an effect column of a song track.
 *
 * @param track the song track's index
 * @param effect whether it is an effect column (else a note column)
 * @param index the column's index among the track's note or effect columns
 */
record Column(int track, boolean effect, int index) {

  /** Characters a note column takes: {@code C-4 01 40 40 80}. */
  static final int NOTE_WIDTH = 15;
  /** Characters an effect column takes: a command and up to four value digits, {@code W8000}. */
  static final int EFFECT_WIDTH = 5;

  /** Its width in characters. */
  int width() {
    return effect ? EFFECT_WIDTH : NOTE_WIDTH;
  }

  /** Whether a cell written in {@code other} may be pasted into this column. */
  boolean sameKind(Column other) {
    return effect == other.effect;
  }
}

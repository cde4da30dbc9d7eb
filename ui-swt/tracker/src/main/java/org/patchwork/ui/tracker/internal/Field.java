package org.patchwork.ui.tracker.internal;

/** The part of a cell a cursor stop edits. */
enum Field {
  /** The note of a note column: the piano keys type here. */
  NOTE,
  INSTRUMENT,
  VOLUME,
  PAN,
  DELAY,
  /** The command letter of an effect column. */
  COMMAND,
  /** The value digits of an effect column. */
  VALUE;

  /** Whether hex digits type into it. */
  boolean hex() {
    return this != NOTE && this != COMMAND;
  }
}

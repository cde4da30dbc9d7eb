package org.patchwork.ui.tracker.internal;

/**
 * A key press as the pattern editor reads it, free of SWT so the editing logic is tested without
 * a display: the view translates SWT's key events into these.
 *
 * @param code what was pressed; {@link Code#CHAR} for a printable character
 * @param character the character typed (lower case for letters), or 0
 * @param shift whether Shift was held
 * @param ctrl whether Ctrl was held
 * @param alt whether Alt was held
 */
record Key(Code code, char character, boolean shift, boolean ctrl, boolean alt) {

  /** The keys the editor knows besides characters. */
  enum Code {
    CHAR, UP, DOWN, LEFT, RIGHT, PAGE_UP, PAGE_DOWN, HOME, END, TAB, DELETE, INSERT, BACKSPACE,
    /** Numeric keypad {@code *} and {@code /}: octave up and down. */
    OCTAVE_UP, OCTAVE_DOWN,
    /** Numeric keypad {@code +} and {@code -}: edit step up and down. */
    STEP_UP, STEP_DOWN,
    SCROLL_LOCK
  }

  /** A character typed without modifiers. */
  static Key of(char c) {
    return new Key(Code.CHAR, c, false, false, false);
  }

  /** A key without modifiers. */
  static Key of(Code code) {
    return new Key(code, (char) 0, false, false, false);
  }

  /** A key with Shift. */
  static Key shift(Code code) {
    return new Key(code, (char) 0, true, false, false);
  }

  /** A key with Ctrl. */
  static Key ctrl(Code code) {
    return new Key(code, (char) 0, false, true, false);
  }

  /** A character with Ctrl, such as Ctrl+C. */
  static Key ctrl(char c) {
    return new Key(Code.CHAR, c, false, true, false);
  }

  /** A key with Ctrl and Shift. */
  static Key ctrlShift(Code code) {
    return new Key(code, (char) 0, true, true, false);
  }

  /** A key with Alt. */
  static Key alt(Code code) {
    return new Key(code, (char) 0, false, false, true);
  }
}

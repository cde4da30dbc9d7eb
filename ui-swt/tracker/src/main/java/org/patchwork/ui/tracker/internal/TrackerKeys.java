package org.patchwork.ui.tracker.internal;

import java.util.List;

/**
 * The pattern editor's keys as the help panel and the user guide list them. Chosen not to clash
 * with the workbench's own (Space, Esc, Ctrl+Z/Y/S/O/N/Q, Ctrl+PgUp/PgDn, Alt+1..9, F1) nor with
 * the piano keys, which take the two letter rows with their digits and {@code , . ; / [ ] =}.
 */
final class TrackerKeys {

  /** {keys, what they do}, in the order the help lists them. */
  static final List<String[]> ALL = List.of(
      new String[] {"Z S X D C V .. / and Q 2 W 3 E .. ]", "Type a note (two-row piano), then move down by the step"},
      new String[] {"`", "Type a note-off"},
      new String[] {"0-9 A-F", "Type a hex digit (instrument, volume, pan, delay, effect value)"},
      new String[] {"Letter in the effect command",
          "Set the effect command (0 1 2 3 4 7 8 9 A B C D F L M N P Q T W X Y Z)"},
      new String[] {"Arrows, PgUp / PgDn, Home / End", "Move the cursor (PgUp / PgDn: 16 lines)"},
      new String[] {"Tab / Shift+Tab", "Next / previous track"},
      new String[] {"Shift+arrows, Shift+PgUp/PgDn/Home/End, Shift+click, drag", "Select a block"},
      new String[] {"Ctrl+A", "Select the whole pattern"},
      new String[] {"Delete", "Clear the cell part under the cursor, or the selected block"},
      new String[] {"Insert / Backspace", "Insert / delete a line in the track (with Shift: in every track)"},
      new String[] {"Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste a block"},
      new String[] {"Ctrl+Up / Ctrl+Down", "Transpose the selection (or the note) a semitone up / down"},
      new String[] {"Ctrl+Shift+Up / Ctrl+Shift+Down", "Transpose the selection an octave up / down"},
      new String[] {"Ctrl+I", "Interpolate volume (pan, delay or effect value) over the selection"},
      new String[] {"Keypad * / Keypad /", "Octave up / down"},
      new String[] {"Keypad + / Keypad -", "Edit step up / down"},
      new String[] {"Alt+Up / Alt+Down", "Previous / next instrument"},
      new String[] {"Alt+Left / Alt+Right", "Previous / next pattern in the order list"},
      new String[] {"Scroll Lock", "Follow the playhead on / off"});

  private TrackerKeys() {
  }
}

package org.patchwork.ui.tracker.internal;

import java.util.Locale;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.NoteNames;

/** How cells read on the grid, in the fixed widths of {@link Column}. */
final class CellText {

  private CellText() {
  }

  /** {@code C-4 02 40 .. ..}: note, instrument, volume, panning, delay; dots for what is not set. */
  static String note(NoteCell c) {
    return key(c.key()) + ' ' + hex(c.instrument()) + ' ' + hex(c.volume()) + ' ' + hex(c.pan()) + ' '
        + (c.delay() == 0 ? ".." : hex(c.delay()));
  }

  /** {@code C-4}, {@code C#4}, {@code OFF}, or {@code ---} for none. */
  static String key(int key) {
    if (key == NoteCell.NONE) {
      return "---";
    }
    String name = NoteNames.format(key);
    // Keys 0..11 have no tracker name (octave -1); a file may still hold them.
    return name != null ? name : String.format(Locale.ROOT, "%03d", key);
  }

  /** {@code A0F  }, {@code M080 }, {@code W8000}: the command and its digits, padded to five; dots when empty. */
  static String effect(EffectCell e) {
    String text = e.isEmpty() ? "..." : e.command() + String.format(Locale.ROOT, "%0" + Grid.digits(e.command()) + "X",
        e.value());
    return (text + "     ").substring(0, Column.EFFECT_WIDTH);
  }

  /** Two hex digits, or {@code ..} for -1. */
  static String hex(int value) {
    return value < 0 ? ".." : String.format(Locale.ROOT, "%02X", value);
  }

  /** A line number as the grid shows it: three hex digits or three decimal ones. */
  static String line(int line, boolean hex) {
    return String.format(Locale.ROOT, hex ? "%03X" : "%03d", line);
  }
}

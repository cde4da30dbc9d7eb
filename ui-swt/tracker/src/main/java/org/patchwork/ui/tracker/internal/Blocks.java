package org.patchwork.ui.tracker.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;

/**
 * The pattern editor's block operations as sequencer edits: read, copy, clear, paste, transpose
 * and interpolate cells of one pattern. Each returns only the edits that change something, so
 * an operation that changes nothing makes no journal entry.
 */
final class Blocks {

  private Blocks() {
  }

  /** The note cell at {@code line} of a note column. */
  static NoteCell note(Song song, int pattern, Column c, int line) {
    return song.patterns().get(pattern).line(c.track(), line).note(c.index());
  }

  /** The effect cell at {@code line} of an effect column. */
  static EffectCell effect(Song song, int pattern, Column c, int line) {
    return song.patterns().get(pattern).line(c.track(), line).effect(c.index());
  }

  /** The cell at {@code line} of a column, of either kind. */
  static Object cell(Song song, int pattern, Column c, int line) {
    return c.effect() ? effect(song, pattern, c, line) : note(song, pattern, c, line);
  }

  /** The edit writing {@code cell} ({@link NoteCell} or {@link EffectCell}), or null when it is there already. */
  static Edit set(Song song, int pattern, Column c, int line, Object cell) {
    if (cell.equals(cell(song, pattern, c, line))) {
      return null;
    }
    return c.effect() ? new Edit.SetEffect(pattern, c.track(), line, c.index(), (EffectCell) cell)
        : new Edit.SetNote(pattern, c.track(), line, c.index(), (NoteCell) cell);
  }

  /** The cells of a block. */
  static Clip copy(Song song, int pattern, Grid grid, Selection s) {
    List<Boolean> kinds = new ArrayList<>();
    List<List<Object>> cells = new ArrayList<>();
    for (int c = s.firstColumn(); c <= s.lastColumn(); c++) {
      Column col = grid.column(c);
      kinds.add(col.effect());
      List<Object> lines = new ArrayList<>();
      for (int l = s.firstLine(); l <= s.lastLine(); l++) {
        lines.add(cell(song, pattern, col, l));
      }
      cells.add(lines);
    }
    return new Clip(kinds, cells);
  }

  /** Empties every cell of a block. */
  static List<Edit> clear(Song song, int pattern, Grid grid, Selection s) {
    List<Edit> out = new ArrayList<>();
    for (int c = s.firstColumn(); c <= s.lastColumn(); c++) {
      Column col = grid.column(c);
      for (int l = s.firstLine(); l <= s.lastLine(); l++) {
        add(out, set(song, pattern, col, l, col.effect() ? EffectCell.EMPTY : NoteCell.EMPTY));
      }
    }
    return out;
  }

  /**
   * Writes a clip with its top-left cell at {@code at}: columns past the last, lines past the
   * pattern's end and cells that do not fit the kind of column they land on are left out.
   */
  static List<Edit> paste(Song song, int pattern, Grid grid, Clip clip, Cursor at) {
    List<Edit> out = new ArrayList<>();
    int length = song.patterns().get(pattern).length();
    for (int c = 0; c < clip.columns(); c++) {
      int target = at.column() + c;
      if (target >= grid.size() || grid.column(target).effect() != clip.effect().get(c)) {
        continue;
      }
      for (int l = 0; l < clip.lines() && at.line() + l < length; l++) {
        Object cell = clip.cells().get(c).get(l);
        if (cell instanceof NoteCell n && n.instrument() >= song.instruments().size()) {
          // From another song with more instruments: keep the note, play it on the track's own output.
          cell = n.withInstrument(-1);
        }
        add(out, set(song, pattern, grid.column(target), at.line() + l, cell));
      }
    }
    return out;
  }

  /** Moves every note (not note-offs) of the block's note columns by {@code semitones}, kept within 0..127. */
  static List<Edit> transpose(Song song, int pattern, Grid grid, Selection s, int semitones) {
    List<Edit> out = new ArrayList<>();
    for (int c = s.firstColumn(); c <= s.lastColumn(); c++) {
      Column col = grid.column(c);
      if (col.effect()) {
        continue;
      }
      for (int l = s.firstLine(); l <= s.lastLine(); l++) {
        NoteCell n = note(song, pattern, col, l);
        if (n.isNote()) {
          int key = Math.clamp(n.key() + semitones, 0, 127);
          add(out, set(song, pattern, col, l, new NoteCell(key, n.instrument(), n.volume(), n.pan(), n.delay())));
        }
      }
    }
    return out;
  }

  /**
   * A linear ramp over the block, per column, from the value on its first line to the value on
   * its last: the volume, panning or delay of note columns ({@code field}) and the value of effect
   * columns (with the first line's command). Line {@code i} of {@code n} gets
   * {@code round(a + (b - a) · i / (n - 1))}. A column without a value on both ends is left as it is.
   */
  static List<Edit> interpolate(Song song, int pattern, Grid grid, Selection s, Field field) {
    List<Edit> out = new ArrayList<>();
    int n = s.lines();
    if (n < 3) {
      return out;
    }
    for (int c = s.firstColumn(); c <= s.lastColumn(); c++) {
      Column col = grid.column(c);
      if (col.effect()) {
        EffectCell a = effect(song, pattern, col, s.firstLine());
        EffectCell b = effect(song, pattern, col, s.lastLine());
        if (a.isEmpty() || b.isEmpty()) {
          continue;
        }
        for (int i = 1; i < n - 1; i++) {
          EffectCell value = new EffectCell(a.command(), ramp(a.value(), b.value(), i, n));
          add(out, set(song, pattern, col, s.firstLine() + i, value));
        }
      } else {
        int a = part(note(song, pattern, col, s.firstLine()), field);
        int b = part(note(song, pattern, col, s.lastLine()), field);
        if (a < 0 || b < 0) {
          continue;
        }
        for (int i = 1; i < n - 1; i++) {
          int line = s.firstLine() + i;
          add(out, set(song, pattern, col, line, with(note(song, pattern, col, line), field, ramp(a, b, i, n))));
        }
      }
    }
    return out;
  }

  static int ramp(int a, int b, int i, int n) {
    return (int) Math.round(a + (b - a) * (double) i / (n - 1));
  }

  /** The volume, panning or delay of a note cell; -1 when not set (a delay of 0 counts as set). */
  static int part(NoteCell n, Field field) {
    return switch (field) {
      case PAN -> n.pan();
      case DELAY -> n.delay();
      case INSTRUMENT -> n.instrument();
      default -> n.volume();
    };
  }

  /** A note cell with one part replaced. */
  static NoteCell with(NoteCell n, Field field, int value) {
    return switch (field) {
      case PAN -> n.withPan(value);
      case DELAY -> n.withDelay(value);
      case INSTRUMENT -> n.withInstrument(value);
      default -> n.withVolume(value);
    };
  }

  /** The pattern's length in lines. */
  static int length(Song song, int pattern) {
    Pattern p = song.patterns().get(pattern);
    return p.length();
  }

  private static void add(List<Edit> out, Edit e) {
    if (e != null) {
      out.add(e);
    }
  }
}

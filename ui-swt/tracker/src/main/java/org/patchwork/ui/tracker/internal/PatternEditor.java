package org.patchwork.ui.tracker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.KeyboardLayout;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;

/**
 * The pattern editor without its widgets: the song as last seen (with this editor's own changes
 * applied at once, so fast typing builds on itself before the workbench answers), the pattern on
 * show, cursor, selection, octave, edit step, current instrument and clipboard. A key becomes a
 * cursor move or a {@link Change} of sequencer edits for the workbench; see {@link Key} for the
 * keys and the user guide for what they do.
 *
 * <p>Thread: one (the UI thread); not thread-safe.
 */
final class PatternEditor {

  /** Lines PgUp and PgDn move. */
  static final int PAGE = 16;

  private final KeyboardLayout piano = KeyboardLayout.QWERTY;
  private Song song = Song.empty();
  private Grid grid = new Grid(List.of());
  /** Index into the order list; a pattern index when the order list is empty. */
  private int order;
  private Cursor cursor = Cursor.HOME;
  /** Where a selection started and where it ends; null for none. */
  private Cursor anchor;
  private Cursor head;
  private int octave = 4;
  private int step = 1;
  private int instrument = -1;
  private boolean hexLines = true;
  private boolean follow;
  private Clip clip;

  /** What a key did. */
  record Outcome(boolean handled, Change change, String message) {
    static final Outcome IGNORED = new Outcome(false, null, "");
    static final Outcome MOVED = new Outcome(true, null, "");

    static Outcome say(String message) {
      return new Outcome(true, null, message);
    }
  }

  // ---- state ----

  Song song() {
    return song;
  }

  Grid grid() {
    return grid;
  }

  /** Shows {@code value}, keeping the pattern, cursor and selection where they still fit. */
  void load(Song value) {
    if (!value.tracks().equals(song.tracks())) {
      grid = new Grid(value.tracks());
    }
    song = value;
    order = Math.clamp(order, 0, Math.max(0, entries() - 1));
    instrument = Math.clamp(instrument, -1, song.instruments().size() - 1);
    cursor = clamp(cursor);
    if (anchor != null) {
      anchor = clamp(anchor);
      head = clamp(head);
    }
  }

  /** The pattern on show, or -1 when the song has none. */
  int pattern() {
    if (!song.order().isEmpty()) {
      return song.order().get(order);
    }
    return song.patterns().isEmpty() ? -1 : order;
  }

  /** The order-list entry on show (a pattern index when the order list is empty). */
  int order() {
    return order;
  }

  /** Order entries, or patterns when the order list is empty. */
  int entries() {
    return song.order().isEmpty() ? song.patterns().size() : song.order().size();
  }

  /** Lines of the pattern on show, 0 without one. */
  int length() {
    int p = pattern();
    return p < 0 ? 0 : song.patterns().get(p).length();
  }

  Cursor cursor() {
    return cursor;
  }

  /** The selected block, or null. */
  Selection selection() {
    return anchor == null ? null : Selection.of(anchor, head);
  }

  /** The cursor's stop as it applies to the cell under it (an effect column's digits vary with its command). */
  int stop() {
    return Math.min(cursor.stop(), stops(cursor.line(), cursor.column()) - 1);
  }

  Field field() {
    return grid.field(cursor.column(), stop());
  }

  int octave() {
    return octave;
  }

  void octave(int value) {
    octave = Math.clamp(value, 0, 9);
  }

  int step() {
    return step;
  }

  void step(int value) {
    step = Math.clamp(value, 0, 16);
  }

  /** The instrument new notes get, -1 for none (the track's own output). */
  int instrument() {
    return instrument;
  }

  void instrument(int value) {
    instrument = Math.clamp(value, -1, song.instruments().size() - 1);
  }

  boolean hexLines() {
    return hexLines;
  }

  void hexLines(boolean value) {
    hexLines = value;
  }

  boolean follow() {
    return follow;
  }

  void follow(boolean value) {
    follow = value;
  }

  Clip clip() {
    return clip;
  }

  /** Shows order entry {@code index}; the cursor keeps its line where the pattern is long enough. */
  void goToOrder(int index) {
    if (entries() > 0) {
      order = Math.clamp(index, 0, entries() - 1);
      anchor = null;
      cursor = clamp(cursor);
    }
  }

  /** While following, shows the line the song plays. */
  void followTo(Playhead p) {
    if (!follow || p == null) {
      return;
    }
    int target = song.order().isEmpty() ? p.pattern() : p.order();
    if (target < entries()) {
      order = target;
      anchor = null;
      cursor = clamp(cursor.atLine(p.line()));
    }
  }

  /** A click on a cell (with Shift, or dragging: {@code extend}, the selection grows to it). */
  void click(int line, int column, int stop, boolean extend) {
    Cursor to = clamp(new Cursor(line, column, stop));
    if (extend) {
      if (anchor == null) {
        anchor = cursor;
      }
      head = to;
    } else {
      anchor = null;
    }
    cursor = to;
  }

  // ---- keys ----

  Outcome key(Key k) {
    if (pattern() < 0 || grid.size() == 0) {
      return Outcome.IGNORED;
    }
    return switch (k.code()) {
      case UP -> k.ctrl() ? transpose(k.shift() ? 12 : 1) : k.alt() ? pickInstrument(-1)
          : move(cursor.atLine(cursor.line() - 1), k.shift());
      case DOWN -> k.ctrl() ? transpose(k.shift() ? -12 : -1) : k.alt() ? pickInstrument(1)
          : move(cursor.atLine(cursor.line() + 1), k.shift());
      case LEFT -> k.alt() ? order(-1) : move(left(cursor), k.shift());
      case RIGHT -> k.alt() ? order(1) : move(right(cursor), k.shift());
      case PAGE_UP -> k.ctrl() ? Outcome.IGNORED : move(cursor.atLine(cursor.line() - PAGE), k.shift());
      case PAGE_DOWN -> k.ctrl() ? Outcome.IGNORED : move(cursor.atLine(cursor.line() + PAGE), k.shift());
      case HOME -> move(cursor.atLine(0), k.shift());
      case END -> move(cursor.atLine(length() - 1), k.shift());
      case TAB -> track(k.shift() ? -1 : 1);
      case DELETE -> delete();
      case INSERT -> shiftLines(k.shift(), true);
      case BACKSPACE -> shiftLines(k.shift(), false);
      case OCTAVE_UP -> setting(() -> octave(octave + 1));
      case OCTAVE_DOWN -> setting(() -> octave(octave - 1));
      case STEP_UP -> setting(() -> step(step + 1));
      case STEP_DOWN -> setting(() -> step(step - 1));
      case SCROLL_LOCK -> setting(() -> follow = !follow);
      case CHAR -> k.ctrl() ? command(Character.toLowerCase(k.character())) : k.alt() ? Outcome.IGNORED
          : type(k.character());
    };
  }

  private Outcome command(char c) {
    return switch (c) {
      case 'c' -> copy();
      case 'x' -> cut();
      case 'v' -> paste();
      case 'i' -> interpolate();
      case 'a' -> selectAll();
      default -> Outcome.IGNORED;
    };
  }

  private Outcome setting(Runnable change) {
    change.run();
    return Outcome.MOVED;
  }

  private Outcome move(Cursor to, boolean extend) {
    Cursor next = clamp(to);
    if (extend) {
      if (anchor == null) {
        anchor = cursor;
      }
      head = next;
    } else {
      anchor = null;
    }
    cursor = next;
    return Outcome.MOVED;
  }

  private Outcome track(int direction) {
    int tracks = grid.tracks();
    int t = Math.floorMod(grid.column(cursor.column()).track() + direction, tracks);
    anchor = null;
    cursor = new Cursor(cursor.line(), grid.firstColumn(t), 0);
    return Outcome.MOVED;
  }

  private Outcome order(int direction) {
    goToOrder(order + direction);
    return Outcome.MOVED;
  }

  private Outcome pickInstrument(int direction) {
    instrument(instrument + direction);
    return Outcome.MOVED;
  }

  private Outcome selectAll() {
    anchor = new Cursor(0, 0, 0);
    head = new Cursor(length() - 1, grid.size() - 1, 0);
    return Outcome.MOVED;
  }

  // ---- typing ----

  private Outcome type(char c) {
    Column col = grid.column(cursor.column());
    Field field = field();
    int line = cursor.line();
    Object cell;
    String what;
    if (field == Field.NOTE) {
      NoteCell old = Blocks.note(song, pattern(), col, line);
      if (piano.isNoteOff(c)) {
        cell = Typing.off(old);
      } else {
        int key = piano.key(c, octave);
        if (key < 0) {
          return piano.semitone(c) >= 0 ? Outcome.say("that key is above G-9 at octave " + octave) : Outcome.IGNORED;
        }
        cell = Typing.note(old, key, instrument);
      }
      what = CellText.key(((NoteCell) cell).key());
    } else if (field == Field.COMMAND) {
      EffectCell e = Typing.command(Blocks.effect(song, pattern(), col, line), c);
      if (e == null) {
        return Character.isLetterOrDigit(c) ? Outcome.say("no effect command " + Character.toUpperCase(c)
            + " (known: " + EffectCell.COMMANDS + ")") : Outcome.IGNORED;
      }
      cell = e;
      what = e.toString();
    } else {
      int nibble = Character.digit(c, 16);
      if (nibble < 0) {
        return Outcome.IGNORED;
      }
      if (col.effect()) {
        cell = Typing.hex(Blocks.effect(song, pattern(), col, line), grid.digit(cursor.column(), stop()), nibble);
        what = cell.toString();
      } else {
        NoteCell n = Typing.hex(Blocks.note(song, pattern(), col, line), field, grid.digit(cursor.column(), stop()),
            nibble);
        if (field == Field.INSTRUMENT && n.instrument() >= song.instruments().size()) {
          return Outcome.say("no instrument " + CellText.hex(n.instrument()) + ": the song has "
              + song.instruments().size());
        }
        cell = n;
        what = field.name().toLowerCase(Locale.ROOT) + " " + CellText.hex(Blocks.part(n, field));
      }
    }
    Edit edit = Blocks.set(song, pattern(), col, line, cell);
    Outcome out = edit == null ? Outcome.MOVED : commit(new Change("Type " + what + " at " + where(col, line),
        List.of(edit)));
    if (out.change() != null || edit == null) {
      advance();
    }
    return out;
  }

  private Outcome delete() {
    Selection s = selection();
    if (s != null) {
      return commit("Clear " + describe(s), Blocks.clear(song, pattern(), grid, s), "nothing to clear");
    }
    Column col = grid.column(cursor.column());
    int line = cursor.line();
    Object cell = col.effect() ? EffectCell.EMPTY : Typing.clear(Blocks.note(song, pattern(), col, line), field());
    Edit edit = Blocks.set(song, pattern(), col, line, cell);
    Outcome out = edit == null ? Outcome.MOVED : commit(new Change("Clear " + where(col, line), List.of(edit)));
    advance();
    return out;
  }

  private Outcome shiftLines(boolean allTracks, boolean insert) {
    int track = allTracks ? -1 : grid.column(cursor.column()).track();
    int line = cursor.line();
    Edit e = insert ? new Edit.InsertLine(pattern(), track, line) : new Edit.DeleteLine(pattern(), track, line);
    String where = allTracks ? "every track" : song.tracks().get(track).name();
    return commit(new Change((insert ? "Insert line " : "Delete line ") + lineText(line) + " in " + where, List.of(e)));
  }

  private void advance() {
    cursor = clamp(cursor.atLine(cursor.line() + step));
    anchor = null;
  }

  // ---- blocks ----

  private Selection block() {
    Selection s = selection();
    return s != null ? s : Selection.at(cursor);
  }

  private Outcome copy() {
    Selection s = block();
    clip = Blocks.copy(song, pattern(), grid, s);
    return Outcome.say("Copied " + describe(s));
  }

  private Outcome cut() {
    Selection s = block();
    clip = Blocks.copy(song, pattern(), grid, s);
    return commit("Cut " + describe(s), Blocks.clear(song, pattern(), grid, s), "Copied " + describe(s));
  }

  private Outcome paste() {
    if (clip == null) {
      return Outcome.say("nothing to paste: copy a block first (Ctrl+C)");
    }
    return commit("Paste " + clip.lines() + " lines at " + where(grid.column(cursor.column()), cursor.line()),
        Blocks.paste(song, pattern(), grid, clip, cursor),
        "nothing to paste here: the clipboard's columns are of another kind, or hold what is here already");
  }

  private Outcome transpose(int semitones) {
    Selection s = block();
    String amount = (semitones > 0 ? "+" : "") + semitones;
    return commit("Transpose " + describe(s) + " by " + amount, Blocks.transpose(song, pattern(), grid, s, semitones),
        "no notes to transpose");
  }

  private Outcome interpolate() {
    Selection s = selection();
    if (s == null || s.lines() < 3) {
      return Outcome.say("select three lines or more to interpolate over (Shift+arrows)");
    }
    Field f = field() == Field.PAN || field() == Field.DELAY ? field() : Field.VOLUME;
    return commit("Interpolate " + describe(s), Blocks.interpolate(song, pattern(), grid, s, f),
        "interpolate needs a value on the first and the last line of the selection");
  }

  private Outcome commit(String label, List<Edit> edits, String whenEmpty) {
    return edits.isEmpty() ? Outcome.say(whenEmpty) : commit(new Change(label, edits));
  }

  /** Applies a change to this editor's song at once; a change that does not fit is refused here. */
  Outcome commit(Change change) {
    try {
      song = change.apply(song);
      return new Outcome(true, change, "");
    } catch (IllegalArgumentException e) {
      return Outcome.say(e.getMessage());
    }
  }

  // ---- patterns and the order list ----

  /** A new empty pattern as long as the one on show, in the order list after the entry on show, and shown. */
  Outcome addPattern() {
    int index = song.patterns().size();
    int at = song.order().isEmpty() ? 0 : order + 1;
    List<Integer> next = new ArrayList<>(song.order());
    next.add(at, index);
    Outcome out = commit(new Change("Add pattern " + hex2(index) + " at order " + hex2(at), List.of(
        new Edit.AddPattern(index, length() > 0 ? length() : NewSong.LINES), new Edit.SetOrder(next))));
    if (out.change() != null) {
      goToOrder(at);
    }
    return out;
  }

  /** Takes the entry on show out of the order list; its pattern stays in the song. */
  Outcome removeEntry() {
    if (song.order().size() <= 1) {
      return Outcome.say("the order list keeps its last entry");
    }
    List<Integer> next = new ArrayList<>(song.order());
    int removed = next.remove(order);
    Outcome out = commit(new Change("Remove pattern " + hex2(removed) + " from order " + hex2(order),
        List.of(new Edit.SetOrder(next))));
    goToOrder(order);
    return out;
  }

  /** Makes the pattern on show {@code lines} long; a run of changes to one pattern is one journal entry. */
  Outcome resize(int lines) {
    int p = pattern();
    if (p < 0 || lines == length()) {
      return Outcome.IGNORED;
    }
    Outcome out = commit(new Change("Set pattern " + hex2(p) + " to " + lines + " lines",
        List.of(new Edit.SetPatternLength(p, lines)), "length:" + p));
    cursor = clamp(cursor);
    anchor = null;
    return out;
  }

  private static String hex2(int value) {
    return String.format(Locale.ROOT, "%02X", value);
  }

  // ---- cursor arithmetic ----

  private int stops(int line, int column) {
    Column c = grid.column(column);
    return grid.stops(column, c.effect() ? Blocks.effect(song, pattern(), c, line) : EffectCell.EMPTY);
  }

  private Cursor right(Cursor c) {
    int stop = Math.min(c.stop(), stops(c.line(), c.column()) - 1);
    if (stop + 1 < stops(c.line(), c.column())) {
      return new Cursor(c.line(), c.column(), stop + 1);
    }
    return c.column() + 1 < grid.size() ? new Cursor(c.line(), c.column() + 1, 0) : c;
  }

  private Cursor left(Cursor c) {
    int stop = Math.min(c.stop(), stops(c.line(), c.column()) - 1);
    if (stop > 0) {
      return new Cursor(c.line(), c.column(), stop - 1);
    }
    return c.column() > 0 ? new Cursor(c.line(), c.column() - 1, stops(c.line(), c.column() - 1) - 1) : c;
  }

  private Cursor clamp(Cursor c) {
    if (grid.size() == 0 || pattern() < 0) {
      return Cursor.HOME;
    }
    int line = Math.clamp(c.line(), 0, length() - 1);
    int column = Math.clamp(c.column(), 0, grid.size() - 1);
    int stop = Math.clamp(c.stop(), 0, grid.column(column).effect() ? 4 : Grid.NOTE_STOPS - 1);
    return new Cursor(line, column, stop);
  }

  // ---- labels ----

  String lineText(int line) {
    return CellText.line(line, hexLines);
  }

  private String where(Column c, int line) {
    return song.tracks().get(c.track()).name() + " line " + lineText(line);
  }

  private String describe(Selection s) {
    return s.lines() + (s.lines() == 1 ? " line" : " lines") + " x " + s.columns()
        + (s.columns() == 1 ? " column" : " columns");
  }
}

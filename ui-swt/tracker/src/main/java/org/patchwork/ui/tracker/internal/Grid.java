package org.patchwork.ui.tracker.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.SongTrack;

/**
 * The columns of a song's pattern grid, left to right over every track, and where each column,
 * cursor stop and track lies in characters of the monospace grid (without the line numbers).
 *
 * <p>A note column {@code C-4 01 40 40 80} has nine stops: the note, then two hex digits each of
 * instrument, volume, panning and delay. An effect column {@code A0F} has the command and as many
 * value digits as the command reads: two, three for {@code M}, {@code N} and {@code T} (a slot and
 * a byte; tempo up to 3E7), four for {@code W}.
 */
final class Grid {

  private static final int[] NOTE_STOP_X = {0, 4, 5, 7, 8, 10, 11, 13, 14};
  private static final Field[] NOTE_FIELDS = {Field.NOTE, Field.INSTRUMENT, Field.INSTRUMENT, Field.VOLUME,
      Field.VOLUME, Field.PAN, Field.PAN, Field.DELAY, Field.DELAY};
  static final int NOTE_STOPS = NOTE_STOP_X.length;

  private final List<Column> columns;
  private final int[] columnX;
  private final int[] trackX;
  private final int[] trackFirst;
  private final int width;

  Grid(List<SongTrack> tracks) {
    List<Column> list = new ArrayList<>();
    trackX = new int[tracks.size() + 1];
    trackFirst = new int[tracks.size() + 1];
    List<Integer> xs = new ArrayList<>();
    int x = 0;
    for (int t = 0; t < tracks.size(); t++) {
      trackX[t] = x;
      trackFirst[t] = list.size();
      x++;
      SongTrack track = tracks.get(t);
      for (int i = 0; i < track.noteColumns(); i++) {
        list.add(new Column(t, false, i));
        xs.add(x);
        x += Column.NOTE_WIDTH + 1;
      }
      for (int i = 0; i < track.effectColumns(); i++) {
        list.add(new Column(t, true, i));
        xs.add(x);
        x += Column.EFFECT_WIDTH + 1;
      }
    }
    trackX[tracks.size()] = x;
    trackFirst[tracks.size()] = list.size();
    columns = List.copyOf(list);
    columnX = xs.stream().mapToInt(Integer::intValue).toArray();
    width = x;
  }

  List<Column> columns() {
    return columns;
  }

  Column column(int index) {
    return columns.get(index);
  }

  int size() {
    return columns.size();
  }

  int tracks() {
    return trackX.length - 1;
  }

  /** The first grid column of track {@code track}. */
  int firstColumn(int track) {
    return trackFirst[track];
  }

  /** Where track {@code track} starts, in characters; {@code tracks()} gives the grid's width. */
  int trackX(int track) {
    return trackX[track];
  }

  /** Where column {@code column} starts, in characters. */
  int columnX(int column) {
    return columnX[column];
  }

  /** The grid's width in characters. */
  int width() {
    return width;
  }

  /** Value digits an effect command takes. */
  static int digits(char command) {
    return switch (command) {
      case 'W' -> 4;
      case 'M', 'N', 'T' -> 3;
      default -> 2;
    };
  }

  /** The cursor stops of column {@code column} when its cell is {@code effect} (ignored for note columns). */
  int stops(int column, EffectCell effect) {
    return columns.get(column).effect() ? 1 + digits(effect.command()) : NOTE_STOPS;
  }

  /** What stop {@code stop} of column {@code column} edits. */
  Field field(int column, int stop) {
    if (columns.get(column).effect()) {
      return stop == 0 ? Field.COMMAND : Field.VALUE;
    }
    return NOTE_FIELDS[stop];
  }

  /** For a hex stop, which digit of its field: 0 is the most significant. */
  int digit(int column, int stop) {
    if (columns.get(column).effect()) {
      return stop - 1;
    }
    return (stop - 1) % 2;
  }

  /** The first stop of {@code field} in a note column. */
  static int noteStop(Field field) {
    for (int i = 0; i < NOTE_FIELDS.length; i++) {
      if (NOTE_FIELDS[i] == field) {
        return i;
      }
    }
    throw new IllegalArgumentException("not a note column field: " + field);
  }

  /** Where stop {@code stop} starts inside its column, in characters. */
  int stopX(int column, int stop) {
    return columns.get(column).effect() ? stop : NOTE_STOP_X[stop];
  }

  /** How many characters the cursor covers at a stop (the note is three). */
  int stopWidth(int column, int stop) {
    return !columns.get(column).effect() && stop == 0 ? 3 : 1;
  }

  /**
   * The column and stop under character {@code x} of the grid, as {@code {column, stop}}: the
   * nearest stop of the column at or left of {@code x}; null for none (left of every column).
   */
  int[] at(int x) {
    int hit = -1;
    for (int c = 0; c < columns.size(); c++) {
      if (columnX[c] <= x) {
        hit = c;
      }
    }
    if (hit < 0) {
      return null;
    }
    int inside = x - columnX[hit];
    int stops = columns.get(hit).effect() ? 1 + 4 : NOTE_STOPS;
    int stop = 0;
    for (int s = 0; s < stops; s++) {
      if (stopX(hit, s) <= inside) {
        stop = s;
      }
    }
    return new int[] {hit, stop};
  }
}

package org.patchwork.trackerio.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;
import org.patchwork.midifile.NoteSpan;
import org.patchwork.sequencer.NoteCell;

/**
 * Puts one channel's notes into note columns. Notes are taken in start order; each goes to the
 * first column that is free at its start: empty, or whose note ends exactly where this one
 * starts (the new note cuts it, as in every tracker), or whose note's {@code OFF} falls on an
 * earlier line. A column's note ends with an {@code OFF} at its end (line and delay) unless the
 * next note in the column cuts it there. So overlapping notes, chords and a key struck again
 * while it still sounds each get their own column, and every start and end stays exact.
 */
public final class Placement {

  /** A cell: a line of the whole song (not of a pattern), a column, and what is in it. */
  public record Cell(long line, int column, NoteCell cell) {
  }

  /**
   * The cells and how many columns they need (more than 16 means more than one track).
   *
   * @param lengthened notes whose end had to move to a later line (zero-length notes, or a grid
   *     too coarse for them)
   */
  public record Result(int columns, List<Cell> cells, int lengthened) {
  }

  private Placement() {
  }

  /**
   * Places {@code notes}, each with the instrument {@code instrument} gives it.
   *
   * @param grid the song's line grid
   */
  public static Result place(List<NoteSpan> notes, ToIntFunction<NoteSpan> instrument, Grid grid) {
    List<NoteSpan> sorted = new ArrayList<>(notes);
    sorted.sort(Comparator.comparingLong(NoteSpan::startTick).thenComparingInt(NoteSpan::key));
    List<long[]> columns = new ArrayList<>(); // {end position, OFF pending (1/0)}
    List<Cell> cells = new ArrayList<>();
    int lengthened = 0;
    for (NoteSpan n : sorted) {
      long s = grid.position(n.startTick());
      long e = grid.position(n.endTick());
      if (Grid.line(e) <= Grid.line(s)) {
        // No cell of its own for the OFF: the note ends at the start of the next line.
        e = (Grid.line(s) + 1) << 8;
        lengthened++;
      }
      int c = 0;
      while (c < columns.size() && !free(columns.get(c), s)) {
        c++;
      }
      if (c == columns.size()) {
        columns.add(new long[] {-1, 0});
      }
      long[] col = columns.get(c);
      if (col[1] == 1 && col[0] != s) {
        cells.add(off(col[0], c));
      }
      cells.add(new Cell(Grid.line(s), c,
          new NoteCell(n.key(), instrument.applyAsInt(n), volume(n.velocity()), -1, Grid.delay(s))));
      col[0] = e;
      col[1] = 1;
    }
    for (int c = 0; c < columns.size(); c++) {
      if (columns.get(c)[1] == 1) {
        cells.add(off(columns.get(c)[0], c));
      }
    }
    return new Result(columns.size(), cells, lengthened);
  }

  private static boolean free(long[] col, long start) {
    return col[0] < 0 || col[0] == start || col[0] < start && Grid.line(col[0]) < Grid.line(start);
  }

  private static Cell off(long position, int column) {
    return new Cell(Grid.line(position), column, new NoteCell(NoteCell.OFF, -1, -1, -1, Grid.delay(position)));
  }

  /**
   * The volume column for a MIDI velocity: {@code round(v·128/127)}, none (full) for 127. The
   * mapping is one-to-one and {@link #velocity} inverts it, so velocities survive a round trip.
   */
  public static int volume(int velocity) {
    return velocity >= 127 ? -1 : (int) Math.round(velocity * 128.0 / 127);
  }

  /** The MIDI velocity of a note's velocity 0..1 ({@code volume/128}): {@code round(v·127)}, 1..127. */
  public static int velocity(double value) {
    return (int) Math.max(1, Math.min(127, Math.round(value * 127)));
  }
}

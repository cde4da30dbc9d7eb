package org.patchwork.trackerio.internal;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.IntStream;
import org.patchwork.midifile.NoteSpan;

/**
 * The line grid an imported song is written on: how many lines a quarter note gets, chosen so
 * that every MIDI tick the song needs is exact. A tick {@code t} at {@code ppq} ticks per
 * quarter and {@code lpb} lines per beat is {@code t·lpb/ppq} lines; the line is the whole part
 * and the rest goes to the delay column in 256ths, so it is exact when {@code t·lpb·256} is a
 * multiple of {@code ppq}. The grid is chosen, in this order of preference: 4, 8, 12, 16, 24, 32,
 * 48, 64, 96, 128, 192, 256 lines per beat, then any other up to 256, as the first one where
 *
 * <ol>
 *   <li>every note-on and note-off tick is exact;
 *   <li>every tempo change is on a line (tempo commands act at the start of their line);
 *   <li>every note ends on a later line than it starts, so its {@code OFF} has a cell of its own.
 * </ol>
 * When none qualifies, the preferred grid with the fewest misses is used and positions are
 * rounded to the nearest 1/256 of a line (the import reports how many notes moved).
 *
 * @param ppq ticks per quarter note of the file
 * @param linesPerBeat lines per quarter note
 * @param misses notes whose position is rounded or whose end shares their start's line (0: exact)
 */
public record Grid(int ppq, int linesPerBeat, int misses) {

  private static final int[] PREFERRED = {4, 8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256};

  /**
   * The grid for {@code notes} and the ticks that must start a line ({@code lineTicks}: tempo
   * changes).
   */
  public static Grid choose(int ppq, Collection<NoteSpan> notes, Collection<Long> lineTicks) {
    List<Integer> order = new ArrayList<>();
    for (int p : PREFERRED) {
      order.add(p);
    }
    IntStream.rangeClosed(1, 256).filter(l -> !order.contains(l)).forEach(order::add);
    Grid best = null;
    for (int lpb : order) {
      Grid g = new Grid(ppq, lpb, misses(ppq, lpb, notes, lineTicks));
      if (g.misses == 0) {
        return g;
      }
      if (best == null || g.misses < best.misses && contains(PREFERRED, lpb)) {
        best = g;
      }
    }
    return best;
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
  }

  private static int misses(int ppq, int lpb, Collection<NoteSpan> notes, Collection<Long> lineTicks) {
    int misses = 0;
    for (long t : lineTicks) {
      if (t * lpb % ppq != 0) {
        misses++;
      }
    }
    for (NoteSpan n : notes) {
      boolean exact = n.startTick() * lpb * 256 % ppq == 0 && n.endTick() * lpb * 256 % ppq == 0;
      boolean ownLine = n.endTick() == n.startTick() || n.endTick() * lpb / ppq > n.startTick() * lpb / ppq;
      if (!exact || !ownLine) {
        misses++;
      }
    }
    return misses;
  }

  /** Position of {@code tick} in 256ths of a line, rounded half to even when not exact. */
  public long position(long tick) {
    BigInteger[] qr = BigInteger.valueOf(tick).multiply(BigInteger.valueOf(256L * linesPerBeat))
        .divideAndRemainder(BigInteger.valueOf(ppq));
    long q = qr[0].longValueExact();
    int c = qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(ppq));
    return c > 0 || c == 0 && (q & 1) == 1 ? q + 1 : q;
  }

  /** The line of a position from {@link #position}. */
  public static long line(long position) {
    return position >> 8;
  }

  /** The delay column value (0..255) of a position from {@link #position}. */
  public static int delay(long position) {
    return (int) (position & 0xFF);
  }

  /** The first line at or after {@code tick}. */
  public long lineAtOrAfter(long tick) {
    return (tick * linesPerBeat + ppq - 1) / ppq;
  }
}

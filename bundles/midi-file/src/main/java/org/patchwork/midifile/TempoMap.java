package org.patchwork.midifile;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Exact conversion between ticks and real time for one file: with ticks-per-quarter division
 * each tick lasts {@code tempo / ppq} microseconds, tempo changing at each {@link
 * MetaEvent.Tempo} (120 BPM before the first); with SMPTE division a tick lasts a fixed
 * {@code 1 / (fps x ticksPerFrame)} second and tempo events do not change timing. Times are
 * {@link Ratio}s, so {@code tickAt(micros(t)).equals(Ratio.of(t))} for every tick.
 *
 * <pre>{@code
 * TempoMap map = TempoMap.of(song);
 * Ratio seconds = map.seconds(1920);                 // exact
 * long frame = seconds.times(48_000).floor();        // sample frame of that tick
 * }</pre>
 */
@ProviderType
public final class TempoMap {

  private final Division division;
  private final List<MetaEvent.Tempo> changes;
  private final long[] startTick;
  private final Ratio[] startMicros;
  private final Ratio[] microsPerTick;
  private final int[] tempo;

  private TempoMap(Division division, List<MetaEvent.Tempo> tempos) {
    this.division = division;
    List<MetaEvent.Tempo> sorted = new ArrayList<>(tempos);
    sorted.sort(Comparator.comparingLong(MetaEvent.Tempo::tick)); // stable: file order at one tick
    List<MetaEvent.Tempo> effective = new ArrayList<>();
    for (MetaEvent.Tempo t : sorted) {
      if (!effective.isEmpty() && effective.getLast().tick() == t.tick()) {
        effective.removeLast(); // the last of several tempos at one tick wins
      }
      effective.add(t);
    }
    this.changes = division instanceof Division.Smpte ? List.of() : List.copyOf(effective);
    if (division instanceof Division.Smpte smpte) {
      startTick = new long[] {0};
      startMicros = new Ratio[] {Ratio.ZERO};
      microsPerTick = new Ratio[] {Ratio.of(1_000_000).dividedBy(smpte.ticksPerSecond())};
      tempo = new int[] {MetaEvent.Tempo.DEFAULT_MICROS_PER_QUARTER};
      return;
    }
    int ppq = ((Division.PerQuarter) division).ticks();
    boolean atZero = !effective.isEmpty() && effective.getFirst().tick() == 0;
    int n = effective.size() + (atZero ? 0 : 1);
    startTick = new long[n];
    startMicros = new Ratio[n];
    microsPerTick = new Ratio[n];
    tempo = new int[n];
    int i = 0;
    if (!atZero) {
      tempo[0] = MetaEvent.Tempo.DEFAULT_MICROS_PER_QUARTER;
      i = 1;
    }
    for (MetaEvent.Tempo t : effective) {
      startTick[i] = t.tick();
      tempo[i] = t.microsPerQuarter();
      i++;
    }
    startMicros[0] = Ratio.ZERO;
    for (i = 0; i < n; i++) {
      microsPerTick[i] = Ratio.of(tempo[i], ppq);
      if (i > 0) {
        startMicros[i] = startMicros[i - 1].plus(microsPerTick[i - 1].times(startTick[i] - startTick[i - 1]));
      }
    }
  }

  /**
   * The tempo map of a format 0 or 1 file: the tempo events of all tracks (normally all in the
   * first). For format 2, whose tracks are independent, use {@link #of(Division, Collection)}.
   */
  public static TempoMap of(MidiFile file) {
    if (file.format() == 2) {
      throw new IllegalArgumentException(
          "a format 2 file has one tempo map per track: use TempoMap.of(division, track.events(Tempo.class))");
    }
    List<MetaEvent.Tempo> tempos = new ArrayList<>();
    for (MidiTrack t : file.tracks()) {
      tempos.addAll(t.events(MetaEvent.Tempo.class));
    }
    return new TempoMap(file.division(), tempos);
  }

  /** The tempo map of a division and tempo events; at one tick the last event given wins. */
  public static TempoMap of(Division division, Collection<MetaEvent.Tempo> tempos) {
    return new TempoMap(division, List.copyOf(tempos));
  }

  public Division division() {
    return division;
  }

  /** The tempo events in effect, sorted, one per tick; empty with SMPTE division. */
  public List<MetaEvent.Tempo> changes() {
    return changes;
  }

  /** Microseconds per quarter note at {@code tick} (500000 before the first change). */
  public int microsPerQuarterAt(long tick) {
    return tempo[segmentOfTick(tick)];
  }

  /** Microseconds from tick 0 to {@code tick}, exact. */
  public Ratio micros(long tick) {
    int s = segmentOfTick(tick);
    return startMicros[s].plus(microsPerTick[s].times(tick - startTick[s]));
  }

  /** Seconds from tick 0 to {@code tick}, exact. */
  public Ratio seconds(long tick) {
    return micros(tick).dividedBy(1_000_000);
  }

  /** The (fractional) tick at {@code micros} microseconds, exact; the inverse of {@link #micros}. */
  public Ratio tickAtMicros(Ratio micros) {
    if (micros.compareTo(Ratio.ZERO) < 0) {
      throw new IllegalArgumentException("time must be >= 0, was " + micros + " microseconds");
    }
    int lo = 0;
    int hi = startMicros.length - 1;
    while (lo < hi) { // last segment starting at or before micros
      int mid = (lo + hi + 1) >>> 1;
      if (startMicros[mid].compareTo(micros) <= 0) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return Ratio.of(startTick[lo]).plus(micros.minus(startMicros[lo]).dividedBy(microsPerTick[lo]));
  }

  /** The (fractional) tick at {@code seconds}, exact. */
  public Ratio tickAtSeconds(Ratio seconds) {
    return tickAtMicros(seconds.times(1_000_000));
  }

  private int segmentOfTick(long tick) {
    if (tick < 0) {
      throw new IllegalArgumentException("tick must be >= 0, was " + tick);
    }
    int lo = 0;
    int hi = startTick.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (startTick[mid] <= tick) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }
}

package org.patchwork.trackerio.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Humanize;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongSettings;
import org.patchwork.sequencer.SongTrack;

/**
 * Lays an imported song out in patterns: cells at lines of the whole song are cut into
 * patterns one bar long (by the file's time signatures, 4/4 before the first), identical
 * patterns are stored once and repeated in the order list, and the tempo map becomes the song's
 * bpm and {@code Txx}/{@code Wxxxx} commands in the first track's two effect columns.
 */
public final class SongLayout {

  private static final int[] COLOURS = {0x4F8FE6, 0xE6A23C, 0xD9534F, 0x5CB85C, 0x9B59B6, 0x1ABC9C, 0xE67E22,
      0x95A5A6};

  /** A song track being laid out: cells by song line, one array of note columns per line. */
  private record Spec(String name, String output, int columns, TreeMap<Long, NoteCell[]> cells) {
  }

  private final Grid grid;
  private final long lines;
  private final List<Spec> tracks = new ArrayList<>();
  private final TreeMap<Long, EffectCell[]> tempo = new TreeMap<>();
  private final List<Long> patternStarts = new ArrayList<>();
  private BigDecimal bpm = BigDecimal.valueOf(120);

  /**
   * @param grid the line grid
   * @param lines the song's length in lines
   */
  public SongLayout(Grid grid, long lines) {
    this.grid = grid;
    this.lines = Math.max(1, lines);
  }

  /**
   * Adds a song track (more than one if the notes need more than 16 columns) playing on
   * {@code output} by default. Cells past the song's end are left out: the song's end
   * releases every note still sounding, at exactly that frame.
   */
  public void track(String name, String output, Placement.Result placed) {
    int first = tracks.size();
    for (int k = 0; k * 16 < placed.columns(); k++) {
      tracks.add(new Spec(k == 0 ? name : name + " (" + (k + 1) + ")", output,
          Math.min(16, placed.columns() - 16 * k), new TreeMap<>()));
    }
    for (Placement.Cell c : placed.cells()) {
      if (c.line() >= lines) {
        continue;
      }
      Spec s = tracks.get(first + c.column() / 16);
      s.cells().computeIfAbsent(c.line(), l -> new NoteCell[s.columns()])[c.column() % 16] = c.cell();
    }
  }

  /** The song's bpm and tempo commands from the file's tempo changes before {@code endTick}. */
  public void tempos(List<MetaEvent.Tempo> changes, long endTick, List<String> report) {
    int[] start = Tempos.encode(MetaEvent.Tempo.DEFAULT_MICROS_PER_QUARTER);
    List<String> said = new ArrayList<>();
    for (MetaEvent.Tempo t : changes) {
      int[] tf = Tempos.encode(t.microsPerQuarter());
      if (t.tick() == 0) {
        start = tf;
      } else if (t.tick() < endTick) {
        long line = Grid.line(grid.position(t.tick()));
        tempo.put(line, new EffectCell[] {new EffectCell('T', tf[0]), new EffectCell('W', tf[1])});
        if (said.size() < 8) {
          said.add(Tempos.bpm(tf[0], tf[1]).setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
              .toPlainString() + " at line " + line);
        }
      }
    }
    bpm = Tempos.bpm(start[0], start[1]);
    report.add("tempo " + bpm.setScale(2, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString()
        + " bpm" + (tempo.isEmpty() ? "" : ", " + tempo.size() + " change" + (tempo.size() == 1 ? "" : "s")
        + " (T and W commands on track 1): " + String.join(", ", said) + (tempo.size() > said.size() ? ", ..." : "")));
  }

  /** Patterns of one bar each, from the file's time signatures. */
  public void meters(List<MetaEvent.TimeSignature> meters, List<String> report) {
    int numerator = 4;
    int power = 2;
    int next = 0;
    List<String> said = new ArrayList<>();
    long line = 0;
    int bar = 1;
    while (line < lines) {
      while (next < meters.size() && grid.lineAtOrAfter(meters.get(next).tick()) <= line) {
        numerator = meters.get(next).numerator();
        power = meters.get(next).denominatorPower();
        said.add(numerator + "/" + (1 << power) + " at bar " + bar);
        next++;
      }
      long barLines = Math.max(1, Math.round(numerator * 4.0 * grid.linesPerBeat() / (1 << power)));
      long end = line + barLines;
      if (next < meters.size()) {
        end = Math.min(end, Math.max(line + 1, grid.lineAtOrAfter(meters.get(next).tick())));
      }
      end = Math.min(end, lines);
      for (long at = line; at < end; at += Pattern.MAX_LENGTH) {
        patternStarts.add(at);
      }
      line = end;
      bar++;
    }
    report.add("time signature " + (said.isEmpty() ? "4/4 (none given)" : String.join(", ", said))
        + ": " + (bar - 1) + (bar == 2 ? " bar" : " bars") + ", one pattern each");
  }

  /** The song. */
  public Song song(List<Instrument> instruments) {
    // A T command alone sets a whole bpm exactly; W is needed only for fractions.
    boolean fraction = tempo.values().stream().anyMatch(fx -> fx[1].value() != 0);
    List<SongTrack> songTracks = new ArrayList<>();
    for (int t = 0; t < tracks.size(); t++) {
      Spec s = tracks.get(t);
      songTracks.add(SongTrack.of(s.name(), s.output()).withColour(COLOURS[t % COLOURS.length])
          .withColumns(s.columns(), t == 0 && !tempo.isEmpty() ? (fraction ? 2 : 1) : 1));
    }
    List<Pattern> patterns = new ArrayList<>();
    Map<Pattern, Integer> known = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (int p = 0; p < patternStarts.size(); p++) {
      long from = patternStarts.get(p);
      long to = p + 1 < patternStarts.size() ? patternStarts.get(p + 1) : lines;
      List<List<Line>> columns = new ArrayList<>();
      for (int t = 0; t < tracks.size(); t++) {
        List<Line> ls = new ArrayList<>();
        for (long l = from; l < to; l++) {
          NoteCell[] notes = tracks.get(t).cells().get(l);
          EffectCell[] fx = t == 0 ? tempo.get(l) : null;
          ls.add(notes == null && fx == null ? Line.EMPTY : new Line(
              notes == null ? List.of() : java.util.Arrays.asList(notes),
              fx == null ? List.of() : fraction ? List.of(fx) : List.of(fx[0])));
        }
        columns.add(ls);
      }
      Pattern pattern = new Pattern((int) (to - from), columns);
      Integer index = known.get(pattern);
      if (index == null) {
        index = patterns.size();
        known.put(pattern, index);
        patterns.add(pattern);
      }
      order.add(index);
    }
    SongSettings settings = new SongSettings(bpm, grid.linesPerBeat(), 6, List.of(), Humanize.NONE);
    return new Song(settings, instruments, songTracks, patterns, order, List.of());
  }
}

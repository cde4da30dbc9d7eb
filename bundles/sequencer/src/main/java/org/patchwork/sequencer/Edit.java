package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * One change of a {@link Song}, as plain data: what the undo journal records, saves as JSON
 * (docs/sequencer.md) and replays. {@link #apply} returns the changed song and leaves the given
 * one as it was; an edit that does not fit the song (an index out of range, a column the track
 * does not have) throws {@link IllegalArgumentException} and changes nothing.
 *
 * <pre>{@code
 * Song s = new Edit.SetNote(0, 1, 16, 0, NoteCell.of(62)).apply(song);
 * }</pre>
 *
 * <p>{@link Undo} and {@link Redo} are journal entries for the {@link SongEditor}, not changes.
 */
@ProviderType
public sealed interface Edit {

  /** The song with this edit made. */
  Song apply(Song song);

  /** Sets the tempo in beats per minute. */
  record SetBpm(BigDecimal bpm) implements Edit {
    @Override
    public Song apply(Song s) {
      return s.withSettings(s.settings().withBpm(bpm));
    }
  }

  /** Sets the lines per beat. */
  record SetLinesPerBeat(int linesPerBeat) implements Edit {
    @Override
    public Song apply(Song s) {
      return s.withSettings(s.settings().withLinesPerBeat(linesPerBeat));
    }
  }

  /** Sets the ticks per line. */
  record SetTicksPerLine(int ticksPerLine) implements Edit {
    @Override
    public Song apply(Song s) {
      return s.withSettings(s.settings().withTicksPerLine(ticksPerLine));
    }
  }

  /** Sets the groove (per-line delays as fractions of a line). */
  record SetGroove(List<BigDecimal> groove) implements Edit {
    /** Copies the offsets. */
    public SetGroove {
      groove = List.copyOf(groove);
    }

    @Override
    public Song apply(Song s) {
      return s.withSettings(s.settings().withGroove(groove));
    }
  }

  /** Sets the humanize amounts and seed. */
  record SetHumanize(Humanize humanize) implements Edit {
    @Override
    public Song apply(Song s) {
      return s.withSettings(s.settings().withHumanize(Objects.requireNonNull(humanize, "humanize")));
    }
  }

  /** Inserts an instrument at {@code index} (0..count). */
  record AddInstrument(int index, Instrument instrument) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Instrument> list = new ArrayList<>(s.instruments());
      list.add(Checks.range("instrument index", index, 0, list.size()), Objects.requireNonNull(instrument));
      return s.withInstruments(list);
    }
  }

  /** Replaces instrument {@code index}. */
  record SetInstrument(int index, Instrument instrument) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Instrument> list = new ArrayList<>(s.instruments());
      list.set(Checks.range("instrument index", index, 0, list.size() - 1), Objects.requireNonNull(instrument));
      return s.withInstruments(list);
    }
  }

  /** Removes instrument {@code index}; notes naming it, or later ones, keep their numbers. */
  record RemoveInstrument(int index) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Instrument> list = new ArrayList<>(s.instruments());
      list.remove(Checks.range("instrument index", index, 0, list.size() - 1));
      return s.withInstruments(list);
    }
  }

  /** Inserts a track at {@code index} (0..count), with empty lines in every pattern. */
  record AddTrack(int index, SongTrack track) implements Edit {
    @Override
    public Song apply(Song s) {
      List<SongTrack> tracks = new ArrayList<>(s.tracks());
      tracks.add(Checks.range("track index", index, 0, tracks.size()), Objects.requireNonNull(track));
      List<Pattern> patterns = new ArrayList<>();
      for (Pattern p : s.patterns()) {
        List<List<Line>> lines = new ArrayList<>(p.tracks());
        lines.add(index, java.util.Collections.nCopies(p.length(), Line.EMPTY));
        patterns.add(new Pattern(p.length(), lines));
      }
      return s.withTracks(tracks, patterns);
    }
  }

  /** Removes track {@code index} and its lines in every pattern. */
  record RemoveTrack(int index) implements Edit {
    @Override
    public Song apply(Song s) {
      List<SongTrack> tracks = new ArrayList<>(s.tracks());
      tracks.remove(Checks.range("track index", index, 0, tracks.size() - 1));
      List<Pattern> patterns = new ArrayList<>();
      for (Pattern p : s.patterns()) {
        List<List<Line>> lines = new ArrayList<>(p.tracks());
        lines.remove(index);
        patterns.add(new Pattern(p.length(), lines));
      }
      return s.withTracks(tracks, patterns);
    }
  }

  /**
   * Replaces track {@code index}'s settings (name, colour, mute, solo, output, columns,
   * mappings); cells in columns it no longer has are dropped.
   */
  record SetTrack(int index, SongTrack track) implements Edit {
    @Override
    public Song apply(Song s) {
      List<SongTrack> tracks = new ArrayList<>(s.tracks());
      tracks.set(Checks.range("track index", index, 0, tracks.size() - 1), Objects.requireNonNull(track));
      List<Pattern> patterns = new ArrayList<>();
      for (Pattern p : s.patterns()) {
        List<Line> lines = p.tracks().get(index).stream()
            .map(l -> l.truncate(track.noteColumns(), track.effectColumns())).toList();
        patterns.add(p.withTrack(index, lines));
      }
      return s.withTracks(tracks, patterns);
    }
  }

  /** Inserts an empty pattern of {@code length} lines at {@code index}; order entries follow it. */
  record AddPattern(int index, int length) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Pattern> patterns = new ArrayList<>(s.patterns());
      patterns.add(Checks.range("pattern index", index, 0, patterns.size()), Pattern.empty(length, s.tracks().size()));
      List<Integer> order = s.order().stream().map(o -> o >= index ? o + 1 : o).toList();
      return s.withPatterns(patterns, order);
    }
  }

  /** Removes pattern {@code index} and its order entries; later patterns' entries follow. */
  record RemovePattern(int index) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Pattern> patterns = new ArrayList<>(s.patterns());
      patterns.remove(Checks.range("pattern index", index, 0, patterns.size() - 1));
      List<Integer> order = s.order().stream().filter(o -> o != index).map(o -> o > index ? o - 1 : o).toList();
      return s.withPatterns(patterns, order);
    }
  }

  /** Makes pattern {@code pattern} {@code length} lines long: cut at the end, or padded with empty lines. */
  record SetPatternLength(int pattern, int length) implements Edit {
    @Override
    public Song apply(Song s) {
      Pattern p = s.patterns().get(Checks.range("pattern index", pattern, 0, s.patterns().size() - 1));
      Checks.range("pattern length", length, 1, Pattern.MAX_LENGTH);
      List<List<Line>> lines = new ArrayList<>();
      for (List<Line> track : p.tracks()) {
        List<Line> l = new ArrayList<>(track.subList(0, Math.min(length, track.size())));
        while (l.size() < length) {
          l.add(Line.EMPTY);
        }
        lines.add(l);
      }
      List<Pattern> patterns = new ArrayList<>(s.patterns());
      patterns.set(pattern, new Pattern(length, lines));
      return s.withPatterns(patterns, s.order());
    }
  }

  /** Replaces the order list. */
  record SetOrder(List<Integer> order) implements Edit {
    /** Copies the list. */
    public SetOrder {
      order = List.copyOf(order);
    }

    @Override
    public Song apply(Song s) {
      return s.withOrder(order);
    }
  }

  /** Writes a note column cell. */
  record SetNote(int pattern, int track, int line, int column, NoteCell cell) implements Edit {
    @Override
    public Song apply(Song s) {
      Objects.requireNonNull(cell, "cell");
      SongTrack t = Cells.track(s, track);
      Checks.range("note column", column, 0, t.noteColumns() - 1);
      if (cell.instrument() >= s.instruments().size()) {
        throw new IllegalArgumentException("no instrument " + cell.instrument() + " (the song has "
            + s.instruments().size() + ")");
      }
      return Cells.with(s, pattern, track, line, l -> l.withNote(column, cell));
    }
  }

  /** Writes an effect column cell. */
  record SetEffect(int pattern, int track, int line, int column, EffectCell cell) implements Edit {
    @Override
    public Song apply(Song s) {
      Objects.requireNonNull(cell, "cell");
      Checks.range("effect column", column, 0, Cells.track(s, track).effectColumns() - 1);
      return Cells.with(s, pattern, track, line, l -> l.withEffect(column, cell));
    }
  }

  /**
   * Inserts an empty line at {@code line} of {@code track} (-1: every track); the lines below
   * move down and the last one falls off, as in a tracker.
   */
  record InsertLine(int pattern, int track, int line) implements Edit {
    @Override
    public Song apply(Song s) {
      return Cells.shift(s, pattern, track, line, true);
    }
  }

  /** Deletes line {@code line} of {@code track} (-1: every track); the lines below move up. */
  record DeleteLine(int pattern, int track, int line) implements Edit {
    @Override
    public Song apply(Song s) {
      return Cells.shift(s, pattern, track, line, false);
    }
  }

  /** Adds an envelope, or replaces the one for the same parameter. */
  record SetEnvelope(Envelope envelope) implements Edit {
    @Override
    public Song apply(Song s) {
      List<Envelope> list = new ArrayList<>(s.automation());
      int at = Cells.envelope(s, envelope.node(), envelope.parameter());
      if (at < 0) {
        list.add(envelope);
      } else {
        list.set(at, envelope);
      }
      return s.withAutomation(list);
    }
  }

  /** Removes the envelope of {@code node.parameter}. */
  record RemoveEnvelope(String node, String parameter) implements Edit {
    @Override
    public Song apply(Song s) {
      int at = Cells.envelope(s, node, parameter);
      if (at < 0) {
        throw new IllegalArgumentException("no envelope for " + node + "." + parameter);
      }
      List<Envelope> list = new ArrayList<>(s.automation());
      list.remove(at);
      return s.withAutomation(list);
    }
  }

  /** Journal entry: the last edit was undone. */
  record Undo() implements Edit {
    @Override
    public Song apply(Song s) {
      throw new UnsupportedOperationException("undo is done by a SongEditor");
    }
  }

  /** Journal entry: the last undone edit was redone. */
  record Redo() implements Edit {
    @Override
    public Song apply(Song s) {
      throw new UnsupportedOperationException("redo is done by a SongEditor");
    }
  }
}

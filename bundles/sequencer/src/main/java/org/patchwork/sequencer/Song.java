package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A tracker song, immutable: settings, instruments, tracks, patterns, the order list that plays
 * them and automation envelopes. Change it with {@link Edit}s through a {@link SongEditor}, which
 * keeps the undo journal; every edit returns a new song sharing what did not change.
 *
 * @param settings tempo, lines per beat, ticks per line, groove, humanize
 * @param instruments what the instrument column of a note can name
 * @param tracks the tracks every pattern has a column of lines for
 * @param patterns the patterns, each with one column of lines per track
 * @param order pattern indexes in playing order
 * @param automation envelopes, at most one per parameter
 */
@ProviderType
public record Song(SongSettings settings, List<Instrument> instruments, List<SongTrack> tracks,
    List<Pattern> patterns, List<Integer> order, List<Envelope> automation) {

  /** Checks that the parts fit together: track counts, order entries, one envelope per parameter. */
  public Song {
    Objects.requireNonNull(settings, "song settings");
    instruments = List.copyOf(instruments);
    tracks = List.copyOf(tracks);
    patterns = List.copyOf(patterns);
    order = List.copyOf(order);
    automation = List.copyOf(automation);
    for (int p = 0; p < patterns.size(); p++) {
      if (patterns.get(p).tracks().size() != tracks.size()) {
        throw new IllegalArgumentException("pattern " + p + " has " + patterns.get(p).tracks().size()
            + " tracks, the song " + tracks.size());
      }
    }
    for (int i = 0; i < order.size(); i++) {
      Checks.range("order entry " + i, order.get(i), 0, patterns.size() - 1);
    }
    List<String> targets = new ArrayList<>();
    for (Envelope e : automation) {
      if (targets.contains(e.target())) {
        throw new IllegalArgumentException("two envelopes for " + e.target());
      }
      targets.add(e.target());
    }
  }

  /** A song with default settings and nothing else: where every journal starts. */
  public static Song empty() {
    return new Song(SongSettings.DEFAULT, List.of(), List.of(), List.of(), List.of(), List.of());
  }

  /** The pattern played at order index {@code orderIndex}. */
  public Pattern patternAt(int orderIndex) {
    return patterns.get(order.get(orderIndex));
  }

  /** Lines before order index {@code orderIndex}, in order-list layout (the envelope coordinate). */
  public long linesBefore(int orderIndex) {
    long lines = 0;
    for (int i = 0; i < orderIndex && i < order.size(); i++) {
      lines += patternAt(i).length();
    }
    return lines;
  }

  /** Whether a track's notes play: not muted, and soloed when any track is. */
  public boolean audible(int track) {
    SongTrack t = tracks.get(track);
    boolean anySolo = tracks.stream().anyMatch(SongTrack::solo);
    return !t.mute() && (!anySolo || t.solo());
  }

  /** This song with other settings. */
  public Song withSettings(SongSettings value) {
    return new Song(value, instruments, tracks, patterns, order, automation);
  }

  /** This song with other instruments. */
  public Song withInstruments(List<Instrument> value) {
    return new Song(settings, value, tracks, patterns, order, automation);
  }

  /** This song with other tracks and patterns (their track counts must agree). */
  public Song withTracks(List<SongTrack> value, List<Pattern> newPatterns) {
    return new Song(settings, instruments, value, newPatterns, order, automation);
  }

  /** This song with other patterns and order list. */
  public Song withPatterns(List<Pattern> value, List<Integer> newOrder) {
    return new Song(settings, instruments, tracks, value, newOrder, automation);
  }

  /** This song with another order list. */
  public Song withOrder(List<Integer> value) {
    return new Song(settings, instruments, tracks, patterns, value, automation);
  }

  /** This song with other envelopes. */
  public Song withAutomation(List<Envelope> value) {
    return new Song(settings, instruments, tracks, patterns, order, value);
  }
}

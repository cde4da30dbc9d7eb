package org.patchwork.sequencer;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A song played through once by {@link SongCompiler}: every event at its exact frame, every
 * line's start (for the playhead) and where it ended. Immutable.
 *
 * @param sampleRate the frame rate of every frame in it
 * @param events in frame order; at one frame in {@link SongEvent.Kind} order, then as produced
 * @param rows every line played, in playing order (a looped line appears once per pass)
 * @param length the frame at which the song ended
 */
@ProviderType
public record CompiledSong(double sampleRate, List<SongEvent> events, List<Playhead> rows, long length) {

  /** Copies the lists. */
  public CompiledSong {
    events = List.copyOf(events);
    rows = List.copyOf(rows);
  }

  /** The line playing at {@code frame}, or null before the first line or with no lines. */
  public Playhead playhead(long frame) {
    int i = rowIndex(frame);
    return i < 0 ? null : rows.get(i);
  }

  /**
   * The index in {@link #rows()} of the line playing at {@code frame}, or -1 before the first
   * line or with no lines. The line after it, if any, is the next index.
   */
  public int rowIndex(long frame) {
    int lo = 0;
    int hi = rows.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (rows.get(mid).frame() <= frame) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** The events of one kind, in order. */
  public List<SongEvent> events(SongEvent.Kind kind) {
    return events.stream().filter(e -> e.kind() == kind).toList();
  }
}

package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A line of the song: an index into the order list and a line of the pattern played there.
 *
 * @param order index into the order list, at least 0
 * @param line line of that pattern, at least 0
 */
@ProviderType
public record SongPosition(int order, int line) implements Comparable<SongPosition> {

  /** The song's first line. */
  public static final SongPosition START = new SongPosition(0, 0);

  /** Checks both are not negative. */
  public SongPosition {
    Checks.range("order index", order, 0, Integer.MAX_VALUE);
    Checks.range("line", line, 0, Integer.MAX_VALUE);
  }

  @Override
  public int compareTo(SongPosition o) {
    return order != o.order ? Integer.compare(order, o.order) : Integer.compare(line, o.line);
  }
}

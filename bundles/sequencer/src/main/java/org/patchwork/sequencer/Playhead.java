package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Where a song is at a frame: the order index, the pattern played there and its line.
 *
 * @param order index into the order list
 * @param pattern the pattern's index
 * @param line the line in that pattern
 * @param frame the frame the line started at
 */
@ProviderType
public record Playhead(int order, int pattern, int line, long frame) {

  /**
   * Where a note played at {@code frame} during {@code row} is recorded, as a tracker quantizes:
   * the {@code next} line when the frame is past the middle of {@code row}, else {@code row}.
   *
   * @param next the line played after {@code row}, or null if none is known (then {@code row})
   */
  public static Playhead recordedLine(Playhead row, Playhead next, long frame) {
    return next != null && frame - row.frame() > (next.frame() - row.frame()) / 2 ? next : row;
  }
}

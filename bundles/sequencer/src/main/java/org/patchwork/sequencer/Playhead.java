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
}

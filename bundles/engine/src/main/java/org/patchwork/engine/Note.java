package org.patchwork.engine;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A note of a project, timed in beats (quarter notes) so it keeps its place in the music when
 * the tempo or sample rate changes.
 *
 * @param track the id of the {@link Track} whose instrument plays it
 * @param key MIDI key 0..127 (60 is middle C)
 * @param velocity 0 (exclusive) .. 1
 * @param start beats from the start of the song, at least 0
 * @param length beats the key is held, more than 0
 */
@ProviderType
public record Note(String track, int key, double velocity, double start, double length) {

  /** Checks for null. */
  public Note {
    Objects.requireNonNull(track, "note track");
  }
}

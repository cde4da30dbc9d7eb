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
 * @param cents the note's tuning relative to its key, in cents (-2400..2400, 0 for none):
 *     key 33 with 100·12·log2(1.0003) cents sounds at 55·1.0003 Hz. It reaches the instrument
 *     as a {@link org.patchwork.sdk.module.Event.Type#NOTE_EXPRESSION} of {@code cents/100}
 *     semitones at the note's first frame, right after its NOTE_ON.
 */
@ProviderType
public record Note(String track, int key, double velocity, double start, double length, double cents) {

  /** Largest tuning either way, in cents. */
  public static final double MAX_CENTS = 2400;

  /** Checks for null. */
  public Note {
    Objects.requireNonNull(track, "note track");
  }

  /** A note at its key's own pitch. */
  public Note(String track, int key, double velocity, double start, double length) {
    this(track, key, velocity, start, length, 0);
  }
}

package org.patchwork.project;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A note on a track, in beats.
 *
 * @param track the track id
 * @param key MIDI key
 * @param velocity 0 (exclusive) .. 1
 * @param start start in beats
 * @param length length in beats
 * @param cents tuning relative to the key
 */
@ProviderType
public record Note(
    @Field(doc = "The track id.", pattern = "\\S") String track,
    @Field(doc = "MIDI key.", min = 0, max = 127) int key,
    @Field(doc = "Velocity, more than 0 up to 1.", min = 0, exclusiveMin = true, max = 1) double velocity,
    @Field(doc = "Start in beats.", min = 0, max = 1e7) double start,
    @Field(doc = "Length in beats.", min = 0, exclusiveMin = true, max = 1e7) double length,
    @Field(doc = "Tuning relative to the key, in cents.", optional = true, min = -2400, max = 2400)
    double cents) {

  /** Checks the track id is there. */
  public Note {
    Objects.requireNonNull(track, "track");
  }
}

package org.patchwork.project;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A sample's loop: frames {@code start} (inclusive) to {@code end} (exclusive).
 *
 * @param start first frame of the loop
 * @param end frame after the last
 * @param mode how it repeats
 */
@ProviderType
public record Loop(
    @Field(doc = "First frame of the loop.", min = 0, max = 4294967296.0) long start,
    @Field(doc = "The frame after the loop's last.", min = 1, max = 4294967296.0) long end,
    @Field(doc = "How the loop repeats.") LoopMode mode) {

  /** Checks the mode is there. */
  public Loop {
    Objects.requireNonNull(mode, "mode");
  }
}

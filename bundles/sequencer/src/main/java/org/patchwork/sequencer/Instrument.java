package org.patchwork.sequencer;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * An entry of the song's instrument list: the instrument column of a note names one by index,
 * and the note then plays on that engine track (an instrument graph and its effects) instead of
 * its tracker track's default output.
 *
 * @param name shown to users
 * @param output the id of the engine track ({@code tracks[].id} of the project) that plays it
 */
@ProviderType
public record Instrument(String name, String output) {

  /** Checks for missing values. */
  public Instrument {
    Objects.requireNonNull(name, "instrument name");
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("instrument '" + name + "' needs an output track");
    }
  }
}

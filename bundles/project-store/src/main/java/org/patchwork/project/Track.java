package org.patchwork.project;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A mixer track.
 *
 * @param id unique track id
 * @param chain node ids, each feeding the next
 * @param gainDb strip gain
 * @param pan equal-power pan, -1 (left) .. 1 (right)
 * @param mute whether it is muted
 * @param solo whether it is soloed
 * @param sends sends to buses
 */
@ProviderType
public record Track(
    @Field(doc = "Unique track id.", pattern = "\\S") String id,
    @Field(doc = "Node ids, each feeding the next; the last feeds the strip.") List<String> chain,
    @Field(doc = "Strip gain in dB.", optional = true) double gainDb,
    @Field(doc = "Equal-power pan from -1 (left) to 1 (right).", optional = true) double pan,
    @Field(doc = "Whether the track is muted.", optional = true) boolean mute,
    @Field(doc = "Whether the track is soloed.", optional = true) boolean solo,
    @Field(doc = "Sends to buses.", optional = true) List<Send> sends) {

  /** Copies the lists. */
  public Track {
    Objects.requireNonNull(id, "id");
    chain = List.copyOf(chain);
    sends = sends == null ? List.of() : List.copyOf(sends);
  }
}

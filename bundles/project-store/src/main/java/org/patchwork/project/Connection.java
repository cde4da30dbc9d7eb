package org.patchwork.project;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A cable from {@code node.port} to {@code node.port} (or {@code master}).
 *
 * @param from source {@code node.port}
 * @param to destination {@code node.port} or {@code master}
 * @param channels channel map, or empty for one to one
 * @param feedbackDelay frames of delay that make a cycle legal, or null
 */
@ProviderType
public record Connection(
    @Field(doc = "Source as node.port.", pattern = "\\S") String from,
    @Field(doc = "Destination as node.port, or master.", pattern = "\\S") String to,
    @Field(doc = "Channel map: for each destination channel the source channel, -1 for none.",
        optional = true) List<@Field(doc = "A source channel.", min = -1, max = 63) Integer> channels,
    @Field(doc = "Delay in frames that makes a cycle legal.", optional = true, min = 1, max = 16777216)
    Integer feedbackDelay) {

  /** Copies the channel map. */
  public Connection {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    channels = channels == null ? List.of() : List.copyOf(channels);
  }
}

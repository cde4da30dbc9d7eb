package org.patchwork.engine;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A post-fader send from a track to a send bus.
 *
 * @param bus the id of a {@link Bus} of the graph
 * @param levelDb send level in dB, -144..+24 (-144 is silence)
 */
@ProviderType
public record Send(String bus, double levelDb) {

  /** Checks for null. */
  public Send {
    Objects.requireNonNull(bus, "send bus");
  }
}

package org.patchwork.project;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A track's send to a bus.
 *
 * @param bus the bus id
 * @param levelDb send level
 */
@ProviderType
public record Send(
    @Field(doc = "The bus id.", pattern = "\\S") String bus,
    @Field(doc = "Send level in dB.", optional = true) double levelDb) {

  /** Checks the bus id is there. */
  public Send {
    Objects.requireNonNull(bus, "bus");
  }
}

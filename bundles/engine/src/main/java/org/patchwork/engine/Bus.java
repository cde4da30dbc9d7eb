package org.patchwork.engine;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A send bus (reverb, delay return): the sum of the sends to it, through an effect chain and a
 * gain, into the master bus.
 *
 * @param id bus id, unique among buses
 * @param chain effect node ids in series; may be empty
 * @param gainDb return gain in dB, -144..+24
 */
@ProviderType
public record Bus(String id, List<String> chain, double gainDb) {

  /** Copies its arguments. */
  public Bus {
    Objects.requireNonNull(id, "bus id");
    chain = chain == null ? List.of() : List.copyOf(chain);
  }
}

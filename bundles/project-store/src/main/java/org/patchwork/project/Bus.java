package org.patchwork.project;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A send bus with an effect chain.
 *
 * @param id unique bus id
 * @param chain effect node ids
 * @param gainDb bus gain
 */
@ProviderType
public record Bus(
    @Field(doc = "Unique bus id.", pattern = "\\S") String id,
    @Field(doc = "Effect node ids, in order.") List<String> chain,
    @Field(doc = "Bus gain in dB.", optional = true) double gainDb) {

  /** Copies the chain. */
  public Bus {
    Objects.requireNonNull(id, "id");
    chain = List.copyOf(chain);
  }
}

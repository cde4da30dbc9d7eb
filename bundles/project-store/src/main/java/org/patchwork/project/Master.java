package org.patchwork.project;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The master strip.
 *
 * @param chain effect node ids
 * @param gainDb master gain
 */
@ProviderType
public record Master(
    @Field(doc = "Effect node ids, in order.", optional = true) List<String> chain,
    @Field(doc = "Master gain in dB.", optional = true) double gainDb) {

  /** Copies the chain. */
  public Master {
    chain = chain == null ? List.of() : List.copyOf(chain);
  }
}

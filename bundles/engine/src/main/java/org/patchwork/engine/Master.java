package org.patchwork.engine;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The master bus: the sum of all tracks, buses and direct connections, through an effect chain
 * and a gain, to the stereo output.
 *
 * @param chain effect node ids in series; may be empty
 * @param gainDb master gain in dB, -144..+24
 */
@ProviderType
public record Master(List<String> chain, double gainDb) {

  /** No effects, 0 dB. */
  public static final Master DEFAULT = new Master(List.of(), 0);

  /** Copies its arguments. */
  public Master {
    chain = chain == null ? List.of() : List.copyOf(chain);
  }
}

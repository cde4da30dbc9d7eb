package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.internal.MixGains;

/**
 * An immutable mixer snapshot for one {@link Plan}: every fader, pan, mute, solo and send level
 * already turned into linear gains. Made by {@link Plan#mix}, sent with {@link Engine#submit(Mix)};
 * the engine glides to it over one block.
 */
@ProviderType
public final class Mix {

  private final MixGains gains;

  Mix(MixGains gains) {
    this.gains = gains;
  }

  MixGains gains() {
    return gains;
  }
}

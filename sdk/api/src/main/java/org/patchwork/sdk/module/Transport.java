package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/** The song's tempo and position at the first frame of the block. Thread: audio. */
@ProviderType
public interface Transport {

  /** Whether the song is playing (modules still run when it is stopped). */
  boolean isPlaying();

  /** Beats per minute. */
  double tempo();

  /** Song position in frames since the start of the song. */
  long songFrame();

  /** Song position in beats (quarter notes) since the start of the song. */
  double songBeat();

  /** Beats per bar of the current time signature. */
  int beatsPerBar();
}

package org.patchwork.playback;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told by the audio thread when each block starts: the engine frame of its first sample and
 * {@link System#nanoTime()} then. How the control layer maps input times to engine frames
 * (bundles/controllers {@code FrameClock}).
 *
 * <p>Thread: the audio thread. It must not allocate, lock, block, log or throw.
 */
@ConsumerType
@FunctionalInterface
public interface BlockClock {

  void blockStarted(long frame, long nanos);
}

package org.patchwork.bus;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Receives the messages a {@link RingReader} drains. The message is a ring slot that is reused
 * as soon as the handler returns: copy what you need to keep.
 *
 * <p>On the audio thread pass one handler object created up front (a field, not a capturing
 * lambda), so draining allocates nothing.
 *
 * @param <T> the ring's message type
 */
@ConsumerType
@FunctionalInterface
public interface MessageHandler<T> {

  /** Handles one message. Thread: the reader's thread. */
  void onMessage(T message);
}

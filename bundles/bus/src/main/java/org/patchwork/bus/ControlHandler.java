package org.patchwork.bus;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The sequencer thread's side of the {@link ControlRing}. The ring's consumer thread calls
 * these methods one at a time, never concurrently.
 *
 * <pre>{@code
 * ControlRing ring = new ControlRing(1024, 2, TimeUnit.MILLISECONDS, new ControlHandler() {
 *   public void onMessage(ControlMessage m, boolean endOfBatch) { sequencer.apply(m); }
 *   public void onIdle() { sequencer.renderAhead(); }
 * });
 * }</pre>
 */
@ConsumerType
public interface ControlHandler {

  /**
   * One message, in the order the ring received them. The slot is reused after return.
   *
   * @param endOfBatch true for the last message available right now, a good moment to publish
   *     the resulting state
   */
  void onMessage(ControlMessage message, boolean endOfBatch) throws Exception;

  /**
   * Called when no message arrived for the ring's idle timeout, so the sequencer can do its
   * periodic work (render ahead of the playhead) without a second thread.
   */
  default void onIdle() throws Exception {
  }

  /**
   * A handler method threw; the consumer carries on with the next message.
   *
   * @param message the message being handled, or null when the error came from {@link #onIdle}
   *     or from starting or stopping the thread
   */
  default void onError(Throwable error, ControlMessage message) {
  }
}

package org.patchwork.bus;

import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequencer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The single consumer of a poll-only ring. {@link #drain} hands every message published so far
 * to a handler and returns at once when there is none: it never waits, spins or parks, which is
 * what the audio thread needs at the start of a block.
 *
 * <pre>{@code
 * int handled = ring.reader().drain(handler);   // 0 when the ring is empty
 * }</pre>
 *
 * <p>Not thread-safe: exactly one thread drains a ring.
 *
 * @param <T> the ring's message type
 */
@ProviderType
public final class RingReader<T> {

  private final EventPoller<T> poller;
  private final Adapter<T> adapter = new Adapter<>();

  RingReader(RingBuffer<T> ring) {
    poller = ring.newPoller();
    // Gating from the start: producers cannot overwrite what this reader has not seen yet.
    ring.addGatingSequences(poller.getSequence());
  }

  /** A reader of a ring whose slots are not objects: {@code poller} shows them through a view. */
  RingReader(EventPoller<T> poller, Sequencer sequencer) {
    this.poller = poller;
    sequencer.addGatingSequences(poller.getSequence());
  }

  /**
   * Hands every available message to {@code handler}, in publication order, and returns how
   * many there were. Allocation-free; returns 0 at once on an empty ring.
   *
   * @throws RuntimeException whatever the handler throws; messages handled before it stay
   *     consumed, the failing one too
   */
  public int drain(MessageHandler<? super T> handler) {
    adapter.target = handler;
    adapter.count = 0;
    try {
      poller.poll(adapter);
    } catch (RuntimeException | Error e) {
      throw e;
    } catch (Exception e) {
      // The adapter declares no checked exception; the poller's signature does.
      throw new IllegalStateException(e);
    } finally {
      adapter.target = null;
    }
    return adapter.count;
  }

  /** Sequence of the last message drained, -1 before the first. */
  public long sequence() {
    return poller.getSequence().get();
  }

  /** Bridges the Disruptor's poll handler to ours without allocating per call. */
  private static final class Adapter<T> implements EventPoller.Handler<T> {
    private MessageHandler<? super T> target;
    private int count;

    @Override
    public boolean onEvent(T event, long sequence, boolean endOfBatch) {
      count++;
      target.onMessage(event);
      return true;
    }
  }
}

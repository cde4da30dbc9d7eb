package org.patchwork.bus;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutBlockingWaitStrategy;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring from the UI, MIDI, OSC and controllers to the sequencer thread. Any number of threads
 * publish; one consumer thread, started by {@link #start}, hands messages to a
 * {@link ControlHandler}.
 *
 * <p>Publishing never waits: a full ring drops the message, counts it in {@link #dropped()} and
 * returns false, so a stalled sequencer cannot freeze the UI or a MIDI callback. The consumer
 * blocks while the ring is empty (no busy spin on a two-core machine) and wakes after the idle
 * timeout to call {@link ControlHandler#onIdle()}.
 *
 * <pre>{@code
 * ControlRing ring = new ControlRing(1024, 2, TimeUnit.MILLISECONDS, handler);
 * ring.start(r -> new Thread(r, "patchwork-sequencer"));
 * ring.noteOn(System.nanoTime(), 0, 0, 60, 0.8);    // any thread
 * ring.close();
 * }</pre>
 */
@ProviderType
public final class ControlRing implements AutoCloseable {

  private final RingBuffer<ControlMessage> ring;
  private final BatchEventProcessor<ControlMessage> processor;
  private final AtomicLong dropped = new AtomicLong();
  private Thread thread;

  /**
   * Builds the ring, its slots and its consumer (not yet running: see {@link #start}).
   *
   * @param bufferSize slot count, a power of 2
   * @param idleTimeout how long the consumer waits for a message before calling
   *     {@link ControlHandler#onIdle()}; must be positive
   * @throws IllegalArgumentException "bufferSize must be a power of 2: 1000", or
   *     "idleTimeout must be positive: 0 MILLISECONDS"
   */
  public ControlRing(int bufferSize, long idleTimeout, TimeUnit unit, ControlHandler handler) {
    Rings.checkBufferSize(bufferSize);
    if (idleTimeout <= 0 || unit == null) {
      throw new IllegalArgumentException("idleTimeout must be positive: " + idleTimeout + " " + unit);
    }
    if (handler == null) {
      throw new IllegalArgumentException("handler must not be null");
    }
    ring = RingBuffer.createMultiProducer(ControlMessage::new, bufferSize,
        new TimeoutBlockingWaitStrategy(idleTimeout, unit));
    processor = new BatchEventProcessorBuilder()
        .build(ring, ring.newBarrier(), new Adapter(handler));
    processor.setExceptionHandler(new Errors(handler));
    // Gate producers on the consumer now, so messages published before start() wait for it.
    ring.addGatingSequences(processor.getSequence());
  }

  /** Starts the consumer on a thread made by {@code threads}. Call once. */
  public synchronized void start(ThreadFactory threads) {
    if (thread != null) {
      throw new IllegalStateException("the control ring's consumer is already started");
    }
    thread = threads.newThread(processor);
    thread.start();
  }

  /** Key pressed, velocity 0..1. Thread: any. @return false if the ring was full */
  public boolean noteOn(long nanos, int source, int channel, int key, double velocity) {
    return publish(ControlMessage.Kind.NOTE_ON, nanos, source, channel, key, -1, -1, velocity, null);
  }

  /** Key released. Thread: any. @return false if the ring was full */
  public boolean noteOff(long nanos, int source, int channel, int key) {
    return publish(ControlMessage.Kind.NOTE_OFF, nanos, source, channel, key, -1, -1, 0, null);
  }

  /** Controller moved (raw 0..127). Thread: any. @return false if the ring was full */
  public boolean controlChange(long nanos, int source, int channel, int number, int value) {
    return publish(ControlMessage.Kind.CONTROL_CHANGE, nanos, source, channel, number, -1, -1, value, null);
  }

  /** Pitch wheel (raw 0..16383). Thread: any. @return false if the ring was full */
  public boolean pitchBend(long nanos, int source, int channel, int value) {
    return publish(ControlMessage.Kind.PITCH_BEND, nanos, source, channel, 0, -1, -1, value, null);
  }

  /** Set a parameter. Thread: any. @return false if the ring was full */
  public boolean parameter(long nanos, int node, int parameter, double value) {
    return publish(ControlMessage.Kind.PARAMETER, nanos, -1, 0, 0, node, parameter, value, null);
  }

  /** Start the transport. Thread: any. @return false if the ring was full */
  public boolean transportStart(long nanos) {
    return publish(ControlMessage.Kind.TRANSPORT_START, nanos, -1, 0, 0, -1, -1, 0, null);
  }

  /** Stop the transport. Thread: any. @return false if the ring was full */
  public boolean transportStop(long nanos) {
    return publish(ControlMessage.Kind.TRANSPORT_STOP, nanos, -1, 0, 0, -1, -1, 0, null);
  }

  /** Change the tempo. Thread: any. @return false if the ring was full */
  public boolean tempo(long nanos, double bpm) {
    return publish(ControlMessage.Kind.TEMPO, nanos, -1, 0, 0, -1, -1, bpm, null);
  }

  /** Hand an immutable command object to the sequencer. Thread: any. @return false if full */
  public boolean command(long nanos, Object command) {
    return publish(ControlMessage.Kind.COMMAND, nanos, -1, 0, 0, -1, -1, 0, command);
  }

  /** Messages dropped because the ring was full. Thread: any. */
  public long dropped() {
    return dropped.get();
  }

  /** Slot count. */
  public int bufferSize() {
    return ring.getBufferSize();
  }

  /**
   * Stops the consumer after the message it is handling and waits up to a second for its thread
   * to end. Messages still in the ring are not handled.
   */
  @Override
  public synchronized void close() {
    processor.halt();
    if (thread != null) {
      try {
        thread.join(1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private boolean publish(ControlMessage.Kind kind, long nanos, int source, int channel,
      int number, int node, int parameter, double value, Object command) {
    long s;
    try {
      s = ring.tryNext();
    } catch (InsufficientCapacityException full) {
      dropped.incrementAndGet();
      return false;
    }
    try {
      ring.get(s).fill(kind, nanos, source, channel, number, node, parameter, value, command);
    } finally {
      ring.publish(s);
    }
    return true;
  }

  private static final class Adapter implements EventHandler<ControlMessage> {
    private final ControlHandler handler;

    Adapter(ControlHandler handler) {
      this.handler = handler;
    }

    @Override
    public void onEvent(ControlMessage message, long sequence, boolean endOfBatch) throws Exception {
      try {
        handler.onMessage(message, endOfBatch);
      } finally {
        // The slot may wait a long time before reuse; do not keep the command alive meanwhile.
        message.clearCommand();
      }
    }

    @Override
    public void onTimeout(long sequence) throws Exception {
      handler.onIdle();
    }
  }

  /** Reports and carries on: the Disruptor's default handler would end the consumer thread. */
  private static final class Errors implements ExceptionHandler<ControlMessage> {
    private final ControlHandler handler;

    Errors(ControlHandler handler) {
      this.handler = handler;
    }

    @Override
    public void handleEventException(Throwable error, long sequence, ControlMessage message) {
      handler.onError(error, message);
    }

    @Override
    public void handleOnStartException(Throwable error) {
      handler.onError(error, null);
    }

    @Override
    public void handleOnShutdownException(Throwable error) {
      handler.onError(error, null);
    }
  }
}

package org.patchwork.bus;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring from the audio thread to the UI: meters, playhead, DSP load, xruns and faults.
 *
 * <p>The audio thread must never wait for a slow UI, so every publish method claims a slot with
 * {@code tryNext}: when the ring is full the message is dropped, {@link #dropped()} grows and the
 * method returns false. The UI drains {@link #reader()} on its own timer.
 *
 * <pre>{@code
 * telemetry.meter(frame, 0, peak, rms);                  // audio thread; false if dropped
 * telemetry.reader().drain(meterView);                   // UI timer, about 30 times a second
 * }</pre>
 */
@ProviderType
public final class TelemetryRing {

  private final RingBuffer<TelemetryMessage> ring;
  private final RingReader<TelemetryMessage> reader;
  // Written only by the single producer; volatile so the UI reads a fresh value.
  private volatile long dropped;

  /**
   * Builds the ring and all its slots.
   *
   * @param bufferSize slot count, a power of 2
   * @throws IllegalArgumentException "bufferSize must be a power of 2: 1000"
   */
  public TelemetryRing(int bufferSize) {
    // The UI polls; the publish-side signal of SleepingWaitStrategy is a no-op, so the audio
    // thread never takes a lock here. See docs/decisions/0010-bus-wait-strategies.md.
    ring = RingBuffer.createSingleProducer(
        TelemetryMessage::new, Rings.checkBufferSize(bufferSize), new SleepingWaitStrategy());
    reader = new RingReader<>(ring);
  }

  /** Level of output channel {@code channel}. Thread: audio. */
  public boolean meter(long frame, int channel, float peak, float rms) {
    return publish(TelemetryMessage.Kind.METER, frame, 0, channel, -1, 0, peak, rms, 0f);
  }

  /** Playhead position. Thread: audio. */
  public boolean playhead(long frame, long songFrame) {
    return publish(TelemetryMessage.Kind.PLAYHEAD, frame, songFrame, -1, -1, 0, 0f, 0f, 0f);
  }

  /** DSP load, block time over block duration. Thread: audio. */
  public boolean load(long frame, float load) {
    return publish(TelemetryMessage.Kind.LOAD, frame, 0, -1, -1, 0, 0f, 0f, load);
  }

  /** Xruns counted so far. Thread: audio. */
  public boolean xruns(long frame, long total) {
    return publish(TelemetryMessage.Kind.XRUNS, frame, total, -1, -1, 0, 0f, 0f, 0f);
  }

  /** Node {@code node} failed for {@code reason} and is bypassed. Thread: audio. */
  public boolean fault(long frame, int node, int reason) {
    return publish(TelemetryMessage.Kind.FAULT, frame, 0, -1, node, reason, 0f, 0f, 0f);
  }

  /** Messages dropped because the ring was full. Thread: any. */
  public long dropped() {
    return dropped;
  }

  /** The single consumer, drained by the UI. */
  public RingReader<TelemetryMessage> reader() {
    return reader;
  }

  /** Slot count. */
  public int bufferSize() {
    return ring.getBufferSize();
  }

  private boolean publish(TelemetryMessage.Kind kind, long frame, long count, int channel,
      int node, int reason, float peak, float rms, float value) {
    long s;
    try {
      s = ring.tryNext();
    } catch (InsufficientCapacityException full) {
      // A pre-allocated singleton without a stack trace: dropping allocates nothing.
      dropped = dropped + 1;
      return false;
    }
    try {
      ring.get(s).fill(kind, frame, count, channel, node, reason, peak, rms, value);
    } finally {
      ring.publish(s);
    }
    return true;
  }
}

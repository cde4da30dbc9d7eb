package org.patchwork.bus;

import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring from the model thread (sequencer, editor) to the audio thread: timestamped notes,
 * parameter changes, transport changes and swaps of immutable plans or snapshots.
 *
 * <p>Single producer: exactly one thread publishes. The audio thread is the single consumer
 * and drains {@link #reader()} at the start of every block without waiting. Publishing parks
 * the producer only while the ring is full, i.e. while the audio thread is not running.
 *
 * <pre>{@code
 * EngineRing ring = new EngineRing(4096);
 * ring.noteOn(48_000, track, noteId, 60, 0.8f);          // model thread
 * ring.reader().drain(handler);                          // audio thread, block start
 * }</pre>
 */
@ProviderType
public final class EngineRing {

  private final RingBuffer<EngineMessage> ring;
  private final RingReader<EngineMessage> reader;

  /**
   * Builds the ring and all its slots.
   *
   * @param bufferSize slot count, a power of 2
   * @throws IllegalArgumentException "bufferSize must be a power of 2: 1000"
   */
  public EngineRing(int bufferSize) {
    // Nobody ever waits on this ring (the reader polls), and SleepingWaitStrategy's publish-side
    // signal is a no-op: no lock, no syscall. See docs/decisions/0010-bus-wait-strategies.md.
    ring = RingBuffer.createSingleProducer(
        EngineMessage::new, Rings.checkBufferSize(bufferSize), new SleepingWaitStrategy());
    reader = new RingReader<>(ring);
  }

  /** A note starts at {@code frame} on track {@code track}. Thread: the producer. */
  public void noteOn(long frame, int track, int noteId, int key, float velocity) {
    long s = ring.next();
    try {
      ring.get(s).note(EngineMessage.Kind.NOTE_ON, frame, track, noteId, key, velocity, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** The note {@code noteId} is released at {@code frame}. Thread: the producer. */
  public void noteOff(long frame, int track, int noteId, int key) {
    long s = ring.next();
    try {
      ring.get(s).note(EngineMessage.Kind.NOTE_OFF, frame, track, noteId, key, 0f, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** Every note of {@code track} stops at {@code frame}. Thread: the producer. */
  public void allNotesOff(long frame, int track) {
    long s = ring.next();
    try {
      ring.get(s).note(EngineMessage.Kind.ALL_NOTES_OFF, frame, track, -1, -1, 0f, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** A per-note expression (such as bend in semitones) at {@code frame}. Thread: the producer. */
  public void noteExpression(long frame, int track, int noteId, double value) {
    long s = ring.next();
    try {
      ring.get(s).note(EngineMessage.Kind.NOTE_EXPRESSION, frame, track, noteId, -1, 0f, value);
    } finally {
      ring.publish(s);
    }
  }

  /** Parameter {@code parameter} of node {@code node} moves to {@code value} at {@code frame}. */
  public void parameter(long frame, int node, int parameter, double value) {
    long s = ring.next();
    try {
      ring.get(s).parameter(frame, node, parameter, value);
    } finally {
      ring.publish(s);
    }
  }

  /** The transport starts playing at {@code frame} from song frame {@code songFrame}. */
  public void start(long frame, long songFrame) {
    transport(EngineMessage.Kind.TRANSPORT_START, frame, songFrame, 0);
  }

  /** The transport stops at {@code frame}. */
  public void stop(long frame) {
    transport(EngineMessage.Kind.TRANSPORT_STOP, frame, 0, 0);
  }

  /** The tempo becomes {@code bpm} at {@code frame}. */
  public void tempo(long frame, double bpm) {
    transport(EngineMessage.Kind.TEMPO, frame, 0, bpm);
  }

  /**
   * Hands an immutable object (a compiled plan, a mixer snapshot) to the audio thread, which
   * switches to it at the next block boundary. The reference is the only thing that crosses.
   */
  public void swap(Object snapshot) {
    if (snapshot == null) {
      throw new IllegalArgumentException("snapshot must not be null");
    }
    long s = ring.next();
    try {
      ring.get(s).swap(snapshot);
    } finally {
      ring.publish(s);
    }
  }

  /** The single consumer: the audio thread drains it at each block start. */
  public RingReader<EngineMessage> reader() {
    return reader;
  }

  /** Slots a producer can claim right now without waiting. */
  public long remainingCapacity() {
    return ring.remainingCapacity();
  }

  /** Slot count. */
  public int bufferSize() {
    return ring.getBufferSize();
  }

  private void transport(EngineMessage.Kind kind, long frame, long songFrame, double tempo) {
    long s = ring.next();
    try {
      ring.get(s).transport(kind, frame, songFrame, tempo);
    } finally {
      ring.publish(s);
    }
  }
}

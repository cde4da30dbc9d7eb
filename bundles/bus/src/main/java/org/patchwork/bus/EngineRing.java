package org.patchwork.bus;

import com.lmax.disruptor.SingleProducerSequencer;
import com.lmax.disruptor.SleepingWaitStrategy;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ring from the model thread (sequencer, editor) to the audio thread: timestamped notes,
 * parameter changes, transport changes and swaps of immutable plans or snapshots.
 *
 * <p>Flat storage: the Disruptor's single-producer sequencer orders the slots, and the slots
 * themselves are four {@code long}s each in one pre-allocated array (two per cache line, read
 * in order by the audio thread, which the CPU's prefetcher follows); only a swap's object sits
 * in a parallel array. See {@link EngineMessage} for the packing.
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

  private final SingleProducerSequencer ring;
  private final int mask;
  private final long[] data;
  private final Object[] payloads;
  private final RingReader<EngineMessage> reader;
  private final Batch batch = new Batch();

  /**
   * Builds the ring and all its slots.
   *
   * @param bufferSize slot count, a power of 2
   * @throws IllegalArgumentException "bufferSize must be a power of 2: 1000"
   */
  public EngineRing(int bufferSize) {
    // Nobody ever waits on this ring (the reader polls), and SleepingWaitStrategy's publish-side
    // signal is a no-op: no lock, no syscall. See docs/decisions/0010-bus-wait-strategies.md.
    ring = new SingleProducerSequencer(Rings.checkBufferSize(bufferSize), new SleepingWaitStrategy());
    mask = bufferSize - 1;
    data = new long[bufferSize * EngineMessage.SLOT];
    payloads = new Object[bufferSize];
    EngineMessage view = new EngineMessage(data, payloads);
    reader = new RingReader<>(ring.newPoller(sequence -> view.at((int) sequence & mask)), ring);
  }

  /**
   * Claims {@code count} consecutive slots for one publication: fill them through the returned
   * batch, then {@link Batch#publish()} makes all of them visible to the reader at once. The
   * model thread publishes a block's worth of notes this way: one sequence claim and one
   * release store for the whole batch instead of one each. Parks while fewer than
   * {@code count} slots are free, like the single-event methods. Thread: the producer; one
   * batch at a time (the batch object is reused, so this allocates nothing).
   *
   * <pre>{@code
   * EngineRing.Batch b = ring.batch(2);
   * b.noteOn(frame, track, 1, 60, 0.8f).noteOn(frame, track, 2, 64, 0.8f).publish();
   * }</pre>
   *
   * @throws IllegalArgumentException if {@code count} is not in 1..bufferSize
   * @throws IllegalStateException if the previous batch was not published
   */
  public Batch batch(int count) {
    if (count < 1 || count > ring.getBufferSize()) {
      throw new IllegalArgumentException("a batch holds 1.." + ring.getBufferSize() + " messages, not " + count);
    }
    if (batch.next <= batch.last) {
      throw new IllegalStateException("the previous batch has " + (batch.last - batch.next + 1) + " slots not filled");
    }
    long last = ring.next(count);
    batch.first = last - count + 1;
    batch.next = batch.first;
    batch.last = last;
    return batch;
  }

  /** A note starts at {@code frame} on track {@code track}. Thread: the producer. */
  public void noteOn(long frame, int track, int noteId, int key, float velocity) {
    long s = ring.next();
    try {
      EngineMessage.note(data, payloads, (int) s & mask, EngineMessage.Kind.NOTE_ON, frame, track, noteId, key, velocity, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** The note {@code noteId} is released at {@code frame}. Thread: the producer. */
  public void noteOff(long frame, int track, int noteId, int key) {
    long s = ring.next();
    try {
      EngineMessage.note(data, payloads, (int) s & mask, EngineMessage.Kind.NOTE_OFF, frame, track, noteId, key, 0f, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** Every note of {@code track} stops at {@code frame}. Thread: the producer. */
  public void allNotesOff(long frame, int track) {
    long s = ring.next();
    try {
      EngineMessage.note(data, payloads, (int) s & mask, EngineMessage.Kind.ALL_NOTES_OFF, frame, track, -1, -1, 0f, 0);
    } finally {
      ring.publish(s);
    }
  }

  /** A per-note expression (such as bend in semitones) at {@code frame}. Thread: the producer. */
  public void noteExpression(long frame, int track, int noteId, double value) {
    long s = ring.next();
    try {
      EngineMessage.note(data, payloads, (int) s & mask, EngineMessage.Kind.NOTE_EXPRESSION, frame, track, noteId, -1, 0f, value);
    } finally {
      ring.publish(s);
    }
  }

  /** Parameter {@code parameter} of node {@code node} moves to {@code value} at {@code frame}. */
  public void parameter(long frame, int node, int parameter, double value) {
    long s = ring.next();
    try {
      EngineMessage.parameter(data, payloads, (int) s & mask, frame, node, parameter, value);
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
      EngineMessage.swap(data, payloads, (int) s & mask, snapshot);
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
      EngineMessage.transport(data, payloads, (int) s & mask, kind, frame, songFrame, tempo);
    } finally {
      ring.publish(s);
    }
  }

  /**
   * Slots claimed by {@link #batch(int)}, filled in order and published together. Thread: the
   * producer.
   */
  public final class Batch {
    private long first;
    private long next = 0;
    private long last = -1;

    private Batch() {
    }

    /** Fills the next slot with a note-on (see {@link EngineRing#noteOn}). */
    public Batch noteOn(long frame, int track, int noteId, int key, float velocity) {
      EngineMessage.note(data, payloads, slot(), EngineMessage.Kind.NOTE_ON, frame, track, noteId, key, velocity, 0);
      return this;
    }

    /** Fills the next slot with a note-off (see {@link EngineRing#noteOff}). */
    public Batch noteOff(long frame, int track, int noteId, int key) {
      EngineMessage.note(data, payloads, slot(), EngineMessage.Kind.NOTE_OFF, frame, track, noteId, key, 0f, 0);
      return this;
    }

    /** Fills the next slot with a note expression (see {@link EngineRing#noteExpression}). */
    public Batch noteExpression(long frame, int track, int noteId, double value) {
      EngineMessage.note(data, payloads, slot(), EngineMessage.Kind.NOTE_EXPRESSION, frame, track, noteId, -1, 0f, value);
      return this;
    }

    /** Fills the next slot with a parameter change (see {@link EngineRing#parameter}). */
    public Batch parameter(long frame, int node, int parameter, double value) {
      EngineMessage.parameter(data, payloads, slot(), frame, node, parameter, value);
      return this;
    }

    /**
     * Makes every slot of the batch visible to the reader.
     *
     * @throws IllegalStateException if not every claimed slot was filled
     */
    public void publish() {
      if (next != last + 1) {
        throw new IllegalStateException("a batch of " + (last - first + 1) + " published with "
            + (next - first) + " slots filled");
      }
      ring.publish(first, last);
    }

    private int slot() {
      if (next > last) {
        throw new IllegalStateException("the batch is full: " + (last - first + 1) + " slots");
      }
      return (int) next++ & mask;
    }
  }
}

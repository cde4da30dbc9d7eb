package org.patchwork.bench.jmh;

import com.lmax.disruptor.Sequence;
import java.util.ArrayList;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.patchwork.bus.EngineMessage;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.MessageHandler;
import org.patchwork.bus.RingReader;

/**
 * The engine ring (model thread → audio thread) against {@link ArrayBlockingQueue}, the obvious
 * alternative, moving the same note-on events between the same two threads.
 *
 * <p>The benchmark thread is the single producer. A consumer thread, started once per trial,
 * polls without ever blocking, as the audio thread does: one {@link RingReader#drain} for the
 * ring, {@link ArrayBlockingQueue#poll()} until it returns null for the queue. After a poll
 * round that found something it release-stores how many events it has handled, which is how
 * the producer learns that they arrived. Then, with {@code pollPauseNanos} 0, it polls again at
 * once ({@link Thread#onSpinWait()} if the round was empty); otherwise it waits that long first
 * (busy, reading the clock), as the audio thread only polls at each block start.
 *
 * <ul>
 *   <li>{@code *Throughput} (events/s): publish {@value #BATCH} events, then wait until the
 *       consumer has seen the last one, so only delivered events count. Both containers hold
 *       {@value #CAPACITY} events (the engine's ring size); a full ring parks the producer in
 *       {@code next()} (the real API), a full queue makes it retry {@code offer}.
 *       {@code pollPauseNanos=0}: the consumer keeps up and takes events one by one as they
 *       come (lock-step; every event crosses cores on its own). {@code 10000}: it polls every
 *       10 µs and takes what piled up (bursts, the audio thread's pattern).</li>
 *   <li>{@code *Latency} (ns, sample mode; the consumer never pauses): publish one event and
 *       wait until the consumer's acknowledgement is visible: the hand-off to the other core
 *       and back, as the producer sees it.</li>
 * </ul>
 *
 * <p>The queue carries immutable {@link NoteOn} records. {@code queue*} reuses records from a
 * pool, so it allocates nothing, like the ring, and measures the queue alone (the harder
 * comparison for the ring); {@code queueAllocThroughput} allocates one per event, as a
 * queue-based design would in practice.
 *
 * <p>Every wait (the producer's for the acknowledgement, the consumer's on an empty container)
 * spins for a while and then yields, so that if the scheduler ever puts both threads on one
 * core, the waiter lets the other run instead of spinning out its time slice.
 */
public class BusBenchmark {

  /** The engine's ring size ({@code Session.RING_SIZE}); the queue gets the same capacity. */
  static final int CAPACITY = 8192;
  /** Events per throughput invocation: large, so the final wait for the consumer is noise. */
  static final int BATCH = 1 << 16;
  /** Twice the capacity: a pooled record is never in the queue twice. */
  static final int POOL = 2 * CAPACITY;
  /** Events per batch in {@code ringBatchThroughput}: a busy block's worth of notes. */
  static final int BLOCK_EVENTS = 64;
  /** Spins before a waiting thread starts yielding (a few tens of microseconds). */
  static final int SPINS = 20_000;

  /** What the queue carries: the fields of an engine note-on. */
  public record NoteOn(long frame, int track, int noteId, int key, float velocity) {}

  /** The consumer thread's loop, shared by both containers. */
  abstract static class Consumer implements Runnable {
    /** Events handled so far, published after each poll round; padded against false sharing. */
    final Sequence seen = new Sequence(0);
    final long pauseNanos;
    volatile boolean running = true;
    long count;
    long sum; // checked at the end so the JIT cannot drop the field reads
    Thread thread;

    Consumer(long pauseNanos) {
      this.pauseNanos = pauseNanos;
    }

    /** Takes everything available; returns false when there was nothing. */
    abstract boolean pollOnce();

    @Override
    public void run() {
      int idle = 0;
      while (running) {
        if (pollOnce()) {
          seen.set(count); // a release store: a plain mov on x86
          idle = 0;
        } else if (pauseNanos == 0) {
          if (++idle < SPINS) {
            Thread.onSpinWait();
          } else {
            Thread.yield();
          }
        }
        if (pauseNanos > 0) {
          long until = System.nanoTime() + pauseNanos;
          while (System.nanoTime() < until) {
            Thread.onSpinWait();
          }
        }
      }
    }

    void start(String name) {
      thread = Thread.ofPlatform().name(name).daemon().start(this);
    }

    void stop() throws InterruptedException {
      running = false;
      thread.join(5_000);
      if (sum == 42) {
        System.out.print(""); // keeps sum alive
      }
    }
  }

  static final class RingConsumer extends Consumer implements MessageHandler<EngineMessage> {
    final RingReader<EngineMessage> reader;

    RingConsumer(EngineRing ring, long pauseNanos) {
      super(pauseNanos);
      reader = ring.reader();
    }

    @Override
    boolean pollOnce() {
      return reader.drain(this) != 0;
    }

    @Override
    public void onMessage(EngineMessage m) {
      sum += m.key();
      count++;
    }
  }

  static final class QueueConsumer extends Consumer {
    final ArrayBlockingQueue<NoteOn> queue;

    QueueConsumer(ArrayBlockingQueue<NoteOn> queue, long pauseNanos) {
      super(pauseNanos);
      this.queue = queue;
    }

    /** drainTo takes the lock once for everything waiting: the queue's best consumer API. */
    final ArrayList<NoteOn> taken = new ArrayList<>(CAPACITY);

    @Override
    boolean pollOnce() {
      int n = queue.drainTo(taken);
      for (int i = 0; i < n; i++) {
        sum += taken.get(i).key();
      }
      taken.clear();
      count += n;
      return n > 0;
    }
  }

  /** The engine ring and its draining consumer. */
  abstract static class RingBase {
    EngineRing ring;
    RingConsumer consumer;
    long published;

    void open(long pauseNanos) {
      ring = new EngineRing(CAPACITY);
      consumer = new RingConsumer(ring, pauseNanos);
      consumer.start("bench-ring-consumer");
    }

    @TearDown
    public void tearDown() throws InterruptedException {
      consumer.stop();
    }
  }

  /** The queue, a pool of records and its polling consumer. */
  abstract static class QueueBase {
    ArrayBlockingQueue<NoteOn> queue;
    QueueConsumer consumer;
    NoteOn[] pool;
    long published;

    void open(long pauseNanos) {
      queue = new ArrayBlockingQueue<>(CAPACITY);
      pool = new NoteOn[POOL];
      for (int i = 0; i < POOL; i++) {
        pool[i] = new NoteOn(i, 0, i, i & 127, 0.5f);
      }
      consumer = new QueueConsumer(queue, pauseNanos);
      consumer.start("bench-queue-consumer");
    }

    @TearDown
    public void tearDown() throws InterruptedException {
      consumer.stop();
    }
  }

  @State(Scope.Benchmark)
  public static class Ring extends RingBase {
    /** How long the consumer waits after each poll round; 0: it polls again at once. */
    @Param({"0", "10000"})
    public long pollPauseNanos;

    @Setup
    public void setUp() {
      open(pollPauseNanos);
    }
  }

  @State(Scope.Benchmark)
  public static class Queue extends QueueBase {
    /** How long the consumer waits after each poll round; 0: it polls again at once. */
    @Param({"0", "10000"})
    public long pollPauseNanos;

    @Setup
    public void setUp() {
      open(pollPauseNanos);
    }
  }

  @State(Scope.Benchmark)
  public static class RingPing extends RingBase {
    @Setup
    public void setUp() {
      open(0);
    }
  }

  @State(Scope.Benchmark)
  public static class QueuePing extends QueueBase {
    @Setup
    public void setUp() {
      open(0);
    }
  }

  private static long awaitSeen(Consumer c, long target) {
    Sequence seen = c.seen;
    int spins = 0;
    while (seen.get() < target) {
      if (++spins < SPINS) {
        Thread.onSpinWait();
      } else {
        Thread.yield();
      }
    }
    return target;
  }

  // ---- throughput: events per second, producer → consumer ----

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public long ringThroughput(Ring s) {
    EngineRing ring = s.ring;
    for (int i = 0; i < BATCH; i++) {
      ring.noteOn(i, 0, i, i & 127, 0.5f);
    }
    s.published += BATCH;
    return awaitSeen(s.consumer, s.published);
  }

  /**
   * The model thread's real pattern: the events due in one block published together (one
   * claim, one release store per {@value #BLOCK_EVENTS} events, {@link EngineRing#batch}). The
   * queue has no such API ({@code addAll} offers one by one under the lock each time), so its
   * figure to compare with is {@link #queueThroughput}.
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public long ringBatchThroughput(Ring s) {
    EngineRing ring = s.ring;
    for (int i = 0; i < BATCH; i += BLOCK_EVENTS) {
      EngineRing.Batch b = ring.batch(BLOCK_EVENTS);
      for (int j = i; j < i + BLOCK_EVENTS; j++) {
        b.noteOn(j, 0, j, j & 127, 0.5f);
      }
      b.publish();
    }
    s.published += BATCH;
    return awaitSeen(s.consumer, s.published);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public long queueThroughput(Queue s) {
    ArrayBlockingQueue<NoteOn> queue = s.queue;
    NoteOn[] pool = s.pool;
    for (int i = 0; i < BATCH; i++) {
      NoteOn e = pool[i & (POOL - 1)];
      while (!queue.offer(e)) {
        Thread.onSpinWait();
      }
    }
    s.published += BATCH;
    return awaitSeen(s.consumer, s.published);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  public long queueAllocThroughput(Queue s) {
    ArrayBlockingQueue<NoteOn> queue = s.queue;
    for (int i = 0; i < BATCH; i++) {
      NoteOn e = new NoteOn(i, 0, i, i & 127, 0.5f);
      while (!queue.offer(e)) {
        Thread.onSpinWait();
      }
    }
    s.published += BATCH;
    return awaitSeen(s.consumer, s.published);
  }

  // ---- latency: one event, publish until the producer sees the consumer's acknowledgement ----

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public long ringLatency(RingPing s) {
    long n = ++s.published;
    s.ring.noteOn(n, 0, (int) n, (int) n & 127, 0.5f);
    return awaitSeen(s.consumer, n);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.NANOSECONDS)
  public long queueLatency(QueuePing s) {
    long n = ++s.published;
    NoteOn e = s.pool[(int) n & (POOL - 1)];
    while (!s.queue.offer(e)) {
      Thread.onSpinWait();
    }
    return awaitSeen(s.consumer, n);
  }
}

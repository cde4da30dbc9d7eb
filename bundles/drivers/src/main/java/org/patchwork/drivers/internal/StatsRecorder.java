package org.patchwork.drivers.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.patchwork.drivers.DriverStats;

/**
 * The counters behind {@link DriverStats}. The audio thread is the only writer of everything
 * but {@link #xrun()}, which backends call from their own notification threads; nothing here
 * allocates or takes a lock on the audio thread.
 *
 * <p>Allocation is measured over one growing window: its start is read at the start of block
 * number {@code warmupBlocks} (class loading and JIT warm-up are over by then), its end at the
 * end of every later block, both on the audio thread. The window therefore also covers what
 * the driver's loop allocates between callbacks, not only the callback.
 */
public final class StatsRecorder {

  private final LatencyHistogram histogram = new LatencyHistogram();
  private final AllocationMeter meter;
  private final long warmupBlocks;
  private final AtomicLong blocks = new AtomicLong();
  private final AtomicLong xruns = new AtomicLong();
  private final AtomicLong misses = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLongArray xrunBlocks = new AtomicLongArray(DriverStats.XRUNS_KEPT);
  private long windowStart = -1; // audio thread only
  private volatile long maxBlock;
  private volatile long windowBytes = -1;
  private volatile long windowBlocks;

  public StatsRecorder(AllocationMeter meter, long warmupBlocks) {
    if (warmupBlocks < 0) {
      throw new IllegalArgumentException("warmupBlocks must be >= 0, was " + warmupBlocks);
    }
    this.meter = meter;
    this.warmupBlocks = warmupBlocks;
  }

  /** Rounds of {@link #prime}: past C2's thresholds, like the other priming loops. */
  private static final int PRIME_ROUNDS = 20_000;

  /**
   * Control thread, at open. Takes a scratch recorder through every branch the audio thread
   * will take (warm-up, then the measured window; short and long callbacks, misses, failures)
   * until the JIT compiles it with all of them. Primed with short blocks only, C2 compiled the
   * warm-up and the long-callback branches as never taken; the first real block, or the first
   * slow one, then trapped out of the compiled audio path and ran it interpreted (measured with
   * {@code -Xlog:deoptimization=debug}: a 0.8 ms callback and an xrun, plus 976 bytes of
   * objects the deoptimisation re-created on the audio thread).
   */
  static void prime() {
    StatsRecorder scratch = new StatsRecorder(AllocationMeter.create(), 4);
    for (int i = 0; i < PRIME_ROUNDS; i++) {
      if (i % 16 == 0) {
        scratch.reset();
      }
      long start = scratch.beginBlock();
      long micros = (i * 7919L) % 5_000; // spread over 0..5 ms: exact and log buckets
      scratch.endBlock(start, start + micros * 1_000, i % 3 == 0, i % 5 == 0);
    }
  }

  /** Audio thread, at the start of a block. Returns the block's start time (nanoTime). */
  public long beginBlock() {
    if (windowStart < 0 && meter.supported()) {
      // Read on every warm-up block too: the meter's own first-use and JIT costs fall there.
      long now = meter.allocatedBytes();
      if (blocks.getPlain() == warmupBlocks) {
        windowStart = now;
      }
    }
    return System.nanoTime();
  }

  /** Audio thread, after the callback returned. */
  public void endBlock(long startNanos, long endNanos, boolean missedDeadline, boolean failed) {
    long micros = (endNanos - startNanos) / 1_000;
    long done = blocks.getPlain() + 1;
    if (done == 1 || micros > histogram.max()) {
      maxBlock = done; // the histogram keeps the longest exactly; this is where it happened
    }
    histogram.record(micros);
    if (missedDeadline) {
      misses.setRelease(misses.getPlain() + 1); // single writer: no atomic read-modify-write needed
    }
    if (failed) {
      failures.setRelease(failures.getPlain() + 1);
    }
    blocks.setRelease(done);
    if (windowStart >= 0) {
      windowBytes = meter.allocatedBytes() - windowStart;
      windowBlocks = done - warmupBlocks;
    }
  }

  /** Any thread: the backend reported a buffer under- or overrun. */
  public void xrun() {
    long n = xruns.incrementAndGet();
    if (n <= DriverStats.XRUNS_KEPT) {
      xrunBlocks.set((int) n - 1, blocks.get());
    }
  }

  /** Control thread, while the audio thread is stopped: starts every counter again. */
  public void reset() {
    histogram.reset();
    blocks.set(0);
    xruns.set(0);
    misses.set(0);
    failures.set(0);
    windowStart = -1;
    windowBytes = -1;
    windowBlocks = 0;
    maxBlock = 0;
    for (int i = 0; i < DriverStats.XRUNS_KEPT; i++) {
      xrunBlocks.set(i, 0);
    }
  }

  /** Any thread. */
  public DriverStats snapshot() {
    long bytes = windowBytes;
    long x = xruns.get();
    List<Long> at = new ArrayList<>();
    for (int i = 0; i < Math.min(x, DriverStats.XRUNS_KEPT); i++) {
      at.add(xrunBlocks.get(i));
    }
    return new DriverStats(
        blocks.get(),
        x,
        misses.get(),
        failures.get(),
        histogram.percentile(50),
        histogram.percentile(99),
        histogram.max(),
        bytes,
        bytes < 0 ? 0 : windowBlocks,
        at,
        maxBlock);
  }

  LatencyHistogram histogram() {
    return histogram;
  }
}

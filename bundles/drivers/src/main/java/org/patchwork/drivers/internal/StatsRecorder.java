package org.patchwork.drivers.internal;

import java.util.concurrent.atomic.AtomicLong;
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
  private long windowStart = -1; // audio thread only
  private volatile long windowBytes = -1;
  private volatile long windowBlocks;

  public StatsRecorder(AllocationMeter meter, long warmupBlocks) {
    if (warmupBlocks < 0) {
      throw new IllegalArgumentException("warmupBlocks must be >= 0, was " + warmupBlocks);
    }
    this.meter = meter;
    this.warmupBlocks = warmupBlocks;
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
    histogram.record((endNanos - startNanos) / 1_000);
    if (missedDeadline) {
      misses.setRelease(misses.getPlain() + 1); // single writer: no atomic read-modify-write needed
    }
    if (failed) {
      failures.setRelease(failures.getPlain() + 1);
    }
    long done = blocks.getPlain() + 1;
    blocks.setRelease(done);
    if (windowStart >= 0) {
      windowBytes = meter.allocatedBytes() - windowStart;
      windowBlocks = done - warmupBlocks;
    }
  }

  /** Any thread: the backend reported a buffer under- or overrun. */
  public void xrun() {
    xruns.incrementAndGet();
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
  }

  /** Any thread. */
  public DriverStats snapshot() {
    long bytes = windowBytes;
    return new DriverStats(
        blocks.get(),
        xruns.get(),
        misses.get(),
        failures.get(),
        histogram.percentile(50),
        histogram.percentile(99),
        histogram.max(),
        bytes,
        bytes < 0 ? 0 : windowBlocks);
  }

  LatencyHistogram histogram() {
    return histogram;
  }
}

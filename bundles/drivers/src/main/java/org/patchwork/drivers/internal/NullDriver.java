package org.patchwork.drivers.internal;

import java.util.concurrent.locks.LockSupport;
import org.patchwork.drivers.DriverSettings;

/**
 * A driver without a device: a clock thread calls the callback once per block period, for
 * machines without audio, CI and the offline-like tests of the engine.
 *
 * <p>Block n starts at {@code anchor + n·period} (computed from frames, so rounding does not
 * drift); the thread parks until then, never spins. A block whose callback ends after the
 * next block's start has missed its deadline. The next block then starts at once, so a little
 * lateness (a late wake-up) costs no time; but if even the block after that is already due,
 * the clock restarts from now rather than calling the callback back-to-back to catch up, as
 * a real device drops the time it lost. Each restart counts as an xrun.
 */
public final class NullDriver extends BaseDriver {

  public static final String NAME = "null";

  private BlockRunner runner;
  private int sampleRate;
  private volatile boolean running;
  private volatile long lostNanos;
  private Thread thread;

  public NullDriver() {
    this(-1);
  }

  /** @param warmupBlocks blocks before the allocation window opens; negative: one second */
  public NullDriver(long warmupBlocks) {
    super(warmupBlocks);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  BlockRunner doOpen(DriverSettings settings, StatsRecorderFactory stats) {
    sampleRate = settings.sampleRate();
    runner = new BlockRunner(settings.inputs(), settings.outputs(), settings.blockSize(),
        stats.create(settings.sampleRate(), settings.blockSize()));
    return runner;
  }

  /** Clock time dropped by restarts since start; any thread. */
  long lostNanos() {
    return lostNanos;
  }

  @Override
  void doStart(BlockRunner runner) {
    lostNanos = 0;
    running = true;
    thread = AudioThreads.start("patchwork-audio-null", this::loop);
  }

  @Override
  void doStop() {
    running = false;
    LockSupport.unpark(thread);
    AudioThreads.join(thread);
    thread = null;
  }

  @Override
  void doClose() {
    // nothing to release: the buffers go with the driver
  }

  private void loop() {
    final BlockRunner r = runner;
    final int block = r.maxFrames();
    final double nanosPerFrame = 1e9 / sampleRate;
    final long blockNanos = (long) (block * nanosPerFrame);
    long anchor = System.nanoTime();
    long frames = 0;
    while (running) {
      long blockStart = anchor + (long) (frames * nanosPerFrame);
      long wait;
      while (running && (wait = blockStart - System.nanoTime()) > 0) {
        LockSupport.parkNanos(this, wait); // may return early (unpark, spurious): re-check
      }
      if (!running) {
        break;
      }
      frames += block;
      long deadline = anchor + (long) (frames * nanosPerFrame);
      long end = r.run(block, deadline, Long.MAX_VALUE);
      if (end - deadline > blockNanos) {
        // what a device with one block of buffer would call an underrun: time is dropped
        r.stats().xrun();
        lostNanos += end - deadline; // single writer
        anchor = end;
        frames = 0;
      }
    }
  }
}

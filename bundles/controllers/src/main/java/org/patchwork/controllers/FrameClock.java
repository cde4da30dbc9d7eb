package org.patchwork.controllers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Maps input times ({@link System#nanoTime()} scale) to engine frames with a constant latency.
 * The audio thread calls {@link #blockStarted} at the start of every block; the clock keeps the
 * earliest-seen offset between the two time lines ({@code nanos − frame·10⁹/rate}), since a
 * callback can only ever start late, never early. {@link #frameOf} is then
 * {@code (nanos − offset)·rate/10⁹ + latency}: the same latency for every input whatever the
 * threads did after it arrived, as long as the latency covers the trip to the engine (inputs that
 * arrive later than that are played at the next block and counted by the caller as late).
 *
 * <pre>{@code
 * FrameClock clock = new FrameClock(48_000, 256);
 * clock.blockStarted(engine.frame(), System.nanoTime());       // audio thread, every block
 * long frame = clock.frameOf(event.nanos());                   // model thread
 * }</pre>
 *
 * <p>The offset estimate is refreshed every {@value #WINDOW_BLOCKS} blocks (the minimum of the
 * last window), so a drift between the sound card's clock and the CPU's is followed.
 *
 * <p>Thread: {@link #blockStarted} from the audio thread only (no allocation, no lock);
 * everything else from any thread.
 */
@ProviderType
public final class FrameClock {

  /** Blocks over which the earliest offset is taken. */
  public static final int WINDOW_BLOCKS = 1024;

  private final double sampleRate;
  private final long latencyFrames;
  private volatile long offsetNanos = Long.MIN_VALUE;
  private long windowMin = Long.MAX_VALUE;
  private int windowBlocks;

  /**
   * @param sampleRate engine frames per second
   * @param latencyFrames the constant latency added to every input, at least 0
   */
  public FrameClock(double sampleRate, long latencyFrames) {
    if (!(sampleRate >= 8000 && sampleRate <= 384_000) || latencyFrames < 0) {
      throw new IllegalArgumentException("a frame clock needs a rate within 8000..384000 Hz and a latency of "
          + "0 frames or more: " + sampleRate + ", " + latencyFrames);
    }
    this.sampleRate = sampleRate;
    this.latencyFrames = latencyFrames;
  }

  /** The audio thread starts the block at {@code frame} at time {@code nanos}. */
  public void blockStarted(long frame, long nanos) {
    long offset = nanos - Math.round(frame * 1e9 / sampleRate);
    if (offset < windowMin) {
      windowMin = offset;
    }
    long current = offsetNanos;
    if (current == Long.MIN_VALUE || offset < current) {
      offsetNanos = offset;
    }
    if (++windowBlocks >= WINDOW_BLOCKS) {
      offsetNanos = windowMin;
      windowMin = Long.MAX_VALUE;
      windowBlocks = 0;
    }
  }

  /** Forgets what was learnt about the clocks (a new driver, a restarted engine). Thread: audio, or before it runs. */
  public void reset() {
    offsetNanos = Long.MIN_VALUE;
    windowMin = Long.MAX_VALUE;
    windowBlocks = 0;
  }

  /** Whether a block has started yet (before it, {@link #frameOf} returns the latency only). */
  public boolean running() {
    return offsetNanos != Long.MIN_VALUE;
  }

  /** The engine frame at which input that arrived at {@code nanos} plays. */
  public long frameOf(long nanos) {
    long offset = offsetNanos;
    if (offset == Long.MIN_VALUE) {
      return latencyFrames;
    }
    return Math.max(0, Math.round((nanos - offset) * sampleRate / 1e9)) + latencyFrames;
  }

  /** The constant latency, in frames. */
  public long latencyFrames() {
    return latencyFrames;
  }

  public double sampleRate() {
    return sampleRate;
  }
}

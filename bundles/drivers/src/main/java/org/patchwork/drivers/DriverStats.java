package org.patchwork.drivers;

import java.util.List;

/**
 * A snapshot of a driver's counters, taken off the audio thread by {@link AudioDriver#stats()}.
 * While the driver runs, the counters may be a block apart from each other.
 *
 * @param blocks                    callbacks made since {@link AudioDriver#start}
 * @param xruns                     buffer under- or overruns the backend reported (JACK's xrun
 *                                  callback; Java Sound: the line had run dry before a write;
 *                                  null: the clock fell over a block behind and dropped time)
 * @param deadlineMisses            callbacks that finished after their block's deadline (null
 *                                  driver) or took longer than a block period (JACK, Java Sound)
 * @param callbackFailures          callbacks that threw; their blocks were played as silence
 * @param p50Micros                 median callback duration in microseconds
 * @param p99Micros                 99th percentile of the callback duration in microseconds
 * @param maxMicros                 longest callback in microseconds
 * @param audioThreadAllocatedBytes bytes the audio thread allocated from the end of the warm-up
 *                                  to the end of the last block, or -1 while warming up or
 *                                  where the JVM cannot measure it
 * @param allocationWindowBlocks    blocks in that measured window
 * @param xrunBlocks                the block count at each of the first
 *                                  {@value #XRUNS_KEPT} xruns: when in the run they happened
 * @param maxBlock                  the number of the block whose callback took longest
 *                                  ({@code maxMicros}), counting from 1
 */
public record DriverStats(
    long blocks,
    long xruns,
    long deadlineMisses,
    long callbackFailures,
    long p50Micros,
    long p99Micros,
    long maxMicros,
    long audioThreadAllocatedBytes,
    long allocationWindowBlocks,
    List<Long> xrunBlocks,
    long maxBlock) {

  /** How many xruns {@link #xrunBlocks} places in time. */
  public static final int XRUNS_KEPT = 32;

  /** Copies the list. */
  public DriverStats {
    xrunBlocks = List.copyOf(xrunBlocks);
  }

  /** Counters without the times of xruns and of the longest callback. */
  public DriverStats(long blocks, long xruns, long deadlineMisses, long callbackFailures, long p50Micros,
      long p99Micros, long maxMicros, long audioThreadAllocatedBytes, long allocationWindowBlocks) {
    this(blocks, xruns, deadlineMisses, callbackFailures, p50Micros, p99Micros, maxMicros, audioThreadAllocatedBytes,
        allocationWindowBlocks, List.of(), 0);
  }

  /** Average bytes allocated per block in the measured window, or -1 if nothing was measured. */
  public double allocatedBytesPerBlock() {
    return audioThreadAllocatedBytes < 0 || allocationWindowBlocks == 0
        ? -1
        : (double) audioThreadAllocatedBytes / allocationWindowBlocks;
  }
}

package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.patchwork.drivers.DriverStats;

/** The allocation criterion the driver tests share. */
final class SteadyState {

  private SteadyState() {}

  /**
   * No allocation per block: anything allocated on every block, or even every tenth, is at
   * least 16 bytes an object, so it shows as well over one byte per block. What can stay below
   * is a one-off of a few hundred bytes when C2 swaps compiled code in on the audio thread
   * (OSR, deoptimization), which the JVM does while it settles and never again.
   */
  static void assertNoAllocationPerBlock(DriverStats stats, long minWindowBlocks) {
    System.out.printf("steady state: %d bytes in %d blocks (%.3f B/block)%n",
        stats.audioThreadAllocatedBytes(), stats.allocationWindowBlocks(), stats.allocatedBytesPerBlock());
    assertTrue(stats.allocationWindowBlocks() >= minWindowBlocks, "measured window too short: " + stats);
    assertTrue(stats.audioThreadAllocatedBytes() >= 0, "allocation was measured: " + stats);
    assertTrue(stats.allocatedBytesPerBlock() < 1.0, "audio thread allocates in steady state: " + stats);
  }
}

package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllocationMeterTest {

  static volatile Object sink;

  @Test
  void readingTheMeterAllocatesNothing() {
    AllocationMeter meter = AllocationMeter.create();
    assertTrue(meter.supported(), "HotSpot measures per-thread allocation");
    // A read that allocated would cost at least 16 bytes (one object) each time: 8 MB for
    // these 500000 reads. What may show instead is a few hundred bytes, once or twice, when C2
    // swaps compiled code in on this thread (OSR, deoptimization); that is the JIT, not the meter.
    long[] rounds = new long[5];
    long sum = 0;
    for (int r = 0; r < rounds.length; r++) {
      long before = meter.allocatedBytes();
      for (int i = 0; i < 100_000; i++) {
        sum += meter.allocatedBytes();
      }
      rounds[r] = meter.allocatedBytes() - before;
    }
    assertTrue(sum > 0);
    long total = Arrays.stream(rounds).sum();
    assertTrue(total < 4_096, "bytes allocated by 500000 reads, per round " + Arrays.toString(rounds));
  }

  @Test
  void itSeesWhatTheThreadAllocates() {
    AllocationMeter meter = AllocationMeter.create();
    meter.allocatedBytes();
    long before = meter.allocatedBytes();
    for (int i = 0; i < 100; i++) {
      sink = new byte[1_000];
    }
    long allocated = meter.allocatedBytes() - before;
    assertTrue(allocated >= 100 * 1_000 && allocated < 100 * 1_100, "measured " + allocated);
  }
}

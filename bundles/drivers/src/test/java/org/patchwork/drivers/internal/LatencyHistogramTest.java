package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchwork.drivers.DriverStats;

class LatencyHistogramTest {

  @Test
  void nearestRankPercentilesOfOneToHundred() {
    LatencyHistogram h = new LatencyHistogram();
    for (int v = 100; v >= 1; v--) { // order must not matter
      h.record(v);
    }
    assertEquals(100, h.count());
    assertEquals(50, h.percentile(50));
    assertEquals(99, h.percentile(99));
    assertEquals(100, h.percentile(100));
    assertEquals(1, h.percentile(0.5));
    assertEquals(100, h.max());
  }

  @Test
  void aRareLongCallbackShowsInP99OnlyWhenItIsMoreThanOnePercent() {
    LatencyHistogram h = new LatencyHistogram();
    for (int i = 0; i < 990; i++) {
      h.record(10);
    }
    for (int i = 0; i < 10; i++) {
      h.record(5_000);
    }
    assertEquals(10, h.percentile(50));
    assertEquals(10, h.percentile(99)); // rank 990 of 1000 is still 10
    assertEquals(5_000, h.percentile(99.1), 5_000 * 0.002);
    assertEquals(5_000, h.max());
  }

  @Test
  void valuesAboveTheExactRangeKeepTwoPerMilleOfPrecision() {
    for (long v : new long[] {1_023, 1_024, 1_500, 23_219, 1_000_000, 123_456_789}) {
      LatencyHistogram h = new LatencyHistogram();
      h.record(1);
      h.record(v);
      long p = h.percentile(100);
      assertEquals(v, p, "max is exact");
      long p50 = h.percentile(50);
      assertEquals(1, p50);
      long upper = LatencyHistogram.highestValueIn(LatencyHistogram.index(v));
      assertTrue(upper >= v && upper <= v * 1.002 + 1, v + " lands in a bucket ending at " + upper);
    }
  }

  @Test
  void bucketsAreContiguousAndOrdered() {
    long previousUpper = -1;
    for (int i = 0; i < LatencyHistogram.EXACT + 20 * LatencyHistogram.SUB; i++) {
      long upper = LatencyHistogram.highestValueIn(i);
      assertEquals(i, LatencyHistogram.index(previousUpper + 1), "first value after bucket " + (i - 1));
      assertEquals(i, LatencyHistogram.index(upper));
      previousUpper = upper;
    }
  }

  @Test
  void emptyAndBadArguments() {
    LatencyHistogram h = new LatencyHistogram();
    assertEquals(0, h.percentile(99));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(100.5));
    h.record(-5); // a clock step backwards counts as zero, not as a huge value
    assertEquals(0, h.max());
  }

  @Test
  void statsRecorderReportsPercentilesInMicrosFromNanosecondDurations() {
    StatsRecorder r = new StatsRecorder(AllocationMeter.create(), 1_000_000);
    for (int i = 1; i <= 200; i++) {
      r.beginBlock();
      r.endBlock(0, i * 1_000L + 999, i % 50 == 0, i == 7); // i µs, rounded down
    }
    r.xrun();
    DriverStats s = r.snapshot();
    assertEquals(200, s.blocks());
    assertEquals(100, s.p50Micros());
    assertEquals(198, s.p99Micros());
    assertEquals(200, s.maxMicros());
    assertEquals(4, s.deadlineMisses());
    assertEquals(1, s.callbackFailures());
    assertEquals(1, s.xruns());
    assertEquals(-1, s.audioThreadAllocatedBytes(), "still warming up");
    assertEquals(-1, s.allocatedBytesPerBlock());
  }
}

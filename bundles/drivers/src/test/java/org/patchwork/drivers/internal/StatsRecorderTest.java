package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.drivers.DriverStats;

class StatsRecorderTest {

  private static void block(StatsRecorder r, long micros) {
    long start = r.beginBlock();
    r.endBlock(start, start + micros * 1_000, false, false);
  }

  @Test
  void xrunsAndTheLongestCallbackArePlacedAtTheirBlock() {
    StatsRecorder r = new StatsRecorder(AllocationMeter.create(), 2);
    for (int i = 1; i <= 10; i++) {
      block(r, i == 7 ? 900 : 50);
      if (i == 3 || i == 8) {
        r.xrun();
      }
    }
    DriverStats s = r.snapshot();
    assertEquals(2, s.xruns());
    assertEquals(List.of(3L, 8L), s.xrunBlocks());
    assertEquals(7, s.maxBlock());
    assertEquals(900, s.maxMicros());
  }

  @Test
  void onlyTheFirstXrunsAreKeptAndResetForgetsThem() {
    StatsRecorder r = new StatsRecorder(AllocationMeter.create(), 0);
    for (int i = 0; i < DriverStats.XRUNS_KEPT + 5; i++) {
      block(r, 10);
      r.xrun();
    }
    DriverStats s = r.snapshot();
    assertEquals(DriverStats.XRUNS_KEPT + 5, s.xruns());
    assertEquals(DriverStats.XRUNS_KEPT, s.xrunBlocks().size());
    assertEquals(DriverStats.XRUNS_KEPT, s.xrunBlocks().getLast());
    r.reset();
    assertEquals(List.of(), r.snapshot().xrunBlocks());
    assertEquals(0, r.snapshot().maxBlock());
  }
}

package org.patchwork.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TelemetryRingTest {

  @Test
  void aFullRingDropsAndCountsInsteadOfWaiting() {
    TelemetryRing ring = new TelemetryRing(8);
    int accepted = 0;
    for (int i = 0; i < 20; i++) {
      if (ring.meter(i, 0, i / 100f, 0f)) {
        accepted++;
      }
    }
    assertEquals(8, accepted);
    assertEquals(12, ring.dropped());

    List<Long> frames = new ArrayList<>();
    assertEquals(8, ring.reader().drain(m -> frames.add(m.frame())));
    assertEquals(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L), frames, "the oldest eight were kept");

    assertTrue(ring.fault(99, 3, 2), "room again after the reader caught up");
    assertEquals(12, ring.dropped());
  }

  @Test
  void eachKindCarriesItsFields() {
    TelemetryRing ring = new TelemetryRing(8);
    ring.meter(1, 1, 0.5f, 0.25f);
    ring.playhead(2, 480);
    ring.load(3, 0.75f);
    ring.xruns(4, 2);
    ring.fault(5, 6, 3);
    List<String> seen = new ArrayList<>();
    ring.reader().drain(m -> seen.add(m.kind() + " " + m.frame() + " " + m.channel() + " "
        + m.peak() + " " + m.rms() + " " + m.count() + " " + m.value() + " " + m.node() + " "
        + m.reason()));
    assertEquals(List.of(
        "METER 1 1 0.5 0.25 0 0.0 -1 0",
        "PLAYHEAD 2 -1 0.0 0.0 480 0.0 -1 0",
        "LOAD 3 -1 0.0 0.0 0 0.75 -1 0",
        "XRUNS 4 -1 0.0 0.0 2 0.0 -1 0",
        "FAULT 5 -1 0.0 0.0 0 0.0 6 3"), seen);
    assertFalse(ring.dropped() > 0);
  }
}

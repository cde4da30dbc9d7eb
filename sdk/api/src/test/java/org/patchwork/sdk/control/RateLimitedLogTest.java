package org.patchwork.sdk.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimitedLogTest {

  private long now = 1_000_000_000L;

  @Test
  void aFloodWithinTheIntervalReachesTheSinkOnceAndTheNextSaysHowManyWereSuppressed() {
    List<String> sink = new ArrayList<>();
    RateLimitedLog log = new RateLimitedLog(sink::add, 5_000, () -> now);
    for (int i = 0; i < 1000; i++) {
      log.warn("bad packet " + i);
      now += 4_000_000L; // 4 ms apart: 4 s in all, inside the 5-s interval
    }
    assertEquals(List.of("bad packet 0"), sink);
    now += 1_000_000_000L;
    log.warn("bad packet 1000");
    log.warn("bad packet 1001");
    assertEquals(List.of("bad packet 0", "bad packet 1000 (999 similar messages suppressed)"), sink);
    now += 5_000_000_000L;
    log.warn("bad packet 1002");
    assertEquals("bad packet 1002 (1 similar messages suppressed)", sink.getLast());
  }
}

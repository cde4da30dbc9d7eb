package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchwork play} in real time: the null driver's clock and a real jackd (dummy backend). */
class PlayIT {

  @TempDir
  Path home;
  @TempDir
  Path work;

  @Test
  void nullDriverPlaysInRealTimeWithoutAllocatingOnTheAudioThread() throws Exception {
    Path stats = work.resolve("s.json");
    long start = System.nanoTime();
    HostProcess.Result r = HostProcess.run(home, "play", RenderIT.DEMO.toString(), "--driver", "null",
        "--seconds", "12", "--block", "256", "--stats", stats.toString());
    double wall = (System.nanoTime() - start) / 1e9;
    assertEquals(0, r.status(), r.err());
    assertTrue(wall >= 12, "real time, not faster: " + wall + " s");
    JsonNode s = new ObjectMapper().readTree(stats.toFile());
    for (String key : List.of("driver", "sampleRate", "blockSize", "blocks", "xruns", "deadlineMisses",
        "callbackMicros", "audioThreadAllocatedBytes", "telemetryDropped")) {
      assertTrue(s.has(key), key + " in " + s);
    }
    assertTrue(s.get("callbackMicros").has("p50") && s.get("callbackMicros").has("p99")
        && s.get("callbackMicros").has("max"), s.toString());
    assertEquals("null", s.get("driver").asText());
    assertEquals(256, s.get("blockSize").asInt());
    assertEquals(12 * 48_000 / 256.0, s.get("blocks").asDouble(), 12 * 48_000 / 256.0 * 0.05, s.toString());
    assertNoSteadyStateAllocation(s);
    assertEquals(0, s.get("moduleFaults").asLong(), s.toString());
    // The demo is a tracker song: where it was when the run ended, for the pattern editor to follow.
    // 12 s at 118 bpm and 4 lines per beat is 94.4 lines: line 30 of the second entry of the
    // order list (64-line patterns; the playhead lags by up to one telemetry interval).
    JsonNode position = s.get("position");
    assertTrue(position != null, "position in " + s);
    assertEquals(1, position.get("order").asInt(), s.toString());
    assertEquals(1, position.get("pattern").asInt(), s.toString());
    assertEquals(30, position.get("line").asInt(), 3, s.toString());
  }

  @Test
  void jackDriverShowsItsPortsAndPlaysWithoutXrunsOrAllocation() throws Exception {
    try (Jackd jackd = Jackd.start(48_000, 64, work.resolve("jackd.log"))) {
      // The bar is 0 xruns. On these virtual machines the host stops a vCPU for more
      // than the 1.3-ms period every 10 to 20 s, and a native C client loses as many periods as
      // Patchwork (bench/soak/turns.sh, docs/benchmarks.md), so a 20-s run (15,000 periods) has
      // about even odds of a few. This bounds them at 0.1 % of periods (a slow callback or a
      // blocking audio thread would exceed it by far), measuring up to five runs; in a stretch
      // where the host spoils all five, it passes only if the audio callback's 99th percentile
      // stayed within half a period in most of them (the code was not late; see Runs in
      // bundles/controllers).
      List<JsonNode> over = new ArrayList<>();
      JsonNode s = playThroughJack();
      for (int run = 2; run <= RUNS && tooManyXruns(s); run++) {
        System.out.println("PlayIT: run " + (run - 1) + " had xruns, again: " + s);
        over.add(s);
        s = playThroughJack();
      }
      assertEquals("jack", s.get("driver").asText());
      assertEquals(64, s.get("blockSize").asInt());
      assertEquals(48_000, s.get("sampleRate").asInt());
      assertTrue(s.get("blocks").asLong() > 20 * 48_000 / 64 * 0.9, s.toString());
      long blocks = s.get("blocks").asLong();
      System.out.println("PlayIT: jack xruns " + s.get("xruns") + ", deadline misses " + s.get("deadlineMisses")
          + " in " + blocks + " periods");
      if (tooManyXruns(s)) {
        over.add(s);
        // the 99th percentile, not the longest: a host that stops the VM every second or two
        // stretches some callback of every run (see Runs in bundles/controllers)
        long inTime = over.stream().filter(r -> r.get("callbackMicros").get("p99").asLong() <= 1333 / 2).count();
        assertTrue(inTime * 2 >= over.size(), "xruns over 0.1 % of periods in each of " + RUNS + " runs, with the "
            + "audio callback's p99 over half a period in " + (over.size() - inTime) + " of them: " + over
            + "\njackd: " + jackd.log());
        System.out.println("PlayIT: xruns over the bound in each of " + RUNS + " runs, the audio callback's p99 within "
            + "half a period in " + inTime + " of them: the host's scheduling; accepted");
      }
      assertNoSteadyStateAllocation(s);
    }
  }

  /** Most 20-s JACK runs made. */
  private static final int RUNS = 5;

  private static boolean tooManyXruns(JsonNode s) {
    long bound = s.get("blocks").asLong() / 1000;
    return s.get("xruns").asLong() > bound || s.get("deadlineMisses").asLong() > bound;
  }

  /** {@code patchwork play demo --driver jack --seconds 20 --stats s.json}, checking the ports. */
  private JsonNode playThroughJack() throws Exception {
    Path stats = work.resolve("s.json");
    Files.deleteIfExists(stats);
    try (HostProcess play = HostProcess.start(home, Map.of("JACK_DEFAULT_SERVER", Jackd.NAME),
        "play", "demo", "--driver", "jack", "--seconds", "20", "--stats", stats.toString())) {
      long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      String ports = "";
      while (System.nanoTime() < end && !(ports.contains("patchwork:out_1") && ports.contains("patchwork:out_2"))) {
        Thread.sleep(200);
        ports = Jackd.ports();
      }
      assertTrue(ports.contains("patchwork:out_1") && ports.contains("patchwork:out_2"),
          "ports while playing: " + ports + "\nstderr: " + play.err());
      assertEquals(0, play.waitFor(Duration.ofSeconds(60)), play.err());
      assertFalse(Jackd.ports().contains("patchwork:out_1"), "ports gone after the run");
    }
    return new ObjectMapper().readTree(stats.toFile());
  }

  /**
   * No allocation per block on the audio thread after the first second. Every symbolic
   * reference the audio thread could meet is resolved before it starts (see ConstantPools), so
   * most runs measure exactly 0 bytes; a one-time 976 bytes still appears in some runs of the
   * tracker demo (under investigation, printed here). Any per-block allocation is at least one
   * object (16 bytes) per block, which this bound of under one byte per block catches.
   */
  private static void assertNoSteadyStateAllocation(JsonNode s) {
    long blocks = s.get("allocationWindowBlocks").asLong();
    long bytes = s.get("audioThreadAllocatedBytes").asLong();
    System.out.println("PlayIT: audio thread allocated " + bytes + " bytes in " + blocks + " blocks");
    assertTrue(blocks > 1_500, "a steady-state window was measured: " + s);
    assertTrue(bytes >= 0 && bytes < blocks, "under one byte per block: " + s);
  }

  @Test
  void badInputExitsTwo() throws Exception {
    HostProcess.Result driver = HostProcess.run(home, "play", RenderIT.DEMO.toString(), "--driver", "alsa");
    assertEquals(2, driver.status(), driver.err());
    assertTrue(driver.err().contains("unknown driver 'alsa': choose one of"), driver.err());
    HostProcess.Result missing = HostProcess.run(home, "play", work.resolve("nope").toString());
    assertEquals(2, missing.status(), missing.err());
    assertTrue(missing.err().contains("no such project"), missing.err());
    HostProcess.Result stats = HostProcess.run(home, "play", RenderIT.DEMO.toString(), "--stats", "/no/dir/s.json");
    assertEquals(2, stats.status(), stats.err());
    assertTrue(Files.notExists(Path.of("/no/dir")));
  }
}

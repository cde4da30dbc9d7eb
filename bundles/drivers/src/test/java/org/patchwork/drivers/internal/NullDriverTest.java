package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;

class NullDriverTest {

  private static final int RATE = 48_000;
  private static final int BLOCK = 128;

  private static DriverSettings settings() {
    return new DriverSettings(RATE, BLOCK, 2, 2, "patchwork");
  }

  @Test
  void callsOncePerBlockPeriodForTwoSeconds() throws Exception {
    RecordingCallback sine = new RecordingCallback(440, RATE);
    try (NullDriver driver = new NullDriver()) {
      driver.open(settings());
      long t0 = System.nanoTime();
      driver.start(sine);
      Thread.sleep(2_000);
      driver.stop();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      // 750 blocks in 2 s, less any time the clock dropped because this thread was
      // descheduled for over a block (a loaded machine); each such restart is an xrun
      double lost = driver.lostNanos() / 1e9;
      double expected = (elapsed - lost) * RATE / BLOCK;
      DriverStats stats = driver.stats();
      System.out.printf("null driver: %d blocks in %.3f s (%.3f s dropped), expected %.1f; %s%n",
          sine.calls, elapsed, lost, expected, stats);
      assertEquals(expected, sine.calls, expected * 0.03, "blocks in " + elapsed + " s");
      assertEquals(sine.calls, stats.blocks());
      assertEquals(BLOCK, sine.maxFrames);
      assertTrue(stats.xruns() <= stats.deadlineMisses(), "a restart follows a miss: " + stats);
      assertEquals(lost == 0, stats.xruns() == 0, "time is dropped exactly on xruns: " + stats);
      assertTrue(stats.maxMicros() >= stats.p99Micros() && stats.p99Micros() >= stats.p50Micros());
    }
  }

  @Test
  void countsTheBlocksWhoseCallbackOverranItsDeadline() throws Exception {
    long period = settings().blockNanos(); // 2.67 ms
    // every 10th call sleeps three periods: that block, and only that block, ends late
    RecordingCallback sleepy = new RecordingCallback(440, RATE, 10, 3 * period, 0);
    try (NullDriver driver = new NullDriver()) {
      driver.open(settings());
      driver.start(sleepy);
      Thread.sleep(1_500);
      driver.stop();
      DriverStats stats = driver.stats();
      System.out.printf("sleepy callback: %d sleeps, %s%n", sleepy.sleeps, stats);
      assertTrue(sleepy.sleeps >= 20, "sleeps " + sleepy.sleeps);
      assertTrue(stats.deadlineMisses() >= sleepy.sleeps, "every sleep is a miss: " + stats);
      // a loaded machine adds misses of its own, but a driver that counted every block would fail
      assertTrue(stats.deadlineMisses() <= sleepy.sleeps + Math.max(3, sleepy.calls / 10), "few other misses: " + stats);
      assertTrue(stats.xruns() >= sleepy.sleeps, "three periods late drops time: " + stats);
      assertTrue(stats.maxMicros() >= TimeUnit.NANOSECONDS.toMicros(3 * period), "the sleep shows in max: " + stats);
    }
  }

  @Test
  void theDriverLoopAllocatesNothingInSteadyState() throws Exception {
    RecordingCallback sine = new RecordingCallback(440, RATE);
    // 32-frame blocks: 1500 blocks a second, so the window is long after a short warm-up
    try (NullDriver driver = new NullDriver(300)) {
      driver.open(new DriverSettings(RATE, 32, 2, 2, "patchwork"));
      driver.start(sine);
      // until the window is long enough: a loaded machine drops time (xruns), so a fixed sleep
      // would measure fewer blocks than asked
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (driver.stats().allocationWindowBlocks() < 2_000 && System.nanoTime() < end) {
        Thread.sleep(100);
      }
      driver.stop();
      SteadyState.assertNoAllocationPerBlock(driver.stats(), 2_000);
    }
  }

  @Test
  void theAllocationMeasurementSeesACallbackThatAllocates() throws Exception {
    RecordingCallback allocating = new RecordingCallback(440, RATE, 1, 0, 4_096);
    try (NullDriver driver = new NullDriver(100)) {
      driver.open(settings());
      driver.start(allocating);
      Thread.sleep(1_000);
      driver.stop();
      DriverStats stats = driver.stats();
      assertTrue(stats.allocationWindowBlocks() > 100, stats.toString());
      assertTrue(stats.allocatedBytesPerBlock() >= 4_096 && stats.allocatedBytesPerBlock() < 4_096 + 64,
          "bytes per block: " + stats.allocatedBytesPerBlock());
    }
  }

  @Test
  void aThrowingCallbackIsCountedAndItsBlockIsSilent() throws Exception {
    float[][] seen = new float[1][];
    try (NullDriver driver = new NullDriver()) {
      driver.open(new DriverSettings(RATE, 64, 0, 1, "patchwork"));
      driver.start((in, out, frames) -> {
        out[0][0] = 1f;
        seen[0] = out[0];
        throw new IllegalStateException("on purpose");
      });
      long until = System.nanoTime() + 10_000_000_000L;
      while (driver.stats().blocks() < 20 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      driver.stop();
      assertTrue(driver.stats().callbackFailures() >= 20, driver.stats().toString());
      assertEquals(driver.stats().blocks(), driver.stats().callbackFailures());
      assertEquals(0f, seen[0][0], "the failed block's output was zeroed");
    }
  }

  @Test
  void lifecycleOrderIsEnforcedAndRestartingResetsTheCounters() throws Exception {
    NullDriver driver = new NullDriver();
    assertThrows(IllegalStateException.class, () -> driver.start((i, o, f) -> { }));
    assertThrows(IllegalStateException.class, driver::stats);
    driver.open(settings());
    IllegalStateException twice = assertThrows(IllegalStateException.class, () -> driver.open(settings()));
    assertTrue(twice.getMessage().contains("open, start, stop, close"), twice.getMessage());
    assertEquals(RATE, driver.sampleRate());
    assertEquals(BLOCK, driver.blockSize());
    driver.start((i, o, f) -> { });
    assertTrue(driver.isRunning());
    Thread.sleep(50);
    driver.stop();
    assertFalse(driver.isRunning());
    long first = driver.stats().blocks();
    assertTrue(first > 5);
    driver.start((i, o, f) -> { });
    driver.stop();
    assertTrue(driver.stats().blocks() < first, "counters start again");
    driver.close();
    driver.close();
    assertThrows(IllegalStateException.class, () -> driver.start((i, o, f) -> { }));
  }
}

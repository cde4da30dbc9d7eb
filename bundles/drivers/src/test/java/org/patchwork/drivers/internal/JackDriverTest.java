package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;
import org.patchwork.drivers.Drivers;

/**
 * The JACK driver against a real jackd (dummy backend, 48 kHz, 64-frame periods). These tests
 * fail, never skip, where jackd is missing: see TEST-PACKAGES.txt.
 */
class JackDriverTest {

  private static final int RATE = 48_000;
  private static final int PERIOD = 64;
  private static final double SINE_HZ = 1_000;
  private static JackServer server;

  @BeforeAll
  static void startJack() throws Exception {
    server = JackServer.start(RATE, PERIOD, Path.of("target"));
  }

  @AfterAll
  static void stopJack() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aSineRunsThroughARealJackServerAndIsRecordedAtItsFrequency(@TempDir Path tmp) throws Exception {
    RecordingCallback sine = new RecordingCallback(SINE_HZ, RATE);
    // one second of warm-up (750 periods), then about four measured seconds (3000 periods),
    // long enough that a one-off of the JIT's (a few hundred bytes to a few KB) stays far below
    // a byte per block, while anything allocated per block (16 bytes or more) shows
    try (JackDriver driver = new JackDriver(RATE / PERIOD)) {
      driver.open(DriverSettings.defaults());
      assertEquals("patchwork", driver.clientName());
      assertEquals(RATE, driver.sampleRate(), "the server's rate");
      assertEquals(PERIOD, driver.blockSize(), "the server's period, not the 256 asked for");

      long t0 = System.nanoTime();
      driver.start(sine);
      long frame0 = driver.frameTime();
      long calls0 = sine.calls;
      assertTrue(driver.isRunning());
      List<String> ports = JackServer.run(10, JackServer.tool("jack_lsp"), "-s", server.name).lines().toList();
      for (String port : List.of("patchwork:out_1", "patchwork:out_2", "patchwork:in_1", "patchwork:in_2")) {
        assertTrue(ports.contains(port), port + " in jack_lsp: " + ports);
      }
      Path wav = tmp.resolve("out_1.wav");
      // jack_rec makes its own client, connects patchwork:out_1 to it and writes 2 s of it
      String rec = JackServer.run(30, JackServer.tool("jack_rec"), "-f", wav.toString(), "-d", "2", "-b", "16", "patchwork:out_1");
      long left = 5_000_000_000L - (System.nanoTime() - t0);
      if (left > 0) {
        Thread.sleep(left / 1_000_000);
      }
      long serverCycles = (driver.frameTime() - frame0) / PERIOD;
      long calls = sine.calls - calls0;
      driver.stop();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      long callsAtStop = sine.calls;
      Thread.sleep(100);
      assertEquals(callsAtStop, sine.calls, "no callback after stop()");

      DriverStats stats = driver.stats();
      double expected = elapsed * RATE / PERIOD;
      System.out.printf("jack: %d callbacks in %.3f s (%.0f periods of wall time); %d callbacks in %d server cycles; %s; %.1f B/block on JACK's thread%n",
          sine.calls, elapsed, expected, calls, serverCycles, stats, stats.allocatedBytesPerBlock());
      // Against the server's own cycle count: one callback per cycle, except for cycles JACK
      // had to skip for us, each of which it must have reported as an xrun. The wall clock is
      // checked loosely only: a starved non-real-time jackd runs late.
      assertEquals(serverCycles, calls, 2 + serverCycles * 0.01 + stats.xruns(),
          "one callback per server cycle, or an xrun: " + stats);
      assertTrue(sine.calls > expected * 0.5 && sine.calls < expected * 1.05, "real time: " + sine.calls + " of " + expected);
      assertEquals(sine.calls, stats.blocks());
      assertEquals(PERIOD, sine.maxFrames);
      assertTrue(stats.xruns() >= 0 && stats.xruns() < stats.blocks(), "xruns counted: " + stats);
      assertTrue(stats.allocationWindowBlocks() > 0 && stats.audioThreadAllocatedBytes() >= 0,
          "allocation on JACK's thread was measured: " + stats);
      // The process callback (four jack_port_get_buffer downcalls, the copies, the callback)
      // allocates nothing on JACK's thread, while jack_lsp and jack_rec change the graph.
      SteadyState.assertNoAllocationPerBlock(stats, 1_500);

      WaveAnalysis recorded = WaveAnalysis.read(wav);
      double[] periods = recorded.periods();
      long clean = Arrays.stream(periods).filter(p -> Math.abs(p * SINE_HZ - 1) < 0.01).count();
      System.out.printf("jack_rec: %d frames, peak %.3f, %.3f Hz, %d of %d periods clean%n%s",
          recorded.samples().length, recorded.peak(), recorded.frequency(), clean, periods.length, rec);
      assertEquals(RATE, recorded.sampleRate());
      assertTrue(recorded.samples().length >= RATE, "at least a second recorded: " + recorded.samples().length);
      assertEquals(0.5, recorded.peak(), 0.01, "the sine's amplitude");
      assertEquals(SINE_HZ, recorded.frequency(), 0.5);
      assertTrue(clean >= periods.length * 0.95, clean + " of " + periods.length + " periods are 1 ms long");
    }
  }

  @Test
  void autoChoosesJackWhileAServerAnswers() {
    assertTrue(JackDriver.serverAnswers());
    assertEquals("jack", Drivers.resolve("auto"));
  }

  @Test
  void aCallbackLongerThanAPeriodIsADeadlineMissAndJackReportsTheXrun() throws Exception {
    // every 50th call sleeps 4 ms, three periods of 1.33 ms: JACK's cycle goes on without us
    RecordingCallback late = new RecordingCallback(SINE_HZ, RATE, 50, 4_000_000, 0);
    try (JackDriver driver = new JackDriver()) {
      driver.open(DriverSettings.defaults());
      driver.start(late);
      Thread.sleep(1_500);
      driver.stop();
      DriverStats stats = driver.stats();
      System.out.printf("late jack callback: %d sleeps, %s%n", late.sleeps, stats);
      assertTrue(late.sleeps >= 5, "sleeps " + late.sleeps);
      assertTrue(stats.deadlineMisses() >= late.sleeps, "every sleep is a miss: " + stats);
      assertTrue(stats.xruns() >= late.sleeps / 2, "JACK's xrun callback counted the late cycles: " + stats);
      assertTrue(stats.maxMicros() >= 4_000, "the sleep shows in max: " + stats);
    }
  }

  @Test
  void aServerNamedExplicitlyIsFoundAndAMissingOneIsAClearError() throws Exception {
    assertTrue(JackDriver.serverAnswers(server.name), "JackServerName + the name");
    assertFalse(JackDriver.serverAnswers("patchwork-no-such-server"));
    assertNull(JackDriver.unavailableReason(), "libjack bound");
    try (JackDriver driver = new JackDriver(-1, "patchwork-no-such-server")) {
      DriverException e = assertThrows(DriverException.class, () -> driver.open(DriverSettings.defaults()));
      assertTrue(e.getMessage().contains("no JACK server 'patchwork-no-such-server' answered"), e.getMessage());
      assertTrue(e.getMessage().contains("JackServerFailed"), e.getMessage());
    }
  }

  @Test
  void stopAndStartAgainReactivatesTheSameClient() throws Exception {
    RecordingCallback sine = new RecordingCallback(SINE_HZ, RATE);
    try (JackDriver driver = new JackDriver()) {
      driver.open(DriverSettings.defaults());
      driver.start(sine);
      Thread.sleep(200);
      driver.stop();
      long first = driver.stats().blocks();
      driver.start(sine);
      Thread.sleep(200);
      driver.stop();
      long second = driver.stats().blocks();
      assertTrue(first > 50 && second > 50, "blocks in 0.2 s, before and after restarting: " + first + ", " + second);
      assertEquals(first + second, sine.calls, "counters start again");
    }
  }

  @Test
  void aServerThatQuitsStopsTheDriverAndClosingAfterwardsIsSafe() throws Exception {
    String name = server.name + "-quits";
    JackServer quitting = JackServer.start(name, RATE, PERIOD, Path.of("target"));
    try (JackDriver driver = new JackDriver(-1, name)) {
      try {
        driver.open(DriverSettings.defaults());
        driver.start((in, out, frames) -> { });
        Thread.sleep(200);
        assertTrue(driver.isRunning());
      } finally {
        quitting.close(); // SIGTERM: jackd tells its clients it is shutting down
      }
      long until = System.nanoTime() + 5_000_000_000L;
      while (driver.isRunning() && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      assertFalse(driver.isRunning(), "JACK's shutdown callback reached the driver");
      driver.stop(); // deactivate and close a client whose server is gone: no crash, no hang
    }
  }

  @Test
  void portsFollowTheChannelCounts() throws Exception {
    // the server by name (the variadic JackServerName argument), not by JACK_DEFAULT_SERVER
    try (JackDriver driver = new JackDriver(-1, server.name)) {
      driver.open(new DriverSettings(RATE, PERIOD, 0, 4, "patchwork-quad"));
      driver.start((in, out, frames) -> { });
      List<String> ports = JackServer.run(10, JackServer.tool("jack_lsp"), "-s", server.name).lines().toList();
      driver.stop();
      assertEquals(List.of("patchwork-quad:out_1", "patchwork-quad:out_2", "patchwork-quad:out_3", "patchwork-quad:out_4"),
          ports.stream().filter(p -> p.startsWith("patchwork-quad:")).toList());
    }
    assertFalse(JackServer.run(10, JackServer.tool("jack_lsp"), "-s", server.name).contains("patchwork-quad:"),
        "close() removed the client");
  }
}

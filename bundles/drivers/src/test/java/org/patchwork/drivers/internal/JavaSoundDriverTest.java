package org.patchwork.drivers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.sound.sampled.LineUnavailableException;
import org.junit.jupiter.api.Test;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;

/** The Java Sound driver against a simulated line: this machine (and CI) has no sound card. */
class JavaSoundDriverTest {

  private static final int RATE = 48_000;
  private static final int BLOCK = 256;
  private static final DriverSettings SETTINGS = new DriverSettings(RATE, BLOCK, 0, 2, "patchwork");

  private SimulatedLine line;

  private JavaSoundDriver driver(long warmupBlocks) {
    return new JavaSoundDriver((format, bufferBytes) -> line = new SimulatedLine(format, bufferBytes, 4 * 4 * BLOCK), warmupBlocks);
  }

  @Test
  void theLinePacesTheCallbacksAndGetsLittleEndian16BitFrames() throws Exception {
    try (JavaSoundDriver driver = driver(-1)) {
      driver.open(SETTINGS);
      assertEquals(JavaSoundDriver.BUFFER_BLOCKS * BLOCK * 4, line.getBufferSize());
      long[] calls = new long[1];
      long t0 = System.nanoTime();
      driver.start((in, out, frames) -> {
        for (int f = 0; f < frames; f++) {
          out[0][f] = 0.5f;
          out[1][f] = -2f; // clips to full scale
        }
        calls[0]++;
      });
      Thread.sleep(1_500);
      driver.stop();
      double elapsed = (System.nanoTime() - t0) / 1e9;
      // the first BUFFER_BLOCKS blocks fill the line at once, then the line's rate rules
      double expected = elapsed * RATE / BLOCK + JavaSoundDriver.BUFFER_BLOCKS;
      DriverStats stats = driver.stats();
      System.out.printf("java sound: %d blocks in %.3f s, expected %.1f; %s%n", calls[0], elapsed, expected, stats);
      assertEquals(expected, calls[0], expected * 0.05);
      assertEquals(0, stats.xruns());
      byte[] b = line.captured;
      assertEquals(16384, (short) ((b[0] & 0xff) | (b[1] << 8)), "left 0.5: round(16383.5)");
      assertEquals(-32767, (short) ((b[2] & 0xff) | (b[3] << 8)), "right clipped to -1");
      assertEquals(16384, (short) ((b[4 * BLOCK] & 0xff) | (b[4 * BLOCK + 1] << 8)), "next block, left");
    }
  }

  @Test
  void aLineThatRanDryIsAnXrun() throws Exception {
    long bufferNanos = JavaSoundDriver.BUFFER_BLOCKS * SETTINGS.blockNanos(); // 21 ms
    RecordingCallback stalling = new RecordingCallback(440, RATE, 25, 2 * bufferNanos, 0);
    try (JavaSoundDriver driver = driver(-1)) {
      driver.open(SETTINGS);
      driver.start(stalling);
      Thread.sleep(1_500);
      driver.stop();
      DriverStats stats = driver.stats();
      System.out.printf("stalling java sound: %d stalls, %s%n", stalling.sleeps, stats);
      assertTrue(stalling.sleeps >= 4, "stalls " + stalling.sleeps);
      // the write after a stall finds the line dry: one xrun per stall
      assertTrue(stats.xruns() >= stalling.sleeps - 1 && stats.xruns() <= stalling.sleeps + 1, stats.toString());
      assertTrue(stats.deadlineMisses() >= stalling.sleeps, stats.toString());
    }
  }

  @Test
  void theWriteLoopAllocatesNothingInSteadyState() throws Exception {
    try (JavaSoundDriver driver = driver(150)) {
      driver.open(new DriverSettings(RATE, 64, 0, 2, "patchwork"));
      driver.start(new RecordingCallback(440, RATE));
      Thread.sleep(2_000);
      driver.stop();
      SteadyState.assertNoAllocationPerBlock(driver.stats(), 1_000);
    }
  }

  @Test
  void noLineIsADriverExceptionNamingTheFormat() {
    JavaSoundDriver driver = new JavaSoundDriver((format, bytes) -> {
      throw new LineUnavailableException("busy");
    }, -1);
    DriverException e = assertThrows(DriverException.class, () -> driver.open(SETTINGS));
    assertTrue(e.getMessage().contains("48000.0 Hz") && e.getMessage().contains("busy"), e.getMessage());
  }
}

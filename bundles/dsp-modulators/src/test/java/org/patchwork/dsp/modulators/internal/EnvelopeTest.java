package org.patchwork.dsp.modulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.ModuleHarness;

class EnvelopeTest {

  private static final int RATE = 48_000;
  private static final int ON = 1000;

  private static ModuleHarness envelope(int block, double[][] segments) {
    ModuleHarness h = new ModuleHarness(new Envelope(), Envelope.DESCRIPTOR, RATE, block)
        .set("segments", segments.length);
    for (int i = 0; i < segments.length; i++) {
      int n = i + 1;
      h.set("level_" + n, segments[i][0]).set("time_" + n, segments[i][1]).set("curve_" + n, segments[i][2]);
    }
    return h;
  }

  /** level, time (ms), curve */
  private static final double[][] FIVE = {
      {1, 10, 0.5}, {0.3, 50, -0.7}, {0.6, 20, 0}, {-0.4, 100, 1}, {0, 30, 0.2}};

  private static int frames(double millis) {
    return (int) Math.round(millis * RATE / 1000);
  }

  /** Segment i ends on its level exactly {@code round(time·fs)} frames after it started. */
  @Test
  void eachLevelIsReachedAtItsFrame() {
    for (int block : new int[] {1, 64, 100}) {
      ModuleHarness h = envelope(block, FIVE).set("sustain", 0);
      h.noteOn(ON, 60, 1f);
      float[] env = h.render(RATE)[0];
      assertEquals(0f, env[ON], "starts from 0");
      int at = ON;
      StringBuilder report = new StringBuilder("envelope level errors at their frames:");
      for (int i = 0; i < FIVE.length; i++) {
        at += frames(FIVE[i][1]);
        double error = env[at] - FIVE[i][0];
        report.append(String.format(" %d@%d %+.1e", i + 1, at, error));
        assertEquals(FIVE[i][0], env[at], 1e-7, "level " + (i + 1) + " at frame " + at + ", block " + block);
        // One frame earlier it is not there yet.
        assertTrue(Math.abs(env[at - 1] - FIVE[i][0]) > 1e-6, "segment " + (i + 1) + " not early");
      }
      assertEquals(0f, env[RATE - 1], "holds the last level");
      if (block == 64) {
        System.out.println(report);
      }
    }
  }

  /** Inside a segment the value follows the normalised RC curve. */
  @Test
  void segmentsFollowTheirCurves() {
    ModuleHarness h = envelope(64, FIVE).set("sustain", 0);
    h.noteOn(ON, 60, 1f);
    float[] env = h.render(RATE)[0];
    int start = ON + frames(10);
    int n = frames(50);
    double c = 6 * -0.7;
    for (int k = 0; k <= n; k += 60) {
      double x = (double) k / n;
      double expected = 1 + (0.3 - 1) * (1 - Math.exp(-c * x)) / (1 - Math.exp(-c));
      assertEquals(expected, env[start + k], 1e-5, "segment 2 at " + k);
    }
  }

  @Test
  void sustainHoldsWhileTheGateIsOpenThenTheRestRuns() {
    ModuleHarness h = envelope(64, FIVE).set("sustain", 3);
    int id = h.noteOn(ON, 60, 1f);
    int off = 20_000;
    h.noteOff(off, 60, id);
    float[] env = h.render(RATE)[0];
    int sustained = ON + frames(10) + frames(50) + frames(20);
    for (int i = sustained; i <= off; i++) {
      assertEquals(0.6f, env[i], 1e-6f, "sustains at frame " + i);
    }
    assertEquals(-0.4, env[off + frames(100)], 1e-6, "segment 4 after the gate closes");
    assertEquals(0, env[off + frames(100) + frames(30)], 1e-6, "segment 5");
  }

  @Test
  void releaseDuringAnEarlySegmentJumpsPastTheSustainPoint() {
    ModuleHarness h = envelope(64, FIVE).set("sustain", 3);
    int id = h.noteOn(ON, 60, 1f);
    int off = ON + frames(10) + frames(20); // in the middle of segment 2
    h.noteOff(off, 60, id);
    float[] env = h.render(RATE)[0];
    double from = env[off];
    assertTrue(from < 1 && from > 0.3, "mid segment 2: " + from);
    assertEquals(-0.4, env[off + frames(100)], 1e-6, "segment 4 runs from where it was");
  }

  @Test
  void loopRepeatsItsSegmentsWhileTheGateIsOpen() {
    double[][] segments = {{1, 5, 0}, {0.2, 10, 0}, {0.8, 10, 0}, {0, 20, 0}};
    ModuleHarness h = envelope(64, segments).set("sustain", 3).set("loop", 1).set("loop_start", 2);
    int id = h.noteOn(ON, 60, 1f);
    int off = 30_000;
    h.noteOff(off, 60, id);
    float[] env = h.render(RATE)[0];
    int first = ON + frames(5);
    int period = frames(10) + frames(10);
    for (int at = first; at + period < off; at += period) {
      assertEquals(1.0, env[at], 1e-6, "loop start level at " + at); // only the first time
      assertEquals(0.2, env[at + frames(10)], 1e-6, "segment 2 end at " + at);
      assertEquals(0.8, env[at + period], 1e-6, "segment 3 end at " + at);
      break;
    }
    for (int at = first + period; at + period < off; at += period) {
      assertEquals(0.2, env[at + frames(10)], 1e-6, "segment 2 again at " + (at + frames(10)));
      assertEquals(0.8, env[at + period], 1e-6, "segment 3 again at " + (at + period));
    }
    assertEquals(0, env[off + frames(20) + 1], 1e-6, "released to 0 after the loop");
  }

  @Test
  void freeLoopStopsAfterTheGateClosesAndFinishesItsPass() {
    double[][] segments = {{1, 10, 0}, {0, 10, 0}};
    ModuleHarness h = envelope(64, segments).set("sustain", 0).set("loop", 1);
    int id = h.noteOn(0, 60, 1f);
    h.noteOff(frames(45), 60, id); // in the third pass, segment 1
    float[] env = h.render(RATE)[0];
    assertEquals(1, env[frames(50)], 1e-6, "third peak");
    assertEquals(0, env[frames(60)], 1e-6, "and its end");
    for (int i = frames(60); i < RATE; i++) {
      assertEquals(0f, env[i], "no more passes at " + i);
    }
  }

  @Test
  void gateCvWorksLikeNotes() {
    float[] gate = new float[RATE];
    java.util.Arrays.fill(gate, ON, 20_000, 1f);
    ModuleHarness byCv = envelope(64, FIVE).set("sustain", 3).input("gate", new float[][] {gate});
    ModuleHarness byNotes = envelope(64, FIVE).set("sustain", 3);
    int id = byNotes.noteOn(ON, 60, 1f);
    byNotes.noteOff(20_000, 60, id);
    assertArrayEquals(byNotes.render(RATE)[0], byCv.render(RATE)[0]);
  }

  @Test
  void extremeSettingsStayFiniteAndNeverHang() {
    for (double time : new double[] {0, Envelope.MAX_MILLIS}) {
      for (double curve : new double[] {-1, 1}) {
        ModuleHarness h = new ModuleHarness(new Envelope(), Envelope.DESCRIPTOR, RATE, 37)
            .set("segments", 8).set("loop", 1).set("sustain", 8);
        for (int n = 1; n <= 8; n++) {
          h.set("level_" + n, n % 2 == 0 ? -1 : 1).set("time_" + n, time).set("curve_" + n, curve);
        }
        float[] gate = new float[RATE];
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < gate.length; i++) {
          gate[i] = (float) random.nextGaussian();
        }
        h.input("gate", new float[][] {gate});
        for (int n = 0; n < 50; n++) {
          int id = h.noteOn(n * 997L, 60, 1f);
          h.noteOff(n * 997L + 500, 60, id);
        }
        float[] env = h.render(RATE)[0];
        for (float x : env) {
          assertTrue(x >= -1 && x <= 1 && (x == 0 || Math.abs(x) >= Float.MIN_NORMAL),
              "time " + time + " curve " + curve + ": " + x);
        }
      }
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = envelope(100, FIVE).set("sustain", 2).set("loop", 1);
    int id = h.noteOn(10, 60, 1f);
    h.noteOff(20_000, 60, id);
    float[] first = h.render(RATE)[0];
    h.reset();
    id = h.noteOn(10, 60, 1f);
    h.noteOff(20_000, 60, id);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

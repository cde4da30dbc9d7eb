package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.bus.EngineRing;
import org.patchwork.bus.TelemetryMessage;
import org.patchwork.sdk.testkit.Signals;

class EngineTest {

  private static final int RATE = Rendering.RATE;

  /** A click instrument on a track panned hard left: left = its clicks, exactly. */
  private static Graph clickTrack() {
    return Graph.of(List.of(new Node("c", TestModules.CLICK)), List.of(),
        List.of(Track.of("t", "c").withPan(-1)));
  }

  /** A level source straight into the master: out -> left only, steps -> right only. */
  private static Graph levels() {
    return Graph.of(List.of(new Node("lv", TestModules.LEVEL)), List.of(
        new Connection("lv.out", Connection.MASTER, List.of(0, -1), 0),
        new Connection("lv.steps", Connection.MASTER, List.of(-1, 0), 0)), List.of());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 100, 512})
  void everyEventSoundsAtItsExactFrameWhateverTheBlockSize(int block) {
    long[] at = {0, 63, 64, 100, 511, 512, 1000, 4095};
    try (Rendering r = new Rendering(clickTrack(), block)) {
      for (int i = 0; i < at.length; i++) {
        r.ring.noteOn(at[i], 0, i, 60, (i + 1) / 10f);
        r.ring.noteOff(at[i] + 7, 0, i, 60);
      }
      float[] left = r.render(5000)[0];
      List<String> heard = new ArrayList<>();
      for (int f = 0; f < left.length; f++) {
        if (left[f] != 0) {
          heard.add(f + "=" + left[f]);
        }
      }
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < at.length; i++) {
        expected.add(at[i] + "=" + (i + 1) / 10f);
        expected.add(at[i] + 7 + "=" + -0.06f);
      }
      expected.sort(java.util.Comparator.comparingInt(s -> Integer.parseInt(s.split("=")[0])));
      assertEquals(expected, heard);
    }
  }

  @Test
  void aBlockLargerThanTheEnginesIsProcessedInPiecesWithoutLosingFrames() {
    try (Rendering r = new Rendering(clickTrack(), 64)) {
      r.ring.noteOn(150, 0, 1, 60, 1f);
      float[][] out = new float[2][200];
      r.engine.processBlock(out, 200);
      assertEquals(1f, out[0][150]);
      assertEquals(1f, Signals.peak(out[0]));
      assertEquals(200, r.engine.frame());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 100, 512})
  void parameterChangesGlideOverTheirSmoothingFromTheirFrameAndSteppedOnesJump(int block) {
    try (Rendering r = new Rendering(levels(), block)) {
      int level = r.plan.parameterIndex("lv", "level");
      int mode = r.plan.parameterIndex("lv", "mode");
      r.ring.parameter(1000, r.plan.nodeIndex("lv"), level, 1.0);
      r.ring.parameter(2000, r.plan.nodeIndex("lv"), mode, 2);
      float[][] out = r.render(3000);
      int glide = 240; // 5 ms at 48 kHz
      assertEquals(0f, out[0][999]);
      for (int k = 0; k < glide; k++) {
        assertEquals((float) ((k + 1) / (double) glide), out[0][1000 + k], 1e-6f, "frame " + (1000 + k));
      }
      assertEquals(1f, out[0][1000 + glide - 1], "exactly at the target after 240 frames");
      assertEquals(1f, out[0][2999]);
      assertEquals(0f, out[1][1999]);
      assertEquals(2f, out[1][2000], "stepped: no glide");
      assertEquals(2f, out[1][2999]);
    }
  }

  @Test
  void rampsAreTheSameForEveryBlockSize() {
    float[][] reference = null;
    for (int block : new int[] {1, 7, 64, 100, 512}) {
      try (Rendering r = new Rendering(levels(), block)) {
        int node = r.plan.nodeIndex("lv");
        r.ring.parameter(1000, node, 0, 1.0);
        r.ring.parameter(1100, node, 0, -3.0);
        r.ring.parameter(1700, node, 0, 5.0);
        float[][] out = r.render(2500);
        if (reference == null) {
          reference = out;
        } else {
          assertArrayEquals(reference[0], out[0], "block " + block);
        }
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"0, EXCEPTION", "1, NOT_FINITE", "2, ERROR_STATUS"})
  void aFailingModuleIsSilencedAndReportedWhileTheRestPlaysOn(int mode, FaultReason reason) {
    Graph g = Graph.of(List.of(
            new Node("bad", TestModules.FAULTY, Map.of("mode", (double) mode)),
            new Node("good", TestModules.SINE)),
        List.of(), List.of(Track.of("bad", "bad").withPan(-1), Track.of("good", "good").withPan(1)));
    try (Rendering r = new Rendering(g, 64)) {
      r.ring.noteOn(4800, 0, 1, 60, 1f);
      r.ring.noteOn(0, 1, 2, 69, 1f);
      float[][] out = r.render(RATE);
      for (int f = 0; f < 4800; f++) {
        assertEquals(0.5f, out[0][f], "the faulty module sounded before its fault, frame " + f);
      }
      for (int f = 4800; f < RATE; f++) {
        assertEquals(0f, out[0][f], "silenced from the failing block on, frame " + f);
      }
      double hz = Signals.peakFrequency(Arrays.copyOfRange(out[1], 4800, RATE), RATE);
      assertEquals(440, hz, 0.5, "the other track plays on");
      assertEquals(1, r.engine.faults());
      assertTrue(r.plan.isBypassed("bad"));
      List<String> faults = new ArrayList<>();
      r.telemetry.reader().drain(m -> {
        if (m.kind() == TelemetryMessage.Kind.FAULT) {
          faults.add(m.node() + ":" + FaultReason.of(m.reason()) + "@" + m.frame());
        }
      });
      assertEquals(List.of(r.plan.nodeIndex("bad") + ":" + reason + "@4800"), faults);
    }
  }

  @Test
  void parallelPathsAreAlignedByTheDeclaredLatency() {
    Graph g = Graph.of(List.of(
            new Node("a", TestModules.CLICK), new Node("late", TestModules.DELAY), new Node("b", TestModules.CLICK)),
        List.of(), List.of(Track.of("a", "a", "late").withPan(-1), Track.of("b", "b").withPan(1)));
    try (Rendering r = new Rendering(g, 64)) {
      assertEquals(TestModules.DELAY_FRAMES, r.plan.latencyFrames());
      r.ring.noteOn(1000, 0, 1, 60, 1f);
      r.ring.noteOn(1000, 1, 2, 60, 1f);
      float[][] out = r.render(2000);
      assertEquals(1100, Signals.onset(out[0], 0));
      assertEquals(1100, Signals.onset(out[1], 0), "the shorter path waits for the longer");
      assertArrayEquals(out[0], out[1]);
    }
  }

  @ParameterizedTest
  @CsvSource({"64, 1000", "512, 100", "1, 7", "100, 64"})
  void aFeedbackEdgeDelaysByExactlyItsFramesForAnyBlockSize(int block, int delay) {
    Graph g = Graph.of(List.of(new Node("e", TestModules.ECHO)), List.of(
        Connection.feedback("e.out", "e.in", delay),
        new Connection("e.out", Connection.MASTER)), List.of());
    try (Rendering r = new Rendering(g, block)) {
      float[] left = r.render(delay * 5 + 1)[0];
      for (int f = 0; f < left.length; f++) {
        float expected = f % delay == 0 ? (float) Math.pow(0.5, f / delay) : 0f;
        assertEquals(expected, left[f], "frame " + f);
      }
    }
  }

  @Test
  void aNewPlanTakesOverAtTheNextBlockBoundary() {
    Graph quiet = Graph.of(List.of(new Node("lv", TestModules.LEVEL, Map.of("level", 0.25))),
        List.of(new Connection("lv.out", Connection.MASTER)), List.of());
    Graph loud = Graph.of(List.of(new Node("lv", TestModules.LEVEL, Map.of("level", 0.75))),
        List.of(new Connection("lv.out", Connection.MASTER)), List.of());
    try (Rendering r = new Rendering(quiet, 64); Plan next = Plan.compile(loud, TestModules.registry(), RATE, 64)) {
      float[][] first = r.render(64);
      assertSame(r.plan, r.engine.activePlan());
      r.engine.submit(next);
      assertSame(r.plan, r.engine.activePlan(), "nothing changes until the audio thread takes it");
      float[][] second = r.render(64);
      assertSame(next, r.engine.activePlan());
      for (int f = 0; f < 64; f++) {
        assertEquals(0.25f, first[0][f]);
        assertEquals(0.75f, second[0][f]);
      }
    }
  }

  @Test
  void withoutAPlanTheEnginePlaysSilenceAndKeepsTime() {
    EngineRing ring = new EngineRing(64);
    Engine engine = new Engine(RATE, 64, ring, null);
    float[][] out = {new float[64], new float[64], new float[64]};
    Arrays.fill(out[2], 1f);
    ring.noteOn(10, 0, 1, 60, 1f);
    engine.processBlock(out, 64);
    assertEquals(0, Signals.peak(out[0]) + Signals.peak(out[1]) + Signals.peak(out[2]));
    assertEquals(64, engine.frame());
    assertNull(engine.activePlan());
    assertEquals(0, engine.faults());
  }

  @Test
  void aPlanForAnotherRateIsRefusedOnTheModelThread() {
    try (Plan plan = Plan.compile(levels(), TestModules.registry(), 44_100, 64)) {
      Engine engine = new Engine(RATE, 64, new EngineRing(64), null);
      assertEquals("the plan was compiled for 44100.0 Hz and blocks of 64, the engine runs 48000.0 Hz and blocks of up to 64",
          org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> engine.submit(plan)).getMessage());
    }
  }

  @Test
  void telemetryCarriesMetersPlayheadAndLoad() {
    Graph g = Graph.of(List.of(new Node("lv", TestModules.LEVEL, Map.of("level", 0.5))),
        List.of(new Connection("lv.out", Connection.MASTER)), List.of());
    try (Rendering r = new Rendering(g, 64)) {
      r.ring.start(0, 0);
      r.render(RATE / 10);
      List<TelemetryMessage.Kind> kinds = new ArrayList<>();
      List<Float> peaks = new ArrayList<>();
      List<Float> rms = new ArrayList<>();
      long[] playhead = {-1};
      r.telemetry.reader().drain(m -> {
        kinds.add(m.kind());
        if (m.kind() == TelemetryMessage.Kind.METER) {
          peaks.add(m.peak());
          rms.add(m.rms());
        } else if (m.kind() == TelemetryMessage.Kind.PLAYHEAD) {
          playhead[0] = m.count();
        }
      });
      // 4800 frames, a report every 960: five of each, two meters (left, right) per report.
      assertEquals(10, peaks.size());
      assertTrue(peaks.stream().allMatch(p -> p == 0.5f), "peaks " + peaks);
      assertTrue(rms.stream().allMatch(p -> Math.abs(p - 0.5f) < 1e-6), "rms " + rms);
      assertEquals(5, kinds.stream().filter(k -> k == TelemetryMessage.Kind.LOAD).count());
      assertEquals(RATE / 10, playhead[0]);
      assertEquals(0, r.telemetry.dropped());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 512})
  void transportChangesTakeEffectAtTheirFrame(int block) {
    Graph g = Graph.of(List.of(new Node("clock", TestModules.CLOCK)), List.of(
        new Connection("clock.tempo", Connection.MASTER, List.of(0, -1), 0),
        new Connection("clock.beat", Connection.MASTER, List.of(-1, 0), 0)), List.of());
    try (Rendering r = new Rendering(g, block)) {
      r.ring.tempo(0, 120);
      r.ring.start(300, 0);
      r.ring.tempo(1000, 90);
      r.ring.stop(2000);
      float[][] out = r.render(2500);
      assertEquals(0f, out[0][299], "stopped before frame 300");
      assertEquals(120f, out[0][300], "playing from frame 300");
      assertEquals(120f, out[0][999]);
      assertEquals(90f, out[0][1000], "new tempo from frame 1000");
      assertEquals(90f, out[0][1999]);
      assertEquals(0f, out[0][2000], "stopped at frame 2000");
      // At frame 1000 the song has played 700 frames at 120 bpm: 700 / 24000 beats.
      assertEquals(700 / 24_000.0, out[1][1000], 1e-7);
    }
  }

  @Test
  void processBlockNeverThrowsEvenOnBadBuffers() {
    try (Rendering r = new Rendering(clickTrack(), 64)) {
      r.engine.processBlock(null, 64);
      r.engine.processBlock(new float[][] {new float[64], null}, 64);
      assertEquals(1, r.engine.faults(), "the null channel was reported as an engine fault");
      float[][] out = new float[2][64];
      r.ring.noteOn(r.engine.frame() + 5, 0, 1, 60, 1f);
      r.engine.processBlock(out, 64);
      assertEquals(1f, out[0][5], "and it plays on");
    }
  }
}

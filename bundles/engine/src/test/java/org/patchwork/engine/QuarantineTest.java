package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.bus.TelemetryMessage;
import org.patchwork.bus.TelemetryRing;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.testkit.Signals;

/**
 * Quarantine: modules built to throw, to write NaN and to spin past their CPU budget, each on a
 * track of its own beside a healthy 880 Hz sine. Each is bypassed (an instrument: silent) from
 * the block in which it misbehaves, or for the spinner the block in which its overrun becomes
 * the third in a row; it is reported with its reason in telemetry, in the session's faults and
 * through the guard's log on the lifecycle thread; the other track plays on.
 */
class QuarantineTest {

  private static final int RATE = LiveFixtures.RATE;
  private static final int BLOCK = 256;
  /** The bad module's note: where it starts misbehaving. */
  private static final int CUE = 4800;

  @ParameterizedTest
  @CsvSource({"throw, EXCEPTION", "nan, NOT_FINITE", "spin, CPU_BUDGET"})
  void aMisbehavingModuleIsBypassedReportedAndTheMusicGoesOn(String kind, FaultReason reason, @TempDir Path home)
      throws Exception {
    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    ModuleGuard guard = ModuleGuard.markers(home, w -> warnings.add(Thread.currentThread().getName() + ": " + w),
        i -> { });
    LiveModuleRegistry registry = new LiveModuleRegistry(guard, new SineFactory(),
        TestModules.registry().find(TestModules.FAULTY).orElseThrow(), LiveFixtures.spinner(1.0));
    String module = kind.equals("spin") ? LiveFixtures.SPIN : TestModules.FAULTY;
    Map<String, Double> params = kind.equals("spin") ? Map.of() : Map.of("mode", kind.equals("throw") ? 0.0 : 1.0);
    Graph g = Graph.of(List.of(new Node("bad", module, params), new Node("good", TestModules.SINE, Map.of("gain", 0.5))),
        List.of(), List.of(Track.of("bad", "bad").withPan(-1), Track.of("good", "good").withPan(1)));
    Project p = new Project("quarantine", RATE, 120, g, List.of(
        new Note("good", 81, 1.0, 0, 4), new Note("bad", 60, 1.0, CUE / (RATE / 2.0), 1)));
    TelemetryRing telemetry = new TelemetryRing(8192);
    int frames = RATE;
    float[][] out = new float[2][frames];
    List<ModuleFault> faults;
    try (Session s = new Session(p, registry, RATE, BLOCK, 1.0, telemetry)) {
      s.engine().cpuBudget(Engine.DEFAULT_CPU_BUDGET, Engine.DEFAULT_OVERRUN_BLOCKS);
      for (int done = 0; done < frames; ) {
        int n = s.next();
        System.arraycopy(s.buffer()[0], 0, out[0], done, n);
        System.arraycopy(s.buffer()[1], 0, out[1], done, n);
        done += n;
      }
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      faults = s.lifecycle().faults();
      assertTrue(s.plan().isBypassed("bad"));
      assertEquals(1, s.faults());
    }

    int bypassed = frames;
    while (bypassed > 0 && out[0][bypassed - 1] == 0f) {
      bypassed--;
    }
    int cueBlock = CUE / BLOCK * BLOCK;
    System.out.printf("quarantine %s: misbehaves from frame %d (block %d..%d), bypassed from frame %d: %+d frames%n",
        kind, CUE, cueBlock, cueBlock + BLOCK, bypassed, bypassed - CUE);
    if (reason == FaultReason.CPU_BUDGET) {
      // The third overrun in a row is the third block from the cue's.
      assertEquals(cueBlock + (Engine.DEFAULT_OVERRUN_BLOCKS - 1) * BLOCK, bypassed);
    } else {
      assertEquals(cueBlock, bypassed, "bypassed from the start of the block in which it misbehaved");
    }
    for (int f = 0; f < Math.min(bypassed, cueBlock); f++) {
      assertEquals(0.5f, out[0][f], "it played before misbehaving, frame " + f);
    }

    List<String> reported = new ArrayList<>();
    telemetry.reader().drain(m -> {
      if (m.kind() == TelemetryMessage.Kind.FAULT) {
        reported.add(m.node() + ":" + FaultReason.of(m.reason()) + "@" + m.frame());
      }
    });
    assertEquals(List.of("0:" + reason + "@" + bypassed), reported, "telemetry");
    assertEquals(1, faults.size(), faults.toString());
    ModuleFault f = faults.get(0);
    assertEquals(module, f.moduleId());
    assertEquals("bad", f.nodeId());
    assertEquals(reason, f.reason());
    assertEquals(bypassed, f.frame());
    assertEquals(1, guard.faults().size(), "the host-wide list of pw:faults");
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("patchwork-lifecycle: module " + module + " 1.0.0 (node 'bad') bypassed at frame "
        + bypassed), "logged from the control thread: " + warnings);

    double hz = Signals.peakFrequency(Arrays.copyOfRange(out[1], bypassed, bypassed + RATE / 2), RATE);
    double before = Signals.rms(out[1], RATE / 20, cueBlock);
    double after = Signals.rms(out[1], bypassed + BLOCK, frames);
    System.out.printf("quarantine %s: the other track peaks at %.1f Hz, rms %.4f before and %.4f after%n",
        kind, hz, before, after);
    assertEquals(880, hz, 2.0, "the other track plays on");
    assertEquals(before, after, before * 0.01);
  }

  @org.junit.jupiter.api.Test
  void clearingAQuarantinedModuleGivesItsNodeAFreshInstance(@TempDir Path home) throws Exception {
    ModuleGuard guard = ModuleGuard.markers(home, w -> { }, i -> { });
    LiveModuleRegistry registry = new LiveModuleRegistry(guard, TestModules.registry().find(TestModules.FAULTY)
        .orElseThrow());
    Graph g = Graph.of(List.of(new Node("bad", TestModules.FAULTY, Map.of("mode", 1.0))), List.of(),
        List.of(Track.of("bad", "bad").withPan(-1)));
    Project p = new Project("clear", RATE, 120, g, List.of(new Note("bad", 60, 1.0, CUE / (RATE / 2.0), 0.01)));
    float[] out = new float[RATE];
    try (Session s = new Session(p, registry, RATE, BLOCK, 1.0)) {
      int done = 0;
      while (done < RATE / 2) {
        int n = s.next();
        System.arraycopy(s.buffer()[0], 0, out, done, n);
        done += n;
      }
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      assertTrue(s.plan().isBypassed("bad"));
      assertEquals(0f, out[done - 1], "quarantined: silent");
      assertTrue(guard.clear(TestModules.FAULTY), "pw:faults --clear");
      assertEquals(List.of(), guard.faults());
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      while (done < RATE) {
        int n = s.next();
        System.arraycopy(s.buffer()[0], 0, out, done, n);
        done += n;
      }
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      assertTrue(!s.plan().isBypassed("bad"), "a fresh instance plays");
      assertEquals(ModuleSwap.Kind.UPDATE, s.lifecycle().swaps().get(0).kind());
    }
    assertEquals(0.5f, out[RATE - 1], "the fresh instance sounds (it writes 0.5 until its next note)");
  }
}

package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.testkit.Signals;

/**
 * A module whose activation killed the host is held back on the next start: a real JVM is
 * killed inside {@code activate}; the marker it leaves makes the next guard hold the module
 * back, its node plays as a placeholder (an effect: its input passes) and the fault is
 * reported, until the module is cleared, when the playing session rebinds it.
 */
class CrashMarkerTest {

  private static final int RATE = 48_000;

  @Test
  void aModuleThatCrashedTheHostIsHeldBackUntilCleared(@TempDir Path markers) throws Exception {
    Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), CrashInActivate.class.getName(), markers.toString())
        .redirectErrorStream(true).start();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS));
    String childOut = new String(child.getInputStream().readAllBytes());
    assertEquals(CrashInActivate.STATUS, child.exitValue(), "the JVM died inside activate: " + childOut);
    List<Path> left;
    try (Stream<Path> list = Files.list(markers)) {
      left = list.toList();
    }
    assertEquals(1, left.size(), "one marker left behind: " + left);
    assertTrue(left.get(0).getFileName().toString().startsWith(CrashInActivate.CRASHY + "@" + child.pid() + "-"));

    List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    ModuleGuard guard = ModuleGuard.markers(markers, warnings::add, i -> { });
    assertEquals(List.of(CrashInActivate.CRASHY), guard.heldBack());
    assertEquals(FaultReason.HELD_BACK, guard.faults().get(0).reason());
    assertTrue(warnings.get(0).contains("module test.crashy (node 'fx') held back: the host stopped while activating it"),
        warnings.toString());

    // The next start: the module (fixed, say) is installed, but held back.
    int[] activations = new int[1];
    LiveModuleRegistry registry = new LiveModuleRegistry(guard, new SineFactory(),
        LiveFixtures.factory(CrashInActivate.descriptor(), () -> {
          activations[0]++;
          return new TestModules.Thru();
        }));
    Project p = new Project("crash", RATE, 120, CrashInActivate.graph(), List.of(new Note("lead", 69, 1.0, 0, 8)));
    float[] out = new float[2 * RATE];
    try (Session s = new Session(p, registry, RATE, 256, 2.0)) {
      assertTrue(s.plan().isPlaceholder("fx"));
      assertEquals(0, activations[0], "never created while held back");
      assertTrue(s.plan().warnings().get(0).contains("plays as a placeholder"), s.plan().warnings().toString());
      assertEquals(FaultReason.HELD_BACK, s.lifecycle().faults().get(0).reason());
      int done = 0;
      while (done < RATE) {
        done += copy(s, out, done);
      }
      float[] held = java.util.Arrays.copyOfRange(out, RATE / 2, RATE);
      assertTrue(Signals.rms(held, 0, held.length) > 0.1, "the placeholder passes the sine through");

      assertTrue(guard.clear(CrashInActivate.CRASHY));
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      while (done < out.length) {
        done += copy(s, out, done);
      }
      assertTrue(s.lifecycle().awaitIdle(Duration.ofSeconds(20)));
      assertEquals(1, activations[0], "created once cleared");
      assertFalse(s.plan().isPlaceholder("fx"));
      assertEquals(ModuleSwap.Kind.REBIND, s.lifecycle().swaps().get(0).kind());
    }
    try (Stream<Path> list = Files.list(markers)) {
      assertEquals(0, list.count(), "the marker was deleted by the clear, and no new one stays");
    }
    assertEquals(List.of(), guard.heldBack());
    assertEquals(List.of(), ModuleGuard.markers(markers, w -> { }, i -> { }).heldBack(), "not held back on the next start");
  }

  private static int copy(Session s, float[] out, int at) {
    int n = s.next();
    System.arraycopy(s.buffer()[0], 0, out, at, n);
    return n;
  }
}

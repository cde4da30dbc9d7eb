package org.patchwork.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crash markers: written and deleted around an activation; only a dead host's hold a module back. */
class MarkerGuardTest {

  private static long count(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.count();
    }
  }

  @Test
  void aMarkerLivesExactlyAsLongAsTheActivation(@TempDir Path dir) throws Exception {
    MarkerGuard g = MarkerGuard.open(dir, w -> { }, i -> { });
    g.activating("com.example.a", "n1");
    assertEquals(1, count(dir));
    String text = Files.readString(Files.list(dir).findFirst().orElseThrow());
    assertTrue(text.contains("module=com.example.a") && text.contains("node=n1"), text);
    g.activated("com.example.a", "n1");
    assertEquals(0, count(dir));
  }

  @Test
  void markersOfRunningHostsDoNotHoldBackAndDeadOnesDo(@TempDir Path dir) throws Exception {
    // This JVM is running: its marker is an activation in progress.
    Files.writeString(dir.resolve("com.example.live@" + ProcessHandle.current().pid() + "-1.marker"), "node=x\n");
    // A process that has ended: its marker is a crash.
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .start();
    p.waitFor();
    Files.writeString(dir.resolve("com.example.dead@" + p.pid() + "-7.marker"), "node=fx\n");
    Files.writeString(dir.resolve("notes.txt"), "not a marker");
    Files.writeString(dir.resolve("garbage.marker"), "");
    List<String> warnings = new ArrayList<>();
    List<String> cleared = new ArrayList<>();
    MarkerGuard g = MarkerGuard.open(dir, warnings::add, i -> { });
    g.onClear(cleared::add);
    assertEquals(List.of("com.example.dead"), g.heldBack());
    assertTrue(g.isHeldBack("com.example.dead"));
    assertFalse(g.isHeldBack("com.example.live"));
    assertEquals("fx", g.faults().get(0).nodeId());
    assertEquals(2, warnings.size(), "the held-back module and the file that is not a marker: " + warnings);
    assertFalse(g.clear("com.example.other"));
    assertTrue(g.clear("com.example.dead"));
    assertEquals(List.of("com.example.dead"), cleared);
    assertEquals(List.of(), g.heldBack());
    assertFalse(Files.exists(dir.resolve("com.example.dead@" + p.pid() + "-7.marker")));
  }
}

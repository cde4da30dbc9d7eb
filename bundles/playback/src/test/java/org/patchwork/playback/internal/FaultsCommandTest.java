package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.FaultReason;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleGuard;

/** {@code pw:faults}: lists faults and held-back modules, clears one. */
class FaultsCommandTest {

  private static String run(FaultsCommand command, String... args) throws Exception {
    PrintStream old = System.out;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    try {
      command.faults(args);
    } finally {
      System.setOut(old);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void listsFaultsAndHeldBackModulesAndClearsThem(@TempDir Path markers) throws Exception {
    // A marker left by a process that has ended: a crash while activating com.example.crashy.
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
        .start();
    p.waitFor();
    Files.writeString(markers.resolve("com.example.crashy@" + p.pid() + "-1.marker"), "node=fx\n");
    ModuleGuard guard = ModuleGuard.markers(markers, w -> { }, i -> { });
    guard.report(new ModuleFault("com.example.nan", "1.2.0", "lead", FaultReason.NOT_FINITE, 4608,
        Instant.parse("2026-11-24T15:03:11Z"), "wrote NaN or infinity"));
    FaultsCommand command = new FaultsCommand(guard);

    String list = run(command);
    assertTrue(list.contains("com.example.nan"), list);
    assertTrue(list.matches("(?s).*com\\.example\\.nan\\s+1\\.2\\.0\\s+lead\\s+NOT_FINITE\\s+2026-11-24T15:03:11Z\\s+4608.*"),
        list);
    assertTrue(list.contains("held back: com.example.crashy (clear with 'pw:faults --clear com.example.crashy')"), list);

    JsonNode json = new ObjectMapper().readTree(run(command, "--json"));
    assertEquals(2, json.get("faults").size(), json.toString());
    assertEquals("HELD_BACK", json.get("faults").get(0).get("reason").asText());
    assertEquals("com.example.crashy", json.get("heldBack").get(0).asText());

    assertTrue(run(command, "--clear", "com.example.crashy").startsWith("cleared com.example.crashy: no longer held back"));
    assertEquals("nothing to clear for com.example.crashy\n", run(command, "--clear", "com.example.crashy"));
    assertTrue(run(command, "--clear", "com.example.nan").startsWith("cleared com.example.nan: its faults are forgotten"));
    assertEquals("no module faults\n", run(command));
    try (var left = Files.list(markers)) {
      assertEquals(0, left.count());
    }
  }
}

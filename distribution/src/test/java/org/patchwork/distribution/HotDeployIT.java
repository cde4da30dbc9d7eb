package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hot deploy against the real launcher: with the host running headless, a module jar copied
 * into the deploy folder shows up in {@code pw:modules}, deleting it removes it, and a corrupt
 * jar is reported by name while the host keeps serving commands.
 */
class HotDeployIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String GAIN = "org.patchwork.examples.gain";

  @Test
  void copyDeleteAndCorruptJarsWhileRunning(@TempDir Path home, @TempDir Path deploy) throws Exception {
    try (HostProcess host = HostProcess.start(home, "headless", "--deploy", deploy.toString())) {
      host.send("pw:modules");
      assertTrue(host.awaitOut(0, o -> o.contains("org.patchwork.examples.sine"), WAIT),
          "the host answers pw:modules; stderr: " + host.err());
      assertFalse(host.out().contains(GAIN), "the gain module is not installed yet");

      Files.copy(HostProcess.exampleJar("gain"), deploy.resolve("gain.jar"));
      assertTrue(host.awaitErr(e -> e.contains("deployed gain.jar (org.patchwork.example-gain"), WAIT),
          "deploy reported; stderr: " + host.err());
      int mark = host.out().length();
      host.send("pw:modules");
      assertTrue(host.awaitOut(mark, o -> o.contains(GAIN), WAIT), "gain module listed after copy");

      Jars.withHeaders(HostProcess.exampleJar("gain"), deploy.resolve("gain.jar"),
          java.util.Map.of("Bundle-Version", "7.7.7"));
      assertTrue(host.awaitErr(e -> e.contains("updated gain.jar (org.patchwork.example-gain 7.7.7)"), WAIT),
          "update reported; stderr: " + host.err());
      mark = host.out().length();
      host.send("pw:bundles");
      assertTrue(host.awaitOut(mark, o -> o.matches("(?s).*org\\.patchwork\\.example-gain\\s+7\\.7\\.7.*"), WAIT),
          "the running bundle is the new version: " + host.out());
      mark = host.out().length();
      host.send("pw:modules");
      assertTrue(host.awaitOut(mark, o -> o.contains(GAIN), WAIT), "module still offered after the update");

      Files.delete(deploy.resolve("gain.jar"));
      assertTrue(host.awaitErr(e -> e.contains("removed gain.jar"), WAIT), "removal reported; stderr: " + host.err());
      mark = host.out().length();
      host.send("pw:modules");
      host.send("echo END-OF-LIST");
      assertTrue(host.awaitOut(mark, o -> o.contains("END-OF-LIST"), WAIT));
      String after = host.out().substring(mark);
      assertTrue(after.contains("org.patchwork.examples.sine"), after);
      assertFalse(after.contains(GAIN), "gain module gone after delete: " + after);

      Files.writeString(deploy.resolve("broken.jar"), "this is not a zip file");
      assertTrue(host.awaitErr(e -> e.contains("deploy: broken.jar is not a valid bundle"), WAIT),
          "corrupt jar reported by name; stderr: " + host.err());
      mark = host.out().length();
      host.send("pw:modules");
      assertTrue(host.awaitOut(mark, o -> o.contains("org.patchwork.examples.sine"), WAIT),
          "host still serves commands after the corrupt jar");

      host.send("exit");
      assertEquals(0, host.waitFor(WAIT), "clean exit; stderr: " + host.err());
    }
  }

  @Test
  void endOfInputShutsDownCleanly(@TempDir Path home) throws Exception {
    try (HostProcess host = HostProcess.start(home, "headless")) {
      host.send("pw:bundles");
      host.closeInput();
      assertEquals(0, host.waitFor(WAIT));
      assertTrue(host.out().contains("org.patchwork.sdk"), host.out());
      try (var cache = Files.list(home.resolve("cache"))) {
        assertTrue(cache.noneMatch(p -> p.getFileName().toString().startsWith("felix-")),
            "framework storage removed on exit");
      }
    }
  }

  @Test
  void sigtermStopsTheHost(@TempDir Path home) throws Exception {
    try (HostProcess host = HostProcess.start(home, "headless")) {
      host.send("pw:bundles");
      assertTrue(host.awaitOut(0, o -> o.contains("org.patchwork.sdk"), WAIT));
      host.terminate();
      int status = host.waitFor(WAIT);
      assertEquals(143, status, "terminated by SIGTERM after stopping the framework");
      try (var cache = Files.list(home.resolve("cache"))) {
        assertTrue(cache.noneMatch(p -> p.getFileName().toString().startsWith("felix-")),
            "framework storage removed by the shutdown hook");
      }
    }
  }
}

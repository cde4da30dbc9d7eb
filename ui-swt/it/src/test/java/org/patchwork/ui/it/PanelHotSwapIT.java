package org.patchwork.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchwork.ui.testkit.Xvfb;

/**
 * A panel bundle hot-swapped while the real {@code bin/patchwork gui} window is open, in the
 * assembled distribution (a real Felix with Declarative Services): the scope panel arrives
 * through the deploy folder, is updated in place, and leaves; the rest of the window keeps
 * working throughout (keys typed into it through the X server still play and stop the song).
 * The log file tells what happened; panels log when they come, are rebuilt and go.
 */
@ExtendWith(Xvfb.class)
class PanelHotSwapIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String SCOPE = "ui-scope-0.1.0-SNAPSHOT.jar";

  private Path root;
  private Path dist;
  private Path home;
  private Path deploy;
  private Path project;
  private Process gui;

  @BeforeEach
  void assemble() throws IOException {
    root = Path.of("target/hotswap").toAbsolutePath();
    deleteTree(root);
    dist = root.resolve("patchwork");
    copyTree(Path.of(System.getProperty("patchwork.distribution")), dist);
    // The distribution may be older than the UI bundles or not list them yet: lay this build's
    // jars over it. The scope panel stays out: it arrives through the deploy folder.
    Path built = Path.of(System.getProperty("patchwork.uiBundles"));
    try (Stream<Path> jars = Files.list(built)) {
      for (Path jar : jars.toList()) {
        String name = jar.getFileName().toString();
        Path folder = name.startsWith("host-") ? dist.resolve("lib") : dist.resolve("bundles");
        if (!name.equals(SCOPE)) {
          Files.copy(jar, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Files.deleteIfExists(dist.resolve("bundles").resolve(SCOPE));
    home = Files.createDirectories(root.resolve("home"));
    deploy = Files.createDirectories(root.resolve("deploy"));
    project = Files.createDirectories(root.resolve("song"));
    Files.copy(Path.of("src/test/resources/test-song/project.json"), project.resolve("project.json"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    if (gui != null && gui.isAlive()) {
      gui.destroy();
      if (!gui.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
        gui.destroyForcibly();
      }
    }
  }

  @Test
  void thePanelIsAddedRebuiltAndRemovedWhileTheWindowKeepsWorking() throws Exception {
    ProcessBuilder pb = new ProcessBuilder(dist.resolve("bin/patchwork").toString(), "gui", project.toString(),
        "--deploy", deploy.toString());
    pb.environment().putAll(Map.of("DISPLAY", Xvfb.display(), "PATCHWORK_HOME", home.toString(),
        "PATCHWORK_JVM_OPTS", "-Dpatchwork.driver=null"));
    pb.redirectErrorStream(true).redirectOutput(root.resolve("gui.out").toFile());
    gui = pb.start();
    awaitLog("the window", l -> l.contains("workbench window open (UI thread: main)"));
    assertLogged("panel org.patchwork.ui.mixer added");
    assertLogged("panel org.patchwork.ui.patch added");
    assertFalse(log().contains("org.patchwork.ui.scope"), "no scope panel before it is deployed");

    Files.copy(built(SCOPE), deploy.resolve(SCOPE));
    awaitLog("the scope panel", l -> l.contains("panel org.patchwork.ui.scope added"));

    // An updated bundle: other bytes, same symbolic name. The panel is rebuilt in its tab.
    Path update = root.resolve(SCOPE);
    Files.copy(built(SCOPE), update);
    try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + update.toUri()), Map.of())) {
      Files.writeString(jar.getPath("META-INF/patchwork-hotswap.txt"), "update " + System.nanoTime(),
          StandardCharsets.UTF_8);
    }
    Files.move(update, deploy.resolve(SCOPE), StandardCopyOption.REPLACE_EXISTING);
    // The host updates the bundle and then refreshes the framework, which restarts it once more:
    // wait until the scope's last word is "rebuilt".
    awaitLog("the rebuilt scope panel", l -> l.contains("panel org.patchwork.ui.scope rebuilt (generation 2)"));
    awaitTrue("the scope panel settled", () -> lastScopeLine().contains("rebuilt (generation"));
    assertFalse(log().contains("panel org.patchwork.ui.scope removed"), "rebuilt in place, not removed");
    assertEquals(1, count("panel org.patchwork.ui.mixer"), "the mixer was not touched");
    assertEquals(1, count("panel org.patchwork.ui.patch"), "the patch editor was not touched");

    // The rest of the window still answers the keyboard.
    focusWindow();
    Xvfb.xdotool("key", "space");
    awaitLog("playback started by the Space key", l -> l.contains("Playing through null"));
    Xvfb.xdotool("key", "Escape");
    awaitLog("playback stopped by Escape", l -> l.contains("Stopped"));

    Files.delete(deploy.resolve(SCOPE));
    awaitLog("the scope panel gone", l -> l.contains("panel org.patchwork.ui.scope removed"));

    focusWindow();
    Xvfb.xdotool("key", "ctrl+q");
    assertTrue(gui.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "Ctrl+Q closes the window and the host");
    assertEquals(0, gui.exitValue(), Files.readString(root.resolve("gui.out")));
    assertLogged("workbench window closed");
  }

  private String lastScopeLine() throws IOException {
    return log().lines().filter(l -> l.contains("panel org.patchwork.ui.scope")).reduce((a, b) -> b).orElse("");
  }

  private interface Check {
    boolean test() throws Exception;
  }

  private void awaitTrue(String what, Check check) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!check.test()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + ":\n" + log());
      }
      Thread.sleep(200);
    }
  }

  private Path built(String name) {
    return Path.of(System.getProperty("patchwork.uiBundles")).resolve(name);
  }

  private void focusWindow() throws Exception {
    String ids = Xvfb.xdotool("search", "--onlyvisible", "--name", "Patchwork - ");
    List<String> windows = ids.lines().filter(s -> !s.isBlank()).toList();
    assertFalse(windows.isEmpty(), "the window is on the display");
    Xvfb.xdotool("windowfocus", "--sync", windows.getFirst().strip());
    Xvfb.xdotool("mousemove", "--window", windows.getFirst().strip(), "200", "200");
  }

  private String log() throws IOException {
    Path file = home.resolve("logs/patchwork.log");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  private long count(String text) throws IOException {
    return log().lines().filter(l -> l.contains(text)).count();
  }

  private void assertLogged(String text) throws IOException {
    assertTrue(log().contains(text), "the log says '" + text + "':\n" + log());
  }

  private void awaitLog(String what, Predicate<String> line) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < end) {
      if (log().lines().anyMatch(line)) {
        return;
      }
      if (!gui.isAlive()) {
        throw new AssertionError("patchwork gui ended (status " + gui.exitValue() + ") before " + what + ":\n"
            + Files.readString(root.resolve("gui.out")) + "\n" + log());
      }
      Thread.sleep(100);
    }
    throw new AssertionError("timed out waiting for " + what + ":\n" + log() + "\n" + Files.readString(root.resolve("gui.out")));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}

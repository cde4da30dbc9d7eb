package org.patchwork.ui.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The assembled distribution with this build's UI bundles laid over it, in a folder of its
 * own, and {@code bin/patchwork gui} run from it on the Xvfb display: what the window's
 * integration tests drive. The log file ({@code $PATCHWORK_HOME/logs/patchwork.log}) tells what
 * the host did.
 */
final class GuiHost implements AutoCloseable {

  static final Duration WAIT = Duration.ofSeconds(60);

  final Path root;
  final Path dist;
  final Path home;
  final Path project;
  private Process gui;

  /**
   * Copies the distribution to {@code target/NAME} and lays this build's UI jars over it
   * (leaving out {@code without}), with a copy of {@code src/test/resources/test-song} as the
   * project.
   */
  GuiHost(String name, Set<String> without) throws IOException {
    root = Path.of("target", name).toAbsolutePath();
    deleteTree(root);
    dist = root.resolve("patchwork");
    copyTree(Path.of(System.getProperty("patchwork.distribution")), dist);
    // The distribution may be older than the UI bundles or not list them yet.
    try (Stream<Path> jars = Files.list(Path.of(System.getProperty("patchwork.uiBundles")))) {
      for (Path jar : jars.toList()) {
        String file = jar.getFileName().toString();
        Path folder = file.startsWith("host-") ? dist.resolve("lib") : dist.resolve("bundles");
        if (!without.contains(file)) {
          Files.copy(jar, folder.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    for (String file : without) {
      Files.deleteIfExists(dist.resolve("bundles").resolve(file));
    }
    home = Files.createDirectories(root.resolve("home"));
    project = Files.createDirectories(root.resolve("song"));
    Files.copy(Path.of("src/test/resources/test-song/project.json"), project.resolve("project.json"));
  }

  /** A jar this build made. */
  static Path built(String name) {
    return Path.of(System.getProperty("patchwork.uiBundles")).resolve(name);
  }

  /**
   * Starts {@code bin/patchwork gui PROJECT ARGS} with the null driver and the given JVM
   * options, and waits for the window.
   */
  void start(List<String> args, String jvmOptions) throws Exception {
    List<String> command = new ArrayList<>(List.of(dist.resolve("bin/patchwork").toString(), "gui", project.toString()));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command);
    Map<String, String> env = new HashMap<>(Map.of("DISPLAY", Xvfb.display(), "PATCHWORK_HOME", home.toString(),
        "PATCHWORK_JVM_OPTS", ("-Dpatchwork.driver=null " + jvmOptions).strip()));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true).redirectOutput(root.resolve("gui.out").toFile());
    gui = pb.start();
    awaitLog("the window", l -> l.contains("workbench window open (UI thread: main)"));
  }

  Process process() {
    return gui;
  }

  String log() throws IOException {
    Path file = home.resolve("logs/patchwork.log");
    return Files.exists(file) ? Files.readString(file) : "";
  }

  long count(String text) throws IOException {
    return log().lines().filter(l -> l.contains(text)).count();
  }

  void assertLogged(String text) throws IOException {
    assertTrue(log().contains(text), "the log says '" + text + "':\n" + log());
  }

  void awaitLog(String what, Predicate<String> line) throws Exception {
    awaitTrue(what, () -> log().lines().anyMatch(line));
  }

  interface Check {
    boolean test() throws Exception;
  }

  /** Waits up to {@link #WAIT} for {@code check}; fails early, with the output, if the host ended. */
  void awaitTrue(String what, Check check) throws Exception {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!check.test()) {
      if (!gui.isAlive()) {
        throw new AssertionError("patchwork gui ended (status " + gui.exitValue() + ") before " + what + ":\n"
            + Files.readString(root.resolve("gui.out")) + "\n" + log());
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what + ":\n" + log() + "\n"
            + Files.readString(root.resolve("gui.out")));
      }
      Thread.sleep(100);
    }
  }

  /** Gives the window the keyboard and puts the pointer inside it. */
  void focusWindow() throws Exception {
    String ids = Xvfb.xdotool("search", "--onlyvisible", "--name", "Patchwork - ");
    List<String> windows = ids.lines().filter(s -> !s.isBlank()).toList();
    assertFalse(windows.isEmpty(), "the window is on the display");
    Xvfb.xdotool("windowfocus", "--sync", windows.getFirst().strip());
    Xvfb.xdotool("mousemove", "--window", windows.getFirst().strip(), "200", "200");
  }

  /** Ends the host if the test did not; a hung one is killed. */
  @Override
  public void close() throws InterruptedException {
    if (gui != null && gui.isAlive()) {
      gui.destroy();
      if (!gui.waitFor(15, TimeUnit.SECONDS)) {
        gui.destroyForcibly();
      }
    }
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

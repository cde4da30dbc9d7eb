package org.patchwork.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The user's Patchwork folder ({@code $PATCHWORK_HOME}, default {@code ~/.patchwork}): logs,
 * configuration, installed bundles, caches and keys. Nothing is ever written into the
 * distribution folder.
 */
record Home(Path root) {

  static Home fromEnvironment() {
    String env = System.getenv("PATCHWORK_HOME");
    Path root = env == null || env.isBlank()
        ? Path.of(System.getProperty("user.home"), ".patchwork")
        : Path.of(env);
    return new Home(root.toAbsolutePath().normalize());
  }

  Path logs() {
    return root.resolve("logs");
  }

  Path logFile() {
    return logs().resolve("patchwork.log");
  }

  Path deploy() {
    return root.resolve("deploy");
  }

  Path installedBundles() {
    return root.resolve("bundles");
  }

  Path cache() {
    return root.resolve("cache");
  }

  /** A framework storage folder of this process's own, so two running hosts never collide. */
  Path frameworkStorage() {
    return cache().resolve("felix-" + ProcessHandle.current().pid());
  }

  /** Creates the folders and removes framework storage left by hosts that are no longer running. */
  void prepare() throws IOException {
    for (Path p : new Path[] {root, logs(), deploy(), installedBundles(), cache()}) {
      Files.createDirectories(p);
    }
    try (Stream<Path> entries = Files.list(cache())) {
      for (Path p : entries.toList()) {
        String name = p.getFileName().toString();
        if (name.startsWith("felix-") && !alive(name.substring(6))) {
          deleteTree(p);
        }
      }
    }
  }

  private static boolean alive(String pid) {
    try {
      return ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}

package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive ({@code $PATCHWORK_HOME/cache/patchwork-cds.jsa}) is used
 * by the next start, and made again when the distribution's jars change (as after an
 * upgrade): the JVM alone would ignore the stale archive at every start without rewriting it.
 * Runs on a copy of the distribution, whose jar it touches.
 */
class ClassDataArchiveIT {

  @TempDir
  Path work;

  @Test
  void theArchiveIsUsedAndMadeAgainAfterAJarChanges() throws Exception {
    Path dist = work.resolve("patchwork");
    copy(HostProcess.DIST, dist);
    Path home = work.resolve("home");
    Path archive = home.resolve("cache/patchwork-cds.jsa");

    run(dist, home, "");
    assertTrue(Files.size(archive) > 1_000_000, "the first start writes the archive");
    assertEquals("shared objects file (top)", mainClassSource(dist, home), "the next start maps it");

    Path host;
    try (Stream<Path> lib = Files.list(dist.resolve("lib"))) {
      host = lib.filter(p -> p.getFileName().toString().startsWith("host-")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(host, FileTime.fromMillis(Files.getLastModifiedTime(host).toMillis() + 60_000));
    String stale = mainClassSource(dist, home); // the launcher drops the stale archive; this run writes a new one
    assertTrue(stale.startsWith("file:") && stale.endsWith(host.getFileName().toString()), stale);
    assertEquals("shared objects file (top)", mainClassSource(dist, home), "the archive made after the change is used");
  }

  /** Where the JVM took the host's main class from, per {@code -Xlog:class+load}. */
  private static String mainClassSource(Path dist, Path home) throws Exception {
    String out = run(dist, home, "-Xlog:class+load=info");
    return out.lines()
        .filter(l -> l.contains(" org.patchwork.host.Main source: "))
        .map(l -> l.substring(l.indexOf(" source: ") + " source: ".length()).strip())
        .findFirst().orElseThrow(() -> new AssertionError("no class-load line for Main:\n" + out));
  }

  private static String run(Path dist, Path home, String jvmOptions) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of(dist.resolve("bin/patchwork").toString(), "modules"));
    pb.environment().put("PATCHWORK_HOME", home.toString());
    pb.environment().put("PATCHWORK_JVM_OPTS", jvmOptions);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("org.patchwork.examples.sine"), "the host ran: " + out);
    return out;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}

package org.patchwork.project;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.patchwork.project.internal.Hashes;

/** A hash of every name and byte under a folder, to prove an operation changed nothing. */
public final class TreeHash {

  private TreeHash() {
  }

  public static String of(Path root) throws IOException {
    StringBuilder s = new StringBuilder();
    try (Stream<Path> all = Files.walk(root)) {
      all.sorted().forEach(p -> {
        s.append(root.relativize(p)).append(Files.isDirectory(p) ? "/" : "").append('\n');
        if (Files.isRegularFile(p)) {
          try {
            s.append(Hashes.sha256(Files.readAllBytes(p))).append('\n');
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
      });
    }
    return Hashes.sha256(s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Copies a folder tree. */
  public static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> all = Files.walk(from)) {
      for (Path p : all.sorted().toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  /** A fixture folder from src/test/resources/fixtures. */
  public static Path fixture(String name) {
    try {
      return Path.of(TreeHash.class.getResource("/fixtures/" + name).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package org.patchwork.project;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Fuzzes pack unpacking: any bytes as a .pwpack either unpack into a project that loads, or are
 * refused with a {@link ProjectFormatException}, and a refusal leaves nothing in the landing
 * folder. Limits are small so the fuzzer cannot spend its time inflating big entries.
 */
class UnpackFuzzTest {

  private static final PackLimits LIMITS = new PackLimits(64, 8 << 20, 200);
  private static final Path ROOT;

  static {
    try {
      ROOT = Files.createTempDirectory("unpack-fuzz");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "5m")
  void unpack(byte[] data) throws IOException {
    Path pack = ROOT.resolve("input.pwpack");
    Path landing = ROOT.resolve("landing");
    clear(landing);
    Files.createDirectories(landing);
    Files.write(pack, data);
    Path into = landing.resolve("song");
    try {
      Packs.unpack(pack, into, LIMITS, p -> { });
    } catch (ProjectFormatException refused) {
      try (Stream<Path> left = Files.list(landing)) {
        if (left.findAny().isPresent()) {
          throw new AssertionError("a refused pack left something behind: " + refused.getMessage());
        }
      }
      return;
    }
    new ProjectStore().load(into);
  }

  private static void clear(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}

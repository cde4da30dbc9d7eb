package org.patchwork.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarInspectorTest {

  @Test
  void readsABundlesManifestAndComponents(@TempDir Path dir) throws Exception {
    Path jar = Fixtures.moduleBundle(dir, "org.example.fx", "1.2", "org.example.fx",
        List.of("PortDescriptor.audioIn(\"in\", 2)"), List.of());
    JarInspector.BundleFacts f = JarInspector.inspect(jar, JarInspector.Limits.DEFAULT);
    assertEquals("org.example.fx", f.symbolicName());
    assertEquals("1.2.0", f.version(), "normalised");
    assertEquals(1, f.components().size());
    assertTrue(f.entries() >= 3);
  }

  @Test
  void refusesAZipBombByRatioBeforeInflatingIt(@TempDir Path dir) throws Exception {
    Path bomb = Fixtures.zipBomb(dir.resolve("bomb.jar"), "org.example.bomb", 64L << 20);
    assertTrue(Files.size(bomb) < 1 << 20, "64 MiB of zeros deflate to under 1 MiB: " + Files.size(bomb));
    var e = assertThrows(JarInspector.UnsafeJarException.class,
        () -> JarInspector.inspect(bomb, JarInspector.Limits.DEFAULT));
    assertTrue(e.getMessage().contains("inflates more than 100 times"), e.getMessage());
  }

  @Test
  void refusesByTotalSizeAndEntryCount(@TempDir Path dir) throws Exception {
    Path bomb = Fixtures.zipBomb(dir.resolve("bomb.jar"), "org.example.bomb", 8L << 20);
    var e = assertThrows(JarInspector.UnsafeJarException.class,
        () -> JarInspector.inspect(bomb, new JarInspector.Limits(1 << 30, 4L << 20, 100, 1e9)));
    assertTrue(e.getMessage().contains("inflates to more than 4194304 bytes"), e.getMessage());
    Path many = Fixtures.manyEntries(dir.resolve("many.jar"), "org.example.many", 200);
    e = assertThrows(JarInspector.UnsafeJarException.class,
        () -> JarInspector.inspect(many, new JarInspector.Limits(1 << 30, 1 << 30, 100, 100)));
    assertTrue(e.getMessage().contains("more than 100 entries"), e.getMessage());
  }

  @Test
  void refusesWhatIsNotABundle(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("text.jar"), "not a zip");
    assertThrows(JarInspector.UnsafeJarException.class,
        () -> JarInspector.inspect(dir.resolve("text.jar"), JarInspector.Limits.DEFAULT));
    Path plain = Fixtures.manifestBundle(dir.resolve("plain.jar"), Map.of("Bundle-ManifestVersion", "1"));
    var e = assertThrows(JarInspector.UnsafeJarException.class,
        () -> JarInspector.inspect(plain, JarInspector.Limits.DEFAULT));
    assertTrue(e.getMessage().contains("not an OSGi bundle"), e.getMessage());
  }
}

package org.patchwork.distribution;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds real bundle jars for tests: a copy with changed headers, or a manifest-only bundle. */
final class Jars {

  private Jars() {
  }

  /** Copies {@code source} to {@code target}, setting the given manifest headers. */
  static void withHeaders(Path source, Path target, Map<String, String> headers) throws IOException {
    try (JarFile in = new JarFile(source.toFile())) {
      Manifest manifest = new Manifest(in.getManifest());
      headers.forEach((k, v) -> manifest.getMainAttributes().put(new Attributes.Name(k), v));
      Path temp = Files.createTempFile(target.getParent(), ".building", ".tmp");
      try (OutputStream os = Files.newOutputStream(temp); JarOutputStream out = new JarOutputStream(os, manifest)) {
        for (Enumeration<JarEntry> e = in.entries(); e.hasMoreElements(); ) {
          JarEntry entry = e.nextElement();
          if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
      // Appear in one step, as a user's finished copy would.
      Files.move(temp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }
  }

  /** A bundle with nothing but a manifest. */
  static void manifestOnly(Path target, Map<String, String> headers) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, manifest)) {
      out.flush();
    }
  }

  /** A bundle with a manifest and the given entries (name to bytes), no classes. */
  static void withEntries(Path target, Map<String, String> headers, Map<String, byte[]> entries) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().putValue("Bundle-ManifestVersion", "2");
    headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
    try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, manifest)) {
      for (Map.Entry<String, byte[]> e : entries.entrySet()) {
        out.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
        out.write(e.getValue());
        out.closeEntry();
      }
    }
  }
}

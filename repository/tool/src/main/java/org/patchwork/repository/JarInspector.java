package org.patchwork.repository;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.osgi.annotation.versioning.ProviderType;
import org.osgi.framework.Version;

/**
 * Reads a bundle jar from an untrusted source without trusting its headers: every entry is
 * inflated and counted, and the reading stops as soon as a limit is passed (file size, entry
 * count, total inflated size, or an entry that inflates more than {@link Limits#maxRatio} times
 * its compressed size). So a zip bomb costs at most the limits, never a full disk or heap.
 * It returns the manifest and the Declarative Services descriptions ({@code OSGI-INF/*.xml}).
 *
 * <pre>{@code
 * BundleFacts facts = JarInspector.inspect(jar, JarInspector.Limits.DEFAULT);
 * facts.symbolicName(); facts.version(); facts.components();
 * }</pre>
 */
@ProviderType
public final class JarInspector {

  /** Entries kept in memory (manifest, component XML) are capped at this size. */
  private static final int MAX_KEPT_ENTRY = 1024 * 1024;
  /** Entries smaller than this may compress as well as they like (text, zeros in tables). */
  private static final long RATIO_FLOOR = 1024 * 1024;

  private JarInspector() {
  }

  /**
   * The limits of one inspection.
   *
   * @param maxFileBytes largest jar file accepted
   * @param maxInflatedBytes largest total of all inflated entries
   * @param maxEntries most entries
   * @param maxRatio largest inflated/compressed ratio of an entry inflating past 1 MiB
   */
  public record Limits(long maxFileBytes, long maxInflatedBytes, int maxEntries, double maxRatio) {
    /** 64 MiB jar, 256 MiB inflated, 20 000 entries, ratio 100. */
    public static final Limits DEFAULT = new Limits(64L << 20, 256L << 20, 20_000, 100);
  }

  /**
   * What a bundle jar says about itself.
   *
   * @param symbolicName Bundle-SymbolicName without its directives
   * @param version Bundle-Version, normalised ({@code 1.0} becomes {@code 1.0.0})
   * @param headers every main manifest header
   * @param components {@code OSGI-INF/*.xml} entry name to content
   * @param inflatedBytes total inflated size of all entries
   * @param entries number of entries
   */
  public record BundleFacts(
      String symbolicName,
      String version,
      Map<String, String> headers,
      Map<String, byte[]> components,
      long inflatedBytes,
      int entries) {
  }

  /**
   * Inspects a jar.
   *
   * @throws UnsafeJarException if a limit is passed, or the jar is not a bundle
   */
  public static BundleFacts inspect(Path jar, Limits limits) throws IOException {
    String name = jar.getFileName().toString();
    long size = Files.size(jar);
    if (size > limits.maxFileBytes()) {
      throw new UnsafeJarException(name + " is " + size + " bytes, more than the " + limits.maxFileBytes() + " allowed");
    }
    long total = 0;
    int count = 0;
    byte[] manifestBytes = null;
    Map<String, byte[]> components = new TreeMap<>();
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (++count > limits.maxEntries()) {
          throw new UnsafeJarException(name + " has more than " + limits.maxEntries() + " entries (a zip bomb?)");
        }
        String entryName = entry.getName();
        boolean keep = entryName.equals(JarFile.MANIFEST_NAME)
            || entryName.startsWith("OSGI-INF/") && entryName.endsWith(".xml") && entryName.indexOf('/', 9) < 0;
        ByteArrayOutputStream kept = keep ? new ByteArrayOutputStream() : null;
        long compressed = Math.max(entry.getCompressedSize(), 1);
        long inflated = 0;
        try (InputStream in = zip.getInputStream(entry)) {
          for (int n; (n = in.read(buffer)) > 0; ) {
            inflated += n;
            total += n;
            if (total > limits.maxInflatedBytes()) {
              throw new UnsafeJarException(name + " inflates to more than " + limits.maxInflatedBytes()
                  + " bytes (a zip bomb?)");
            }
            if (inflated > RATIO_FLOOR && inflated > compressed * limits.maxRatio()) {
              throw new UnsafeJarException(name + ": entry " + entryName + " inflates more than "
                  + (long) limits.maxRatio() + " times its compressed size (a zip bomb?)");
            }
            if (kept != null) {
              if (inflated > MAX_KEPT_ENTRY) {
                throw new UnsafeJarException(name + ": " + entryName + " is larger than " + MAX_KEPT_ENTRY + " bytes");
              }
              kept.write(buffer, 0, n);
            }
          }
        }
        if (kept != null) {
          if (entryName.equals(JarFile.MANIFEST_NAME)) {
            manifestBytes = kept.toByteArray();
          } else {
            components.put(entryName, kept.toByteArray());
          }
        }
      }
    } catch (ZipException e) {
      throw new UnsafeJarException(name + " is not a valid jar: " + e.getMessage());
    }
    if (manifestBytes == null) {
      throw new UnsafeJarException(name + " has no META-INF/MANIFEST.MF, so it is not a bundle");
    }
    Manifest manifest = new Manifest(new ByteArrayInputStream(manifestBytes));
    Map<String, String> headers = new LinkedHashMap<>();
    for (Map.Entry<Object, Object> h : manifest.getMainAttributes().entrySet()) {
      headers.put(((Attributes.Name) h.getKey()).toString(), String.valueOf(h.getValue()));
    }
    String bsn = headers.get("Bundle-SymbolicName");
    if (bsn == null || bsn.isBlank() || !"2".equals(headers.getOrDefault("Bundle-ManifestVersion", "").strip())) {
      throw new UnsafeJarException(name + " is not an OSGi bundle (no Bundle-SymbolicName, or Bundle-ManifestVersion is not 2)");
    }
    bsn = bsn.split(";", 2)[0].strip();
    String version;
    try {
      version = Version.parseVersion(headers.getOrDefault("Bundle-Version", "0.0.0").strip()).toString();
    } catch (IllegalArgumentException e) {
      throw new UnsafeJarException(name + " has a bad Bundle-Version: " + headers.get("Bundle-Version"));
    }
    return new BundleFacts(bsn, version, headers, components, total, count);
  }

  /** A jar refused by {@link #inspect}; the message names the jar and the broken limit. */
  public static final class UnsafeJarException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsafeJarException(String message) {
      super(message);
    }
  }
}

package org.patchwork.sync.internal;

import org.patchwork.sdk.project.Assets;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A project folder as the sync sees it: {@code project.json}, {@code assets/<sha256>} and the
 * sync's own {@code .patchwork-sync/<remote>/} (ancestor and remote revision).
 */
public final class LocalProject {

  private final Path dir;

  public LocalProject(Path dir) {
    this.dir = dir;
  }

  public Path dir() {
    return dir;
  }

  public Path manifest() {
    return dir.resolve("project.json");
  }

  public Path asset(String sha256) {
    return dir.resolve("assets").resolve(sha256);
  }

  public Path syncDir(String remote) {
    return dir.resolve(".patchwork-sync").resolve(remote);
  }

  /** The project's bytes, or null if it has no {@code project.json} yet. */
  public byte[] read() throws IOException {
    try {
      return Files.readAllBytes(manifest());
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** Every sample the manifest refers to ({@code samples[].sha256}). */
  public static Set<String> referencedAssets(JsonNode manifest) {
    Set<String> out = new LinkedHashSet<>();
    JsonNode samples = manifest == null ? null : manifest.get("samples");
    if (samples != null && samples.isArray()) {
      for (JsonNode s : samples) {
        JsonNode sha = s.get("sha256");
        if (sha != null && sha.isTextual() && sha.asText().matches("[0-9a-f]{64}")) {
          out.add(sha.asText());
        }
      }
    }
    return out;
  }

  /** Writes a file so that readers see the old or the new bytes, never a torn file. */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling("." + file.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ch.write(java.nio.ByteBuffer.wrap(bytes));
        ch.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Copies a stream into {@code assets/<sha256>}, checking the hash before it becomes visible. */
  public void storeAsset(String sha256, InputStream in) throws IOException {
    Path target = asset(sha256);
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling("." + sha256 + "." + UUID.randomUUID() + ".part");
    try {
      MessageDigest digest = Assets.sha256();
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) > 0) {
          digest.update(buf, 0, n);
          ch.write(java.nio.ByteBuffer.wrap(buf, 0, n));
        }
        ch.force(true);
      }
      String got = HexFormat.of().formatHex(digest.digest());
      if (!got.equals(sha256)) {
        throw new IOException("downloaded asset " + sha256 + " hashes to " + got);
      }
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}

package org.patchwork.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that a reader, or the disk after a crash or power loss, sees the old
 * content or the new, never a mix: write a temporary file in the same folder, force it to the
 * disk, rename it over the target in one step, then force the folder so the rename itself is
 * durable (the sequence SQLite and every careful editor use).
 */
public final class AtomicWriter {

  private final Disk disk;

  /** A writer on {@code disk}. */
  public AtomicWriter(Disk disk) {
    this.disk = disk;
  }

  /** Writes {@code data} to {@code target}, atomically and durably. */
  public void write(Path target, byte[] data) throws IOException {
    Path tmp = temporary(target);
    try {
      try (Disk.Output out = disk.create(tmp)) {
        out.write(data, 0, data.length);
        out.force();
      }
      disk.move(tmp, target);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    disk.syncDirectory(target.getParent());
  }

  /**
   * Streams {@code in} into {@code target} the same way, returning the SHA-256 of what was
   * written; when {@code expectedSha256} is given and differs, nothing is written.
   */
  public String write(Path target, InputStream in, String expectedSha256) throws IOException {
    Path tmp = temporary(target);
    String sha;
    try {
      MessageDigest digest = Hashes.sha256();
      try (Disk.Output out = disk.create(tmp)) {
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0; ) {
          digest.update(buf, 0, n);
          out.write(buf, 0, n);
        }
        out.force();
      }
      sha = HexFormat.of().formatHex(digest.digest());
      if (expectedSha256 != null && !expectedSha256.equals(sha)) {
        throw new IOException("content hashes to " + sha + ", not " + expectedSha256);
      }
      disk.move(tmp, target);
    } catch (IOException | RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
    disk.syncDirectory(target.getParent());
    return sha;
  }

  /** Whether {@code name} is one of this writer's temporary files, left by a crash. */
  public static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(".tmp");
  }

  private static Path temporary(Path target) {
    String tag = Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
    return target.resolveSibling("." + target.getFileName() + "." + tag + ".tmp");
  }

  private void deleteQuietly(Path tmp) {
    try {
      disk.delete(tmp);
    } catch (IOException | RuntimeException ignored) {
      // the original failure matters more; a stray temporary file is removed by the next save
    }
  }
}

package org.patchwork.repository;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.osgi.annotation.versioning.ProviderType;

/**
 * SHA-256 as lowercase hex, the form the catalogue and the R5 index use.
 *
 * <pre>{@code
 * if (!Digests.sha256(jar).equals(release.sha256())) refuse();
 * }</pre>
 */
@ProviderType
public final class Digests {

  private Digests() {
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The hex SHA-256 of a file, streamed. */
  public static String sha256(Path file) throws IOException {
    MessageDigest d = sha256();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[64 * 1024];
      for (int n; (n = in.read(buffer)) > 0; ) {
        d.update(buffer, 0, n);
      }
    }
    return HexFormat.of().formatHex(d.digest());
  }

  /** The hex SHA-256 of bytes. */
  public static String sha256(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }
}

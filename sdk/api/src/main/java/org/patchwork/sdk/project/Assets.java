package org.patchwork.sdk.project;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The asset rules every {@link ProjectRepository} keeps, for the adapters that implement it: an
 * asset is named by the lowercase hex SHA-256 of its bytes, {@link ProjectRepository#openAsset}
 * fails when the bytes read do not hash to that name, and {@link ProjectRepository#putAsset}
 * stores nothing that does not.
 *
 * <pre>{@code
 * public InputStream openAsset(String sha256) throws IOException {
 *   String name = Assets.checkName(sha256);
 *   return Assets.verifying(open(name), name, "asset " + name);
 * }
 * }</pre>
 */
public final class Assets {

  /** A lowercase hex SHA-256: the only valid asset name. */
  public static final Pattern NAME = Pattern.compile("[0-9a-f]{64}");

  private Assets() {
  }

  /**
   * Returns {@code sha256} if it is a valid asset name.
   *
   * @throws IllegalArgumentException "asset name must be a lowercase hex SHA-256: …"
   */
  public static String checkName(String sha256) {
    if (sha256 == null || !NAME.matcher(sha256).matches()) {
      throw new IllegalArgumentException("asset name must be a lowercase hex SHA-256: " + sha256);
    }
    return sha256;
  }

  /** A new SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The asset name of {@code data}: its SHA-256 in lowercase hex. */
  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }

  /**
   * Passes {@code in} through and, when it ends, fails if what passed does not hash to
   * {@code sha256}: "{@code what} is damaged: its content hashes to …, not …". Skipped bytes
   * are read and hashed too; mark and reset are not supported.
   */
  public static InputStream verifying(InputStream in, String sha256, String what) {
    return new Verifying(in, sha256, what);
  }

  /**
   * Reads exactly {@code length} bytes of an upload and checks that they hash to {@code sha256}.
   *
   * @throws IOException "asset …: stream ended after N of M bytes", "asset …: the bytes given
   *     hash to …", or "asset …: length … out of range"
   */
  public static byte[] readChecked(InputStream data, long length, String sha256) throws IOException {
    if (length < 0 || length > Integer.MAX_VALUE - 8) {
      throw new IOException("asset " + sha256 + ": length " + length + " out of range");
    }
    byte[] bytes = data.readNBytes((int) length);
    if (bytes.length != length) {
      throw new IOException("asset " + sha256 + ": stream ended after " + bytes.length + " of " + length + " bytes");
    }
    String got = sha256Hex(bytes);
    if (!got.equals(sha256)) {
      throw new IOException("asset " + sha256 + ": the bytes given hash to " + got);
    }
    return bytes;
  }

  private static final class Verifying extends FilterInputStream {
    private final MessageDigest digest = sha256();
    private final String sha256;
    private final String what;
    private boolean checked;

    Verifying(InputStream in, String sha256, String what) {
      super(in);
      this.sha256 = sha256;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b < 0) {
        check();
      } else {
        digest.update((byte) b);
      }
      return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
      int n = super.read(buf, off, len);
      if (n < 0) {
        check();
      } else {
        digest.update(buf, off, n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      // Skipped bytes must still be hashed for the check at the end.
      byte[] buf = new byte[(int) Math.max(0, Math.min(n, 8192))];
      int read = read(buf, 0, buf.length);
      return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
      // Not supported: a reset would hash bytes twice.
    }

    @Override
    public synchronized void reset() throws IOException {
      throw new IOException("mark/reset not supported: " + what + " is checked as it is read");
    }

    private void check() throws IOException {
      if (checked) {
        return;
      }
      checked = true;
      String got = HexFormat.of().formatHex(digest.digest());
      if (!got.equals(sha256)) {
        throw new IOException(what + " is damaged: its content hashes to " + got + ", not " + sha256);
      }
    }
  }
}

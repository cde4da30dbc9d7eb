package org.patchwork.storage.webdav.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Hashing, gzip and checks shared by the adapter's operations. */
public final class Bytes {

  /** Lowercase hex SHA-256, the name assets are stored under. */
  public static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  /** Project ids become one key segment: no slashes, no leading dot, nothing odd. */
  public static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  /** Manifests larger than this once inflated are refused (a hostile or broken object). */
  public static final long MAX_MANIFEST = 256L << 20;

  private Bytes() {
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  public static String sha256Hex(byte[] data) {
    return HexFormat.of().formatHex(sha256().digest(data));
  }

  /** Deterministic gzip (the JDK writes no time stamp), so equal manifests give equal objects. */
  public static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new IllegalStateException("in-memory gzip cannot fail", e);
    }
    return out.toByteArray();
  }

  public static byte[] gunzip(byte[] data, String what) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_MANIFEST + 1));
      if (out.length > MAX_MANIFEST) {
        throw new IOException(what + ": manifest larger than " + MAX_MANIFEST + " bytes once inflated");
      }
      return out;
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw new IOException(what + ": not a gzip-compressed manifest (" + e.getMessage() + ")", e);
    }
  }

  public static String checkId(String projectId) {
    if (projectId == null || !PROJECT_ID.matcher(projectId).matches()) {
      throw new IllegalArgumentException("project id must be 1..128 of A-Z a-z 0-9 . _ - and not start with '.' or '-': "
          + projectId);
    }
    return projectId;
  }

  public static String checkSha(String sha256) {
    if (sha256 == null || !SHA256.matcher(sha256).matches()) {
      throw new IllegalArgumentException("asset name must be a lowercase hex SHA-256: " + sha256);
    }
    return sha256;
  }

  /** Passes bytes through and fails at the end if they do not hash to the expected SHA-256. */
  public static InputStream verifying(InputStream in, String sha256, String what) {
    MessageDigest digest = sha256();
    return new FilterInputStream(in) {
      private boolean checked;

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

      private void check() throws IOException {
        if (checked) {
          return;
        }
        checked = true;
        String got = HexFormat.of().formatHex(digest.digest());
        if (!got.equals(sha256)) {
          throw new IOException(what + ": content hashes to " + got + ", not " + sha256 + " (damaged or tampered)");
        }
      }
    };
  }

  /** Reads exactly {@code length} bytes and checks they hash to {@code sha256}. */
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
}

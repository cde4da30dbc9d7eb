package org.patchwork.storage.webdav.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Manifest gzip and project-id checks of the adapter (asset rules: {@link org.patchwork.sdk.project.Assets}). */
public final class Bytes {

  /** Project ids become one key segment: no slashes, no leading dot, nothing odd. */
  public static final Pattern PROJECT_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  /** Manifests larger than this once inflated are refused (a hostile or broken object). */
  public static final long MAX_MANIFEST = 256L << 20;

  private Bytes() {
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
}

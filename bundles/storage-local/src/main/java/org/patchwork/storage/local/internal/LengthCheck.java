package org.patchwork.storage.local.internal;

import java.io.FilterInputStream;
import java.io.IOException;

/** Fails an upload whose length is not the one announced, before anything is renamed into place. */
final class LengthCheck extends FilterInputStream {

  private final CountingInputStream counted;
  private final long length;
  private final String sha256;

  LengthCheck(CountingInputStream in, long length, String sha256) {
    super(in);
    this.counted = in;
    this.length = length;
    this.sha256 = sha256;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    int n = super.read(b, off, len);
    if (counted.count() > length || (n < 0 && counted.count() != length)) {
      throw new IOException("asset " + sha256 + ": got " + counted.count() + " bytes, expected " + length);
    }
    return n;
  }
}

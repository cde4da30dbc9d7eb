package org.patchwork.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.function.LongConsumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a pack: entries in the order given, fixed timestamps (the same inputs give the same
 * bytes), deflated. The file is written beside its final name and renamed over it at the end.
 */
public final class ZipWriter implements AutoCloseable {

  /** The earliest zip time, as local time so the time zone changes nothing: packs do not
   * depend on when or where they were made. */
  private static final LocalDateTime EPOCH = LocalDateTime.of(1980, 1, 1, 0, 0);

  private final ZipOutputStream zip;
  private final LongConsumer written;

  /** A writer to {@code out}; {@code written} hears each chunk's size, for progress. */
  public ZipWriter(OutputStream out, LongConsumer written) {
    this.zip = new ZipOutputStream(out, java.nio.charset.StandardCharsets.UTF_8);
    this.zip.setLevel(6);
    this.written = written;
  }

  /** Adds an entry with {@code bytes}. */
  public void add(String name, byte[] bytes) throws IOException {
    zip.putNextEntry(entry(name));
    zip.write(bytes);
    zip.closeEntry();
    written.accept(bytes.length);
  }

  /** Adds an entry streamed from {@code in}. */
  public void add(String name, InputStream in) throws IOException {
    zip.putNextEntry(entry(name));
    byte[] buf = new byte[1 << 16];
    for (int n; (n = in.read(buf)) > 0; ) {
      zip.write(buf, 0, n);
      written.accept(n);
    }
    zip.closeEntry();
  }

  private static ZipEntry entry(String name) {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(EPOCH);
    return e;
  }

  /** Finishes the archive (the central directory). */
  @Override
  public void close() throws IOException {
    zip.close();
  }
}

package org.patchwork.project;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.project.internal.AtomicWriter;
import org.patchwork.project.internal.NioDisk;

/**
 * Replaces a file so that readers, and the disk after a crash or power cut, see the old content
 * or the new, never a mix: temporary file in the same folder, {@code fsync}, atomic rename,
 * {@code fsync} of the folder.
 *
 * <pre>{@code
 * AtomicFile.write(dir.resolve("project.json"), bytes);
 * }</pre>
 */
@ProviderType
public final class AtomicFile {

  private static final AtomicWriter WRITER = new AtomicWriter(NioDisk.INSTANCE);

  private AtomicFile() {
  }

  /** Writes {@code bytes} to {@code target} atomically and durably. */
  public static void write(Path target, byte[] bytes) throws IOException {
    WRITER.write(target, bytes);
  }

  /**
   * Streams {@code in} to {@code target} atomically and durably; if {@code expectedSha256} is not
   * null and the content hashes otherwise, nothing is written and an IOException says so.
   *
   * @return the SHA-256 of the content, lowercase hex
   */
  public static String write(Path target, InputStream in, String expectedSha256) throws IOException {
    return WRITER.write(target, in, expectedSha256);
  }

  /** Whether {@code fileName} is a temporary file a crashed write left behind. */
  public static boolean isLeftover(String fileName) {
    return AtomicWriter.isTemporary(fileName);
  }
}

package org.patchwork.project.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The file operations saving needs, and nothing else, so that a test can stand in a disk that
 * loses whatever was not forced when the power goes (see the power-loss test). {@link NioDisk}
 * is the real one.
 */
public interface Disk {

  /** Whether a file or folder is there. */
  boolean exists(Path path);

  /** The whole file. */
  byte[] read(Path file) throws IOException;

  /** The file as a stream, for large assets. */
  InputStream open(Path file) throws IOException;

  /** Size of a file in bytes. */
  long size(Path file) throws IOException;

  /** Creates a new file, failing if it exists, for writing. */
  Output create(Path file) throws IOException;

  /** Renames {@code from} to {@code to} in one step, replacing {@code to} if it exists. */
  void move(Path from, Path to) throws IOException;

  /** Deletes a file if it is there. */
  void delete(Path file) throws IOException;

  /** Makes the folder's entries (creations, renames, deletions) durable. */
  void syncDirectory(Path dir) throws IOException;

  /** Creates a folder and its parents, durably. */
  void createDirectories(Path dir) throws IOException;

  /** The names in a folder, sorted; empty if it is not there. */
  List<Path> list(Path dir) throws IOException;

  /** A file being written. */
  interface Output extends Closeable {

    /** Appends bytes. */
    void write(byte[] bytes, int offset, int length) throws IOException;

    /** Makes everything written so far durable ({@code fsync}). */
    void force() throws IOException;
  }
}

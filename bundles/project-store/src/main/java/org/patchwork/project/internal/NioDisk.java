package org.patchwork.project.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The real disk, through NIO file channels. */
public final class NioDisk implements Disk {

  /** The one instance. */
  public static final NioDisk INSTANCE = new NioDisk();

  private NioDisk() {
  }

  @Override
  public boolean exists(Path path) {
    return Files.exists(path);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    return Files.readAllBytes(file);
  }

  @Override
  public InputStream open(Path file) throws IOException {
    return Files.newInputStream(file);
  }

  @Override
  public long size(Path file) throws IOException {
    return Files.size(file);
  }

  @Override
  public Output create(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    return new Output() {
      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length);
        while (b.hasRemaining()) {
          ch.write(b);
        }
      }

      @Override
      public void force() throws IOException {
        ch.force(true);
      }

      @Override
      public void close() throws IOException {
        ch.close();
      }
    };
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IOException("cannot replace " + to + " in one step on this file system: " + e.getMessage(), e);
    }
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.deleteIfExists(file);
  }

  @Override
  public void syncDirectory(Path dir) {
    // POSIX makes a rename durable only once the folder itself is fsynced. Windows cannot open a
    // folder as a channel; there NTFS journals the rename and there is nothing more to do.
    try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
      ch.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // tolerated: see above
    }
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Path missing = dir.toAbsolutePath();
    List<Path> created = new ArrayList<>();
    while (missing != null && !Files.exists(missing)) {
      created.add(0, missing);
      missing = missing.getParent();
    }
    Files.createDirectories(dir);
    for (Path p : created) {
      syncDirectory(p.getParent());
    }
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }
}

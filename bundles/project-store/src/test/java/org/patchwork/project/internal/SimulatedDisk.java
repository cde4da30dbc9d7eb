package org.patchwork.project.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A disk that remembers what is durable. File data becomes durable on {@code force}; a
 * folder's entries (creations, renames, deletions) on {@code syncDirectory} of that folder.
 * {@link #crash} is the power cut: what was not made durable is lost, all of it or a random
 * part (file data: a prefix of what was appended; folder changes: a prefix of them in order, as
 * a journaling file system may have written some already). Operations are counted, and the
 * disk can cut the power at a chosen one ({@link #crashAt}), even halfway through a write.
 */
final class SimulatedDisk implements Disk {

  /** Thrown at the chosen operation: the machine is off. */
  static final class PowerCut extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PowerCut(String at) {
      super("power cut at " + at);
    }
  }

  private static final class Inode {
    byte[] durable = new byte[0];
    byte[] current = new byte[0];
  }

  /** A pending change to a folder: {@code path} now names {@code inode}, or nothing if null. */
  private record Change(Path path, Inode inode, Path alsoRemoved) {
  }

  private Map<Path, Inode> current = new HashMap<>();
  private Map<Path, Inode> durable = new HashMap<>();
  private final List<Change> pending = new ArrayList<>();
  private final Set<Path> dirs = new HashSet<>();
  private final List<String> log = new ArrayList<>();
  private int steps;
  private int crashAt = -1;

  /** Cuts the power when operation {@code step} (0-based) begins; -1 never. */
  void crashAt(int step) {
    this.crashAt = step;
  }

  int steps() {
    return steps;
  }

  List<String> log() {
    return log;
  }

  private void step(String what) {
    if (steps++ == crashAt) {
      throw new PowerCut(what);
    }
    log.add(what);
  }

  /**
   * The power comes back: only durable state is left, plus, when {@code random} is given, a
   * random part of what was still pending.
   */
  void crash(Random random) {
    Map<Path, Inode> names = new HashMap<>(durable);
    int keep = random == null ? 0 : random.nextInt(pending.size() + 1);
    for (int i = 0; i < keep; i++) {
      apply(names, pending.get(i));
    }
    Set<Inode> inodes = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    inodes.addAll(current.values());
    inodes.addAll(names.values());
    for (Inode n : inodes) {
      int extra = n.current.length - n.durable.length;
      int kept = random == null || extra <= 0 ? 0 : random.nextInt(extra + 1);
      n.durable = Arrays.copyOf(n.current, n.durable.length + Math.max(0, kept));
      n.current = n.durable.clone();
    }
    pending.clear();
    durable = names;
    current = new HashMap<>(names);
    crashAt = -1;
  }

  private static void apply(Map<Path, Inode> names, Change c) {
    if (c.alsoRemoved() != null) {
      names.remove(c.alsoRemoved());
    }
    if (c.inode() == null) {
      names.remove(c.path());
    } else {
      names.put(c.path(), c.inode());
    }
  }

  @Override
  public boolean exists(Path path) {
    return current.containsKey(path) || dirs.contains(path);
  }

  @Override
  public byte[] read(Path file) throws IOException {
    Inode n = current.get(file);
    if (n == null) {
      throw new NoSuchFileException(file.toString());
    }
    return n.current.clone();
  }

  @Override
  public InputStream open(Path file) throws IOException {
    return new ByteArrayInputStream(read(file));
  }

  @Override
  public long size(Path file) throws IOException {
    return read(file).length;
  }

  @Override
  public Output create(Path file) throws IOException {
    step("create " + file.getFileName());
    if (exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    Inode n = new Inode();
    current.put(file, n);
    pending.add(new Change(file, n, null));
    return new Output() {
      @Override
      public void write(byte[] bytes, int offset, int length) {
        if (steps == crashAt) {
          // half of this write reached the page cache before the power went
          n.current = concat(n.current, Arrays.copyOfRange(bytes, offset, offset + length / 2));
        }
        step("write " + file.getFileName());
        n.current = concat(n.current, Arrays.copyOfRange(bytes, offset, offset + length));
      }

      @Override
      public void force() {
        step("force " + file.getFileName());
        n.durable = n.current.clone();
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public void move(Path from, Path to) throws IOException {
    step("move " + from.getFileName() + " -> " + to.getFileName());
    Inode n = current.remove(from);
    if (n == null) {
      throw new NoSuchFileException(from.toString());
    }
    current.put(to, n);
    pending.add(new Change(to, n, from));
  }

  @Override
  public void delete(Path file) {
    if (current.containsKey(file)) {
      step("delete " + file.getFileName());
      current.remove(file);
      pending.add(new Change(file, null, null));
    }
  }

  @Override
  public void syncDirectory(Path dir) {
    step("fsync " + dir.getFileName() + "/");
    List<Change> rest = new ArrayList<>();
    for (Change c : pending) {
      if (dir.equals(c.path().getParent())) {
        apply(durable, c);
      } else {
        rest.add(c);
      }
    }
    pending.clear();
    pending.addAll(rest);
  }

  @Override
  public void createDirectories(Path dir) {
    for (Path p = dir; p != null; p = p.getParent()) {
      dirs.add(p);
    }
  }

  @Override
  public List<Path> list(Path dir) {
    return current.keySet().stream().filter(p -> dir.equals(p.getParent())).sorted().toList();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}

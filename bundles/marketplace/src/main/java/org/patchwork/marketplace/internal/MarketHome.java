package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * The marketplace's folder, {@code $PATCHWORK_HOME/market}:
 *
 * <pre>
 * repositories.json   repositories added, highest catalogue version seen
 * installed.json      installed bundles (current and previous artifact), pinned keys
 * trusted/FP.pub      publisher keys the user trusts ('market trust')
 * cache/REPO/         the last verified catalogue, its signature and index (offline browsing)
 * store/ID/VER.jar    the jars of installed bundles and their previous versions
 * staging/            downloads being verified
 * </pre>
 *
 * <p>Changes are serialised by a file lock, so two hosts sharing a home (a headless session
 * and a one-shot command) never interleave their writes.
 */
final class MarketHome {

  /** The lock of this JVM: a FileLock is held per process, not per thread. */
  private static final ReentrantLock LOCAL = new ReentrantLock();

  interface Work<T> {
    T run() throws IOException;
  }

  private final Path root;

  MarketHome(Path patchworkHome) {
    this.root = patchworkHome.resolve("market");
  }

  Path root() {
    return root;
  }

  Path repositories() {
    return root.resolve("repositories.json");
  }

  Path installed() {
    return root.resolve("installed.json");
  }

  Path trusted() {
    return root.resolve("trusted");
  }

  Path cache(String repository) {
    return root.resolve("cache").resolve(repository);
  }

  Path store() {
    return root.resolve("store");
  }

  Path staging() {
    return root.resolve("staging");
  }

  /** Runs {@code work} holding the marketplace lock of this home. */
  <T> T locked(Work<T> work) throws IOException {
    Files.createDirectories(root);
    LOCAL.lock();
    try (FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE,
        StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
      return work.run();
    } finally {
      LOCAL.unlock();
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(q);
      }
    }
  }
}

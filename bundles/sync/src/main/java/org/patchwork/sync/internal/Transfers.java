package org.patchwork.sync.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.patchwork.sdk.project.ProjectRepository;
import org.patchwork.sync.SyncListener;

/**
 * Moves assets between a project folder and a repository, several at a time, counting bytes
 * for the progress listener. The first failure cancels the rest and is thrown.
 */
public final class Transfers {

  /** Parallel transfers: enough to hide round trips, few enough for a home uplink. */
  public static final int PARALLEL = 4;

  private Transfers() {
  }

  public static void upload(LocalProject project, ProjectRepository repo, Collection<String> shas,
      SyncListener listener) throws IOException {
    long total = 0;
    for (String sha : shas) {
      try {
        total += Files.size(project.asset(sha));
      } catch (NoSuchFileException e) {
        throw new IOException("project " + project.dir() + " refers to sample " + sha
            + " but assets/" + sha + " is missing: nothing was pushed", e);
      }
    }
    long all = total;
    AtomicLong done = new AtomicLong();
    run(shas, sha -> {
      long size = Files.size(project.asset(sha));
      try (InputStream in = counting(Files.newInputStream(project.asset(sha)), done, all, "upload", listener)) {
        repo.putAsset(sha, in, size);
      }
    });
    listener.progress("upload", all, all);
  }

  public static void download(LocalProject project, ProjectRepository repo, Collection<String> shas,
      SyncListener listener) throws IOException {
    AtomicLong done = new AtomicLong();
    run(shas, sha -> {
      try (InputStream in = counting(repo.openAsset(sha), done, -1, "download", listener)) {
        project.storeAsset(sha, in);
      }
    });
  }

  private interface Job {
    void run(String sha) throws IOException;
  }

  private static void run(Collection<String> shas, Job job) throws IOException {
    if (shas.isEmpty()) {
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(PARALLEL, shas.size()), r -> {
      Thread t = new Thread(r, "patchwork-sync-transfer");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (String sha : shas) {
        futures.add(pool.submit(() -> {
          job.run(sha);
          return null;
        }));
      }
      for (Future<?> f : futures) {
        try {
          f.get();
        } catch (ExecutionException e) {
          futures.forEach(x -> x.cancel(true));
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          throw new IOException(e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static InputStream counting(InputStream in, AtomicLong done, long total, String phase,
      SyncListener listener) {
    return new FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
          listener.progress(phase, done.incrementAndGet(), total);
        }
        return b;
      }

      @Override
      public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
          listener.progress(phase, done.addAndGet(n), total);
        }
        return n;
      }
    };
  }
}

package org.patchwork.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Hot deploy: watches folders while the host runs. A jar copied in is installed and started; a
 * changed jar is updated and the framework refreshed; a deleted jar is uninstalled. A jar is
 * acted on only once its size and time stamp held still for one poll, so half-copied files are
 * never read. A corrupt or unresolvable jar is reported by name and disturbs nothing else.
 *
 * <p>It polls rather than using a {@code WatchService}: a poll every half second costs nothing,
 * sees files written by any means (network shares, editors that replace files), and needs the
 * same "has it settled" check anyway.
 */
final class DeployWatcher implements Runnable {

  private static final long POLL_MILLIS = 500;

  private record Seen(long size, long modified) {
  }

  private final BundleContext context;
  private final List<Path> folders;
  private final Reporter reporter;
  private final Map<Path, Seen> pending = new HashMap<>();
  private final Map<Path, Seen> handled = new HashMap<>();
  private final Map<Path, Bundle> bundles = new HashMap<>();
  private volatile boolean running = true;
  private Thread thread;

  DeployWatcher(BundleContext context, List<Path> folders, Reporter reporter) {
    this.context = context;
    this.folders = List.copyOf(folders);
    this.reporter = reporter;
  }

  void start() {
    thread = Thread.ofPlatform().name("patchwork-deploy").daemon().start(this);
  }

  void stop() throws InterruptedException {
    running = false;
    if (thread != null) {
      thread.interrupt();
      thread.join(5_000);
    }
  }

  @Override
  public void run() {
    while (running) {
      try {
        scan();
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException | IOException e) {
        if (running) {
          reporter.problem("deploy: " + Reporter.reason(e));
        }
      }
    }
  }

  /** One pass over the folders; package-private so tests can drive it without timing. */
  void scan() throws IOException {
    Map<Path, Seen> now = new HashMap<>();
    for (Path folder : folders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> list = Files.list(folder)) {
        for (Path p : list.toList()) {
          String name = p.getFileName().toString();
          if (name.endsWith(".jar") && !name.startsWith(".") && Files.isRegularFile(p)) {
            now.put(p, new Seen(Files.size(p), Files.getLastModifiedTime(p).toMillis()));
          }
        }
      }
    }
    boolean changed = false;
    boolean rewire = false;
    for (Map.Entry<Path, Seen> e : now.entrySet()) {
      Path jar = e.getKey();
      if (e.getValue().equals(handled.get(jar))) {
        continue;
      }
      if (e.getValue().equals(pending.put(jar, e.getValue()))) {
        pending.remove(jar);
        handled.put(jar, e.getValue());
        rewire |= bundles.containsKey(jar) ? update(jar) : install(jar);
        changed = true;
      }
    }
    for (Path gone : new ArrayList<>(handled.keySet())) {
      if (!now.containsKey(gone)) {
        handled.remove(gone);
        pending.remove(gone);
        rewire |= uninstall(gone);
        changed = true;
      }
    }
    if (rewire) {
      refresh();
    }
    if (changed) {
      startWaiting();
    }
  }

  private boolean install(Path jar) {
    try (InputStream in = Files.newInputStream(jar)) {
      Bundle b = context.installBundle("deploy:" + jar.toUri(), in);
      bundles.put(jar, b);
      if (Host.startReporting(b, reporter, "deploy: " + jar.getFileName() + ": ")) {
        reporter.notice("deployed " + jar.getFileName() + " (" + b.getSymbolicName() + " " + b.getVersion() + ")");
      }
      return false;
    } catch (BundleException | IOException | RuntimeException e) {
      reporter.problem("deploy: " + jar.getFileName() + " is not a valid bundle: " + Reporter.reason(e));
      return false;
    }
  }

  private boolean update(Path jar) {
    Bundle b = bundles.get(jar);
    try (InputStream in = Files.newInputStream(jar)) {
      b.update(in);
      reporter.notice("updated " + jar.getFileName() + " (" + b.getSymbolicName() + " " + b.getVersion() + ")");
      return true;
    } catch (BundleException | IOException | RuntimeException e) {
      reporter.problem("deploy: " + jar.getFileName() + " could not be updated, the old version keeps running: "
          + Reporter.reason(e));
      return false;
    }
  }

  private boolean uninstall(Path jar) {
    Bundle b = bundles.remove(jar);
    if (b == null) {
      return false;
    }
    try {
      String what = b.getSymbolicName() + " " + b.getVersion();
      b.uninstall();
      reporter.notice("removed " + jar.getFileName() + " (" + what + ")");
      return true;
    } catch (BundleException | RuntimeException e) {
      reporter.problem("deploy: " + jar.getFileName() + " could not be uninstalled: " + Reporter.reason(e));
      return false;
    }
  }

  /** Rewires dependants of updated or removed bundles, waiting for the framework to finish. */
  private void refresh() {
    CountDownLatch done = new CountDownLatch(1);
    context.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(null, event -> {
      if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
        done.countDown();
      }
    });
    try {
      if (!done.await(30, TimeUnit.SECONDS)) {
        reporter.problem("deploy: the framework refresh did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** After a refresh, deployed bundles that could not start before may start now. */
  private void startWaiting() {
    for (Map.Entry<Path, Bundle> e : bundles.entrySet()) {
      Bundle b = e.getValue();
      if (b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED) {
        Host.startReporting(b, reporter, "deploy: " + e.getKey().getFileName() + ": ");
      }
    }
  }
}

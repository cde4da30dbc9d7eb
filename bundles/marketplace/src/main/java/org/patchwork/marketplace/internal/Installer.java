package org.patchwork.marketplace.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.wiring.FrameworkWiring;
import org.patchwork.sdk.cli.UsageException;

/**
 * Applies verified jars to the running framework as one transaction: install new bundles and
 * update replaced ones, refresh what was wired to the old versions, resolve everything touched,
 * start it. If any step fails, every step done so far is undone in reverse (new bundles
 * uninstalled, replaced ones updated back to their previous jar), the framework is refreshed
 * again, and the failure is reported: the host is as it was.
 */
final class Installer {

  /** A jar to apply: the bundle id, its verified file, and the running bundle it replaces. */
  record Change(String id, Path jar, Bundle existing, Path previousJar) {
  }

  private interface Undo {
    void run() throws Exception;
  }

  private final BundleContext context;

  Installer(BundleContext context) {
    this.context = context;
  }

  /** Applies {@code changes}; returns the bundles installed or updated, started. */
  List<Bundle> apply(List<Change> changes) {
    Deque<Undo> undo = new ArrayDeque<>();
    List<Bundle> touched = new ArrayList<>();
    List<Bundle> updated = new ArrayList<>();
    try {
      for (Change c : changes) {
        if (c.existing() != null) {
          Bundle b = c.existing();
          try (InputStream in = Files.newInputStream(c.jar())) {
            b.update(in);
          }
          undo.push(() -> {
            try (InputStream in = Files.newInputStream(c.previousJar())) {
              b.update(in);
            }
          });
          touched.add(b);
          updated.add(b);
        } else {
          Bundle b;
          try (InputStream in = Files.newInputStream(c.jar())) {
            b = context.installBundle(Planner.LOCATION + c.id(), in);
          }
          undo.push(b::uninstall);
          touched.add(b);
        }
      }
      if (!updated.isEmpty()) {
        refresh(updated);
      }
      wiring().resolveBundles(touched);
      for (Bundle b : touched) {
        if (b.getState() == Bundle.INSTALLED) {
          throw new UsageException(b.getSymbolicName() + " " + b.getVersion() + " does not resolve in this host: "
              + startFailure(b));
        }
      }
      for (Bundle b : touched) {
        if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
          try {
            b.start();
          } catch (BundleException e) {
            throw new UsageException(b.getSymbolicName() + " " + b.getVersion() + " did not start: " + e.getMessage());
          }
        }
      }
      return touched;
    } catch (IOException | BundleException | RuntimeException e) {
      List<String> undoProblems = rollback(undo, updated);
      String reason = e instanceof UsageException ? e.getMessage() : String.valueOf(e.getMessage());
      throw new UsageException(reason + "; rolled back, the host is as it was"
          + (undoProblems.isEmpty() ? "" : " except: " + String.join("; ", undoProblems)));
    }
  }

  private List<String> rollback(Deque<Undo> undo, List<Bundle> updated) {
    List<String> problems = new ArrayList<>();
    while (!undo.isEmpty()) {
      try {
        undo.pop().run();
      } catch (Exception e) {
        problems.add(String.valueOf(e.getMessage()));
      }
    }
    if (!updated.isEmpty()) {
      refresh(updated);
      for (Bundle b : updated) {
        try {
          if (b.getHeaders("").get(Constants.FRAGMENT_HOST) == null) {
            b.start();
          }
        } catch (BundleException | IllegalStateException e) {
          problems.add(b.getSymbolicName() + " did not restart: " + e.getMessage());
        }
      }
    }
    return problems;
  }

  /** Replaces a running bundle's jar (rollback to the previous version). */
  void replace(Bundle bundle, Path jar, Path currentJar) {
    apply(List.of(new Change(bundle.getSymbolicName(), jar, bundle, currentJar)));
  }

  /** Uninstalls bundles and rewires what depended on them. */
  void uninstall(Collection<Bundle> bundles) throws BundleException {
    for (Bundle b : bundles) {
      b.uninstall();
    }
    refresh(bundles);
  }

  /** Rewires after updates or removals, waiting for the framework to finish (at most 30 s). */
  void refresh(Collection<Bundle> bundles) {
    CountDownLatch done = new CountDownLatch(1);
    wiring().refreshBundles(bundles, event -> {
      if (event.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
        done.countDown();
      }
    });
    try {
      if (!done.await(30, TimeUnit.SECONDS)) {
        throw new UsageException("the framework refresh did not finish within 30 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UsageException("interrupted while the framework refreshed");
    }
  }

  private FrameworkWiring wiring() {
    return context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
  }

  /** The framework's own reason a bundle does not resolve (start tries and fails). */
  private static String startFailure(Bundle b) {
    try {
      b.start(Bundle.START_TRANSIENT);
      b.stop(Bundle.STOP_TRANSIENT);
      return "unknown reason";
    } catch (BundleException | IllegalStateException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("\n") ? m.substring(0, m.indexOf('\n')) : m;
    }
  }
}

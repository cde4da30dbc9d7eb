package org.patchwork.sync.internal;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.patchwork.sync.Connectors;
import org.patchwork.sync.Remotes;
import org.patchwork.sync.SyncListener;
import org.patchwork.sync.SyncQueue;

/**
 * Works off the sync queue while the host runs: every few seconds it tries the pushes whose
 * time has come (the queue spaces them with backoff and jitter). The first look waits a while,
 * so a one-shot {@code bin/patchwork push} does not race its own command.
 */
@Component(immediate = true, service = {})
public final class SyncWorker {

  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "patchwork-sync-queue");
    t.setDaemon(true);
    return t;
  });

  @Activate
  public SyncWorker(BundleContext context) {
    Path home = SyncCommands.home(context.getProperty("patchwork.home"));
    SyncQueue queue = new SyncQueue(home);
    Remotes remotes = new Remotes(home);
    timer.scheduleWithFixedDelay(() -> {
      try {
        for (SyncQueue.Attempt a : queue.runDue(name -> Connectors.open(remotes.get(name)), SyncListener.NONE)) {
          if (a.error() == null) {
            System.err.println("sync: queued push of " + a.entry().project() + " to " + a.entry().remote() + ": "
                + a.result().summary());
          }
        }
      } catch (Exception | LinkageError e) {
        // The loop must survive anything; the queue keeps the entry for the next round.
        System.err.println("sync: queue run failed: " + e);
      }
    }, 30, 5, TimeUnit.SECONDS);
  }

  @Deactivate
  void deactivate() {
    timer.shutdownNow();
  }
}

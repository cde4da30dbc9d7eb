package org.patchwork.ui.market.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * The panel's background thread: every marketplace call blocks (files, signatures, downloads,
 * the framework's refresh), so it runs here, one at a time, and its result comes back to the UI
 * thread through {@code display.asyncExec}, dropped if the panel was disposed meanwhile.
 */
final class Worker {

  /** Work that may fail; its failure is shown, never thrown on the UI thread. */
  interface Job<T> {
    T run() throws Exception;
  }

  private final Control owner;
  private final Display display;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "patchwork-marketplace-panel");
    t.setDaemon(true);
    return t;
  });

  /** A worker for the panel whose top control is {@code owner}; it stops when that is disposed. */
  Worker(Control owner) {
    this.owner = owner;
    this.display = owner.getDisplay();
    owner.addListener(org.eclipse.swt.SWT.Dispose, e -> executor.shutdownNow());
  }

  /** Runs {@code job} off the UI thread, then {@code done} or {@code failed} on it. */
  <T> void run(Job<T> job, Consumer<T> done, Consumer<Exception> failed) {
    executor.execute(() -> {
      try {
        T result = job.run();
        post(() -> done.accept(result));
      } catch (Exception e) {
        post(() -> failed.accept(e));
      }
    });
  }

  private void post(Runnable r) {
    try {
      if (!display.isDisposed()) {
        display.asyncExec(() -> {
          if (!owner.isDisposed()) {
            r.run();
          }
        });
      }
    } catch (SWTException disposedMeanwhile) {
      // The panel or the display went away between the check and the call: nothing to show.
    }
  }
}

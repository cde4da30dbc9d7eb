package org.patchwork.ui.shell;

import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Display-rate updates: runs a task on the UI thread about {@code hz} times a second for as long
 * as a control lives. Views pull the latest values ({@link Workbench#telemetry()},
 * {@link TapBuffer}, {@link Workbench#state()}) in the task instead of being pushed every change,
 * so a busy engine never floods the UI thread.
 *
 * <pre>{@code
 * DisplayRate.every(meterCanvas, 60, meterCanvas::redrawIfChanged);
 * }</pre>
 */
@ProviderType
public final class DisplayRate {

  /** The refresh rate of meters and the playhead. */
  public static final int METERS_HZ = 60;

  private DisplayRate() {
  }

  /**
   * Starts running {@code task} on {@code owner}'s display every 1000/hz ms until {@code owner}
   * is disposed. A task that throws is not run again. Thread: the display's.
   */
  public static void every(Control owner, int hz, Runnable task) {
    int period = Math.max(1, 1000 / Math.max(1, hz));
    Runnable[] tick = new Runnable[1];
    tick[0] = () -> {
      if (owner.isDisposed()) {
        return;
      }
      task.run();
      if (!owner.isDisposed()) {
        owner.getDisplay().timerExec(period, tick[0]);
      }
    };
    owner.getDisplay().timerExec(period, tick[0]);
  }
}

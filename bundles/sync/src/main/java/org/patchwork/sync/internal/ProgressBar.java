package org.patchwork.sync.internal;

import java.io.PrintStream;
import org.patchwork.sync.SyncListener;

/**
 * A one-line transfer bar redrawn in place on a terminal ({@code \r}); silent when standard
 * error is not a terminal, so logs and pipes get no control characters.
 */
final class ProgressBar implements SyncListener {

  private static final int WIDTH = 40;

  private final PrintStream err;
  private final String label;
  private final boolean terminal;
  private int drawn = -1;

  ProgressBar(PrintStream err, String label) {
    this.err = err;
    this.label = label;
    this.terminal = System.console() != null && System.console().isTerminal();
  }

  @Override
  public synchronized void progress(String phase, long done, long total) {
    if (!terminal) {
      return;
    }
    if (total <= 0) {
      err.print("\r" + label + " " + phase + " " + done / 1024 + " KiB");
      err.flush();
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == drawn) {
      return;
    }
    drawn = percent;
    int filled = percent * WIDTH / 100;
    err.print("\r" + label + " " + phase + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%3d%%", percent));
    if (percent >= 100) {
      err.println();
    }
    err.flush();
  }
}

package org.patchwork.marketplace.internal;

import java.io.PrintStream;

/**
 * A one-line download bar redrawn in place on a terminal ({@code \r}); silent when standard
 * error is not a terminal, so logs and pipes get no control characters.
 */
final class ProgressBar implements Fetcher.Progress {

  private static final int WIDTH = 30;

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
  public void progress(long done, long total) {
    if (!terminal || total <= 0) {
      return;
    }
    int percent = (int) Math.min(100, done * 100 / total);
    if (percent == drawn) {
      return;
    }
    drawn = percent;
    int filled = percent * WIDTH / 100;
    err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%3d%% %,d KiB", percent, done / 1024));
    if (percent >= 100) {
      err.println();
    }
    err.flush();
  }
}

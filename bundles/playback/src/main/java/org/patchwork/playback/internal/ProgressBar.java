package org.patchwork.playback.internal;

import java.io.PrintStream;
import org.patchwork.engine.RenderProgress;

/**
 * A one-line progress bar redrawn in place on a terminal ({@code \r}); silent when standard
 * error is not a terminal, so logs and pipes get no control characters.
 */
final class ProgressBar implements RenderProgress {

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
  public void progress(double fraction) {
    if (!terminal) {
      return;
    }
    int percent = (int) Math.round(fraction * 100);
    if (percent == drawn) {
      return;
    }
    drawn = percent;
    int filled = (int) Math.round(fraction * WIDTH);
    err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%3d%%", percent));
    if (percent >= 100) {
      err.println();
    }
    err.flush();
  }
}

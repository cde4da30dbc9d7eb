package org.patchwork.project.internal;

import java.io.PrintStream;
import java.util.function.DoubleConsumer;

/**
 * A one-line progress bar redrawn in place on a terminal ({@code \r}); silent when standard
 * error is not a terminal, so logs and pipes get no control characters. (The playback bundle
 * has the same bar for renders; it is internal there.)
 */
final class ProgressBar implements DoubleConsumer {

  private static final int WIDTH = 40;

  private final PrintStream err;
  private final String label;
  private final boolean terminal;
  private int drawn = -1;

  ProgressBar(PrintStream err, String label) {
    this.err = err;
    this.label = label;
    this.terminal = isTerminal();
  }

  /**
   * Console.isTerminal (Java 22) through reflection, so this bundle still compiles at release 21:
   * fuzzing sessions build it that way because Jazzer 0.24 cannot instrument Java 25 class files
   * (docs/fuzzing.md).
   */
  private static boolean isTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before Java 22 a console was always a terminal
    }
  }

  @Override
  public void accept(double fraction) {
    if (!terminal) {
      return;
    }
    int percent = (int) Math.round(Math.max(0, Math.min(1, fraction)) * 100);
    if (percent == drawn) {
      return;
    }
    drawn = percent;
    int filled = percent * WIDTH / 100;
    err.print("\r" + label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] "
        + String.format("%3d%%", percent));
    if (percent >= 100) {
      err.println();
    }
    err.flush();
  }
}

package org.patchwork.host;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * Where the host tells the user what happened: one line on standard error, prefixed
 * {@code patchwork:}, and the same line appended to the log file. Used before the log bundle
 * runs and for things only the host knows (start failures, hot deploy).
 */
final class Reporter {

  private final PrintStream err;
  private final Path logFile;

  Reporter(PrintStream err, Path logFile) {
    this.err = err;
    this.logFile = logFile;
  }

  /** A problem the user should see. */
  void problem(String message) {
    say("ERROR", message);
  }

  /** Something that went well but changed the running system (a bundle deployed). */
  void notice(String message) {
    say("INFO", message);
  }

  private synchronized void say(String level, String message) {
    err.println("patchwork: " + message);
    err.flush();
    append(level, message);
  }

  /** Writes to the log file only. */
  synchronized void append(String level, String message) {
    if (logFile == null) {
      return;
    }
    try {
      Files.createDirectories(logFile.getParent());
      Files.writeString(logFile, Instant.now() + " " + level + " host: " + message + System.lineSeparator(),
          StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      err.println("patchwork: cannot write " + logFile + ": " + e.getMessage());
    }
  }

  /** The innermost useful message of an exception chain, on one line. */
  static String reason(Throwable t) {
    String best = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    for (Throwable c = t.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
      if (c.getMessage() != null) {
        best = best + " (" + c.getMessage() + ")";
        break;
      }
    }
    return best.replaceAll("\\s*\\R\\s*", " ").strip();
  }
}

package org.patchwork.logging.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;

/**
 * Sends every OSGi log entry to {@code $PATCHWORK_HOME/logs/patchwork.log}, and warnings and
 * errors also to standard error, where a user running a command sees them. The log is rotated
 * once it passes 5 MB so it cannot fill a disk.
 */
@Component(immediate = true, service = {})
public final class LogFileWriter implements LogListener {

  private static final long ROTATE_BYTES = 5L * 1024 * 1024;

  private final LogReaderService reader;
  private final Writer file;
  private final PrintStream console;

  @Activate
  public LogFileWriter(@Reference LogReaderService reader, BundleContext context) throws IOException {
    this.reader = reader;
    this.console = System.err;
    String home = context.getProperty("patchwork.home");
    Path logs = Path.of(home == null ? System.getProperty("user.home") + "/.patchwork" : home, "logs");
    Files.createDirectories(logs);
    Path log = logs.resolve("patchwork.log");
    if (Files.exists(log) && Files.size(log) > ROTATE_BYTES) {
      Files.move(log, logs.resolve("patchwork.log.1"), StandardCopyOption.REPLACE_EXISTING);
    }
    this.file = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    // Entries logged before this bundle started are replayed oldest first.
    List<LogEntry> earlier = Collections.list(reader.getLog());
    Collections.reverse(earlier);
    earlier.forEach(this::logged);
    reader.addLogListener(this);
  }

  @Override
  public void logged(LogEntry entry) {
    // The framework reports every bundle and service event at INFO; only its problems matter here.
    if (entry.getLoggerName().startsWith("Events.") && !LogLevel.WARN.implies(entry.getLogLevel())) {
      return;
    }
    String line = format(entry);
    synchronized (file) {
      try {
        file.write(line);
        file.write(System.lineSeparator());
        file.flush();
      } catch (IOException e) {
        console.println("patchwork: cannot write the log file: " + e.getMessage());
      }
    }
    // Framework events (a bundle that failed to start or restart) the host reports on the
    // console itself, by bundle name; here they only go to the file.
    if (LogLevel.WARN.implies(entry.getLogLevel()) && !entry.getLoggerName().startsWith("Events.Framework")) {
      console.println("patchwork: " + entry.getLogLevel() + " " + entry.getBundle().getSymbolicName()
          + ": " + entry.getMessage()
          + (entry.getException() == null ? "" : " (" + entry.getException() + ")"));
    }
  }

  private static String format(LogEntry entry) {
    StringBuilder b = new StringBuilder()
        .append(Instant.ofEpochMilli(entry.getTime())).append(' ')
        .append(entry.getLogLevel()).append(' ')
        .append(entry.getBundle() == null ? "-" : entry.getBundle().getSymbolicName()).append(' ')
        .append(entry.getLoggerName()).append(": ")
        .append(entry.getMessage());
    if (entry.getException() != null) {
      StringWriter trace = new StringWriter();
      entry.getException().printStackTrace(new PrintWriter(trace));
      b.append(System.lineSeparator()).append(trace.toString().stripTrailing());
    }
    return b.toString();
  }

  @Deactivate
  void close() throws IOException {
    reader.removeLogListener(this);
    synchronized (file) {
      file.close();
    }
  }
}

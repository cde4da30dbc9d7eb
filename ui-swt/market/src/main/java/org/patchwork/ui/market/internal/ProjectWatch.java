package org.patchwork.ui.market.internal;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * Which project's modules the panel checks: the workbench's current project file, or, when the
 * workbench just refused to open one because it names a module that is not installed, that
 * project (the loader's message names the file: {@code /songs/x/project.json:
 * $.nodes[2].module: unknown module id: org.x.y (node 'lead')}). The refused project stays the
 * one checked until another project is opened. Thread: the UI thread.
 */
final class ProjectWatch {

  private static final Pattern UNKNOWN_MODULE = Pattern.compile(
      "^(.+?\\.json): \\$\\.nodes\\[\\d+\\]\\.module: unknown module id: ");

  private Path target;
  private boolean refused;
  private Path lastFile;
  private String lastFailure;

  /**
   * The project to check after {@code state}, or null when it has not changed since the last
   * call (nothing to check again).
   */
  Path next(WorkbenchState state) {
    Path failed = state.error() ? failedOpen(state.message()) : null;
    if (failed != null && !state.message().equals(lastFailure)) {
      lastFailure = state.message();
      target = failed;
      refused = true;
      return target;
    }
    Path file = state.file();
    if (file != null && !file.equals(lastFile)) {
      lastFile = file;
      target = file;
      refused = false;
      return target;
    }
    return null;
  }

  /** The project checked now, or null before any. */
  Path target() {
    return target;
  }

  /** Whether {@link #target()} is a project the workbench refused to open (so it is not open). */
  boolean targetRefused() {
    return refused;
  }

  /** The project a refused open named, when it was refused for an unknown module id; else null. */
  static Path failedOpen(String message) {
    Matcher m = UNKNOWN_MODULE.matcher(message == null ? "" : message);
    return m.find() ? Path.of(m.group(1)) : null;
  }
}

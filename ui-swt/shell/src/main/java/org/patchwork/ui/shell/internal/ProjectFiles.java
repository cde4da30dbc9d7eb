package org.patchwork.ui.shell.internal;

import java.io.IOException;
import java.nio.file.Path;
import org.patchwork.engine.Project;

/**
 * How the workbench reads and writes projects: the seam where the project-store bundle will
 * plug in. Today {@link JsonProjectFiles} reads with the engine's {@code ProjectLoader} and writes
 * the same format version 1 {@code project.json}.
 *
 * <p>Thread: the workbench's model thread.
 */
interface ProjectFiles {

  /** Reads and checks a project folder's {@code project.json} (or the file itself). */
  Project load(Path projectFileOrFolder) throws IOException;

  /** Writes {@code project} to {@code folder/project.json}, atomically; returns the file. */
  Path save(Project project, Path folder) throws IOException;

  /**
   * Checks {@code project} as if it were loaded from a file: every module installed, every
   * reference, range and port type valid.
   *
   * @throws IllegalArgumentException naming the rule broken
   */
  void check(Project project);
}

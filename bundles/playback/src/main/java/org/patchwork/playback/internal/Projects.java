package org.patchwork.playback.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.sdk.cli.UsageException;

/** Finds and loads the PROJECT argument of a command; every user mistake becomes a UsageException. */
final class Projects {

  private Projects() {
  }

  /** A project folder or the path of its project.json, as the user typed it. */
  static Path file(String argument) {
    Path p = Path.of(argument).toAbsolutePath().normalize();
    if (Files.isDirectory(p)) {
      p = p.resolve("project.json");
    }
    if (!Files.exists(p)) {
      throw new UsageException("no such project: " + argument);
    }
    return p;
  }

  static Project load(String argument, ModuleRegistry registry) {
    Path file = file(argument);
    try {
      return ProjectLoader.load(file, registry);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // ProjectFormatException and GraphException name the file, the JSON path and the rule.
      throw new UsageException(e.getMessage());
    }
  }

  /** Turns a setting the engine refuses (sample rate, block size) into a usage error. */
  static <T> T checked(java.util.function.Supplier<T> setting) {
    try {
      return setting.get();
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }
}

package org.patchwork.playback.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.sdk.cli.UsageException;

/** Finds and loads the PROJECT argument of a command; every user mistake becomes a UsageException. */
final class Projects {

  private Projects() {
  }

  /** The argument that names the demo song shipped with the distribution. */
  static final String DEMO = "demo";

  /**
   * A project folder or the path of its project.json, as the user typed it; {@code demo} (when
   * no such file exists here) is the distribution's {@code demo/demo-song}.
   */
  static Path file(String argument) {
    Path p = Path.of(argument).toAbsolutePath().normalize();
    if (!Files.exists(p) && DEMO.equals(argument)) {
      Path demo = demoSong();
      p = demo == null ? p : demo;
    }
    if (Files.isDirectory(p)) {
      p = p.resolve("project.json");
    }
    if (!Files.exists(p)) {
      throw new UsageException("no such project: " + argument);
    }
    return p;
  }

  private static Path demoSong() {
    Bundle bundle = FrameworkUtil.getBundle(Projects.class);
    BundleContext context = bundle == null ? null : bundle.getBundleContext();
    String distribution = context == null ? null : context.getProperty("patchwork.distribution");
    return distribution == null ? null : Path.of(distribution, "demo", "demo-song");
  }

  static Project load(String argument, ModuleRegistry registry) {
    return load(file(argument), registry);
  }

  /** Loads {@code file} (from {@link #file(String)}). */
  static Project load(Path file, ModuleRegistry registry) {
    try {
      return ProjectLoader.load(file, registry);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new UsageException("cannot read " + file + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      // ProjectFormatException and GraphException name the file, the JSON path and the rule.
      throw new UsageException(e.getMessage() + lockfileHint(file, e.getMessage()));
    }
  }

  /**
   * For a module that is not installed, in a project whose lockfile names the versions it was
   * saved with: the command that installs exactly those (the marketplace's).
   */
  private static String lockfileHint(Path file, String message) {
    try {
      if (message != null && message.contains("unknown module id")
          && Files.readString(file).contains("\"lockfile\"")) {
        return "; 'patchwork market install --lockfile " + file
            + "' installs the module versions the project was saved with";
      }
    } catch (IOException | RuntimeException e) {
      // no hint then
    }
    return "";
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

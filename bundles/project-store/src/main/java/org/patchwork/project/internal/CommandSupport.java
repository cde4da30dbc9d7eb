package org.patchwork.project.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.sdk.cli.UsageException;

/** What the pw:migrate, pw:pack and pw:unpack commands share: every user mistake is a usage error. */
final class CommandSupport {

  /** Work that may fail on the user's files. */
  interface Work<T> {
    T run() throws IOException;
  }

  private CommandSupport() {
  }

  /** The project folder for a PROJECT argument: a folder, or the path of its project.json. */
  static Path projectDir(String argument) {
    Path p = Path.of(argument).toAbsolutePath().normalize();
    if (Files.isRegularFile(p) && p.getFileName().toString().equals(ProjectFormat.FILE)) {
      p = p.getParent();
    }
    if (!Files.isDirectory(p) || !Files.exists(p.resolve(ProjectFormat.FILE))) {
      throw new UsageException("no such project: " + argument + " (a folder with a " + ProjectFormat.FILE + ")");
    }
    return p;
  }

  /** Runs {@code work}, turning bad input into a {@link UsageException} (exit status 2). */
  static <T> T run(Work<T> work) {
    try {
      return work.run();
    } catch (ProjectFormatException e) {
      throw new UsageException(e.getMessage());
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UsageException("cannot read " + e.getFile() + ": "
          + (e instanceof NoSuchFileException ? "no such file" : "access denied"));
    } catch (IOException e) {
      throw new UsageException(e.getMessage() == null ? e.toString() : e.getMessage());
    }
  }
}

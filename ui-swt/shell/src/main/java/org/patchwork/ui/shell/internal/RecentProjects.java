package org.patchwork.ui.shell.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The projects opened or saved lately, newest first, kept in
 * {@code $PATCHWORK_HOME/ui/recent-projects.txt} (one folder per line). Lines that are not
 * absolute paths are ignored; folders that no longer hold a project are dropped when read.
 * Thread: the model thread.
 */
final class RecentProjects {

  static final int LIMIT = 10;

  private final Path file;
  private volatile List<Path> list;

  RecentProjects(Path file) {
    this.file = file;
    this.list = read(file);
  }

  List<Path> list() {
    return list;
  }

  /** Puts {@code folder} first and saves the list; a failed save is returned as a message. */
  String add(Path folder) {
    List<Path> next = new ArrayList<>(list);
    next.remove(folder);
    next.addFirst(folder);
    while (next.size() > LIMIT) {
      next.removeLast();
    }
    list = List.copyOf(next);
    if (file == null) {
      return null;
    }
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), ".recent", ".tmp");
      StringBuilder text = new StringBuilder();
      list.forEach(p -> text.append(p).append('\n'));
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return null;
    } catch (IOException e) {
      return "cannot remember recent projects in " + file + ": " + e.getMessage();
    }
  }

  private static List<Path> read(Path file) {
    if (file == null || !Files.isRegularFile(file)) {
      return List.of();
    }
    try {
      List<Path> out = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        try {
          Path p = Path.of(line.strip());
          if (p.isAbsolute() && Files.isRegularFile(p.resolve("project.json")) && !out.contains(p)) {
            out.add(p);
          }
        } catch (java.nio.file.InvalidPathException ignored) {
          // Not a path: ignore the line, as the class comment says.
        }
      }
      return List.copyOf(out.subList(0, Math.min(LIMIT, out.size())));
    } catch (IOException e) {
      return List.of();
    }
  }
}

package org.patchwork.project;

import java.nio.file.Path;
import org.patchwork.project.internal.NioDisk;
import org.patchwork.project.internal.ProjectFiles;

/**
 * The child JVM of {@link KillTest}: saves project number {@code first}, {@code first + 1}, ...
 * into a folder as fast as it can and prints {@code saved N} after each save returns. With
 * {@code --warm-up} it does three saves and exits normally (so the JVM writes its class-data
 * archive and later children start faster).
 */
public final class KillTestChild {

  private KillTestChild() {
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    long first = Long.parseLong(args[1]);
    boolean warmUp = args.length > 2 && args[2].equals("--warm-up");
    // The save sequence under test is ProjectFiles.saveBytes, which every save ends with; the
    // schema check a save makes before it (ProjectFiles.save) writes nothing and is left out
    // here so that a child starts quickly. The parent checks every file it finds in full.
    ProjectFiles files = new ProjectFiles(NioDisk.INSTANCE);
    ProjectFormat.write(KillTest.model(first)); // load the writer first: kill among saves, not in class loading
    System.out.println("ready");
    System.out.flush();
    for (long i = first; !warmUp || i < first + 3; i++) {
      files.saveBytes(dir, ProjectFormat.write(KillTest.model(i), ProjectFormat.Write.PLAIN_AUTOMATION));
      System.out.println("saved " + i);
      System.out.flush();
    }
  }
}

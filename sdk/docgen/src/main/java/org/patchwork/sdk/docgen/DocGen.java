package org.patchwork.sdk.docgen;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes documentation for the DSP modules in bundle jars: a Markdown page and a PNG picture
 * per module ({@code <module id>.md}, {@code <module id>.png}) and a {@code README.md} index
 * grouped by family tag. Runs on plain jars, no OSGi framework needed; module authors can run it
 * on their own bundle:
 *
 * <pre>
 * java -jar sdk-docgen.jar --out docs/modules target/my-modules-1.0.0.jar
 * </pre>
 *
 * <p>The output is a function of the jars alone (no dates, no text in pictures), so running it
 * again gives the same bytes and version control sees only real changes; files whose content
 * did not change are not rewritten.
 */
public final class DocGen {

  static final String USAGE = "Usage: docgen --out DIR [--clean] JAR|FOLDER...\n"
      + "Writes a Markdown page and a PNG picture per DSP module found in the bundle jars (a folder\n"
      + "stands for the *.jar files in it), and README.md, an index grouped by family tag.\n"
      + "  --out DIR   where to write (created if missing)\n"
      + "  --clean     also delete the other *.md and *.png files in DIR (pages of modules that are gone)\n";

  private DocGen() {
  }

  /** Runs the tool; exits with 2 on a usage error, 1 on an I/O failure. */
  public static void main(String[] args) {
    int status = run(args, System.out, System.err);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the tool and returns its exit status: 0 success, 1 failure, 2 usage error. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    // Pictures are drawn off-screen; without this a desktop session's display would be used.
    System.setProperty("java.awt.headless", "true");
    Path dir = null;
    boolean clean = false;
    List<Path> jars = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "-h", "--help" -> {
            out.print(USAGE);
            return 0;
          }
          case "--out" -> {
            if (++i == args.length) {
              throw new IllegalArgumentException("--out needs a folder");
            }
            dir = Path.of(args[i]);
          }
          case "--clean" -> clean = true;
          default -> {
            if (args[i].startsWith("-")) {
              throw new IllegalArgumentException("unknown option " + args[i]);
            }
            jars.addAll(jars(Path.of(args[i])));
          }
        }
      }
      if (dir == null) {
        throw new IllegalArgumentException("--out DIR is required");
      }
      if (jars.isEmpty()) {
        throw new IllegalArgumentException("give at least one bundle jar or folder of jars");
      }
    } catch (IllegalArgumentException e) {
      err.println("docgen: " + e.getMessage());
      err.print(USAGE);
      return 2;
    }
    try {
      int written = generate(jars, dir, clean, err);
      out.println("docgen: " + written + " module page(s) in " + dir.toAbsolutePath().normalize());
      return 0;
    } catch (IOException e) {
      err.println("docgen: " + e);
      return 1;
    }
  }

  /** The jar itself, or the *.jar files of a folder in name order. */
  private static List<Path> jars(Path p) {
    if (Files.isDirectory(p)) {
      try (var list = Files.list(p)) {
        return list.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
      } catch (IOException e) {
        throw new IllegalArgumentException("cannot list " + p + ": " + e.getMessage());
      }
    }
    if (!Files.isRegularFile(p)) {
      throw new IllegalArgumentException("no such jar or folder: " + p);
    }
    return List.of(p);
  }

  /** Writes every page, picture and the index; returns the number of modules documented. */
  static int generate(List<Path> jars, Path dir, boolean clean, PrintStream err) throws IOException {
    Files.createDirectories(dir);
    List<Pages.Entry> entries = new ArrayList<>();
    Set<String> keep = new HashSet<>(Set.of("README.md"));
    try (BundleScan scan = BundleScan.of(jars)) {
      scan.warnings().forEach(w -> err.println("docgen: warning: " + w));
      for (BundleScan.Found f : scan.found()) {
        Render.Result r = Render.of(f.factory());
        if (r.error() != null) {
          err.println("docgen: warning: " + r.descriptor().id() + " could not be rendered: " + r.error());
        }
        Pages.Entry e = new Pages.Entry(r.descriptor(), f.bundle(), r);
        entries.add(e);
        String id = r.descriptor().id();
        if (r.error() == null) {
          write(dir.resolve(id + ".png"), Plot.png(r, Plot.scale(r.output())));
          keep.add(id + ".png");
        }
        write(dir.resolve(id + ".md"), Pages.page(e, id + ".png").getBytes(StandardCharsets.UTF_8));
        keep.add(id + ".md");
      }
    }
    if (entries.isEmpty()) {
      err.println("docgen: warning: no ModuleFactory component found in " + jars.size() + " jar(s)");
    }
    write(dir.resolve("README.md"), Pages.index(entries).getBytes(StandardCharsets.UTF_8));
    if (clean) {
      try (var list = Files.list(dir)) {
        for (Path p : list.sorted().toList()) {
          String name = p.getFileName().toString();
          if ((name.endsWith(".md") || name.endsWith(".png")) && !keep.contains(name) && Files.isRegularFile(p)) {
            Files.delete(p);
          }
        }
      }
    }
    return entries.size();
  }

  /** Writes {@code bytes} unless the file already holds exactly them. */
  private static void write(Path file, byte[] bytes) throws IOException {
    if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Files.write(file, bytes);
  }
}

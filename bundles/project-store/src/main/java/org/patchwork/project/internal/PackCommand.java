package org.patchwork.project.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import org.patchwork.project.Packs;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:pack}: one file with a project and its samples, to share. */
@Component(service = PackCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=pack",
    "patchwork.command.summary=Pack a project and its samples into one .pwpack file"})
public final class PackCommand {

  @CommandLine.Command(name = "pack", description = "Pack a project and the samples it uses into one file "
      + "(a zip with a manifest of SHA-256 checksums).")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT", description = "A project folder or its project.json.")
    String project;
    @CommandLine.Option(names = "--out", required = true, paramLabel = "NAME.pwpack", description = "The file to write.")
    Path out;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  /** Runs the command. Thread: the shell's. */
  public void pack(String... args) {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    Path dir = CommandSupport.projectDir(o.project);
    Path out = o.out.toAbsolutePath().normalize();
    if (!out.getFileName().toString().endsWith(Packs.EXTENSION)) {
      throw new UsageException("pack: --out must end in " + Packs.EXTENSION + ": " + o.out);
    }
    if (Files.isDirectory(out)) {
      throw new UsageException("pack: --out is a folder, give a file name: " + o.out);
    }
    if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
      throw new UsageException("pack: no such folder for --out: " + out.getParent());
    }
    CommandSupport.run(() -> {
      Packs.pack(dir, out, new ProgressBar(System.err, "packing " + out.getFileName()));
      return null;
    });
    System.out.println("packed " + dir + " into " + out + " (" + CommandSupport.run(() -> Files.size(out)) + " bytes)");
    System.out.flush();
  }
}

package org.patchwork.project.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectStore;
import org.patchwork.project.Recovery;
import picocli.CommandLine;

/** {@code pw:migrate}: upgrades a project folder to the current format version in place. */
@Component(service = MigrateCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=migrate",
    "patchwork.command.summary=Upgrade a project to the current format version (the old file is kept as .bak)"})
public final class MigrateCommand {

  @CommandLine.Command(name = "migrate", description = "Upgrade a project to the current format version, in place. "
      + "The file it replaces is kept as project.json.bak; a project that is current is left alone.")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT", description = "A project folder or its project.json.")
    String project;
    @CommandLine.Option(names = "--check", description = "Only say what would change; write nothing.")
    boolean check;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  /** Runs the command. Thread: the shell's. */
  public void migrate(String... args) {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    Path dir = CommandSupport.projectDir(o.project);
    Path file = dir.resolve(ProjectFormat.FILE);
    ProjectStore store = new ProjectStore();
    List<String> steps = CommandSupport.run(() -> o.check ? store.read(dir).migrations() : store.migrate(dir));
    if (steps.isEmpty()) {
      System.out.println(file + ": already at format version " + ProjectFormat.CURRENT_VERSION + "; nothing to do");
    } else {
      System.out.println(file + ": " + (o.check ? "would migrate" : "migrated") + " to format version "
          + ProjectFormat.CURRENT_VERSION + (o.check ? "" : " (the old file is " + file.getFileName() + ".bak)"));
      steps.forEach(s -> System.out.println("  " + s));
    }
    Optional<Recovery.Pending> pending = CommandSupport.run(() -> Recovery.pending(dir));
    pending.ifPresent(p -> System.out.println("note: " + p.file() + " holds unsaved changes from " + p.savedAt()
        + "; open the project to restore or discard them"));
    System.out.flush();
  }
}

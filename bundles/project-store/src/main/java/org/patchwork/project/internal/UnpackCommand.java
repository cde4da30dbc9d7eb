package org.patchwork.project.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Component;
import org.patchwork.commands.Cli;
import org.patchwork.project.PackLimits;
import org.patchwork.project.Packs;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:unpack}: a .pwpack back into a project folder, checking everything first. */
@Component(service = UnpackCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=unpack",
    "patchwork.command.summary=Unpack a .pwpack into a new project folder (checked; nothing is left on refusal)"})
public final class UnpackCommand {

  @CommandLine.Command(name = "unpack", description = "Unpack a .pwpack into a new project folder. Every entry "
      + "and checksum is checked; a refused pack leaves nothing behind.")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "NAME.pwpack", description = "The pack.")
    Path pack;
    @CommandLine.Option(names = "--into", required = true, paramLabel = "DIR",
        description = "The project folder to create (it must not exist, or be empty).")
    Path into;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  /** Runs the command. Thread: the shell's. */
  public void unpack(String... args) {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (!Files.isRegularFile(o.pack)) {
      throw new UsageException("unpack: no such pack: " + o.pack);
    }
    CommandSupport.run(() -> {
      Packs.unpack(o.pack, o.into, PackLimits.DEFAULT,
          new ProgressBar(System.err, "unpacking " + o.pack.getFileName()));
      return null;
    });
    System.out.println("unpacked " + o.pack + " into " + o.into.toAbsolutePath().normalize());
    System.out.flush();
  }
}

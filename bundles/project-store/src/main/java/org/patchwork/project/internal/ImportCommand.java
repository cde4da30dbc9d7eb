package org.patchwork.project.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.project.ModuleLocks;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.ProjectStore;
import org.patchwork.project.Sample;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:add-sample}: adds a WAV or AIFF file to a project's sample pool ({@code import} is the MIDI importer's). */
@Component(service = ImportCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=add-sample",
    "patchwork.command.summary=Import a WAV or AIFF file into a project's sample pool"})
public final class ImportCommand {

  @CommandLine.Command(name = "add-sample", description = "Import a WAV or AIFF file into a project's sample pool. "
      + "The audio is stored once under its SHA-256 in assets/; the project is saved (the old file kept as .bak) "
      + "with a lockfile of the bundles providing its modules.")
  static final class Options {
    @CommandLine.Parameters(index = "0", paramLabel = "PROJECT", description = "A project folder or its project.json.")
    String project;
    @CommandLine.Parameters(index = "1", paramLabel = "AUDIO", description = "A .wav, .aif or .aiff file.")
    Path audio;
    @CommandLine.Option(names = "--id", paramLabel = "ID", description = "The sample's id (default: the file name without extension).")
    String id;
    @CommandLine.Option(names = "--root-key", paramLabel = "KEY", defaultValue = "60",
        description = "MIDI key at which it plays at its own pitch (default: ${DEFAULT-VALUE}).")
    int rootKey;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleLocks locks;

  /** A command whose saves record the running bundles in the lockfile. */
  @Activate
  public ImportCommand(@Reference ModuleLocks locks) {
    this.locks = locks;
  }

  /**
   * Runs the command. Gogo has no method name for {@code add-sample}, so it calls
   * {@code _main} with the name it was called by first. Thread: the shell's.
   */
  public void _main(String... args) {
    int skip = args.length > 0 && "add-sample".equals(args[0]) ? 1 : 0;
    addSample(java.util.Arrays.copyOfRange(args, skip, args.length));
  }

  /** The command itself, on its arguments. */
  void addSample(String... args) {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    Path dir = CommandSupport.projectDir(o.project);
    if (!Files.isRegularFile(o.audio)) {
      throw new UsageException("add-sample: no such file: " + o.audio);
    }
    if (o.rootKey < 0 || o.rootKey > 127) {
      throw new UsageException("add-sample: --root-key must be within 0..127, not " + o.rootKey);
    }
    String name = o.audio.getFileName().toString();
    String id = o.id != null ? o.id : name.contains(".") ? name.substring(0, name.lastIndexOf('.')) : name;
    ProjectStore store = new ProjectStore(locks);
    Sample sample = CommandSupport.run(() -> {
      ProjectModel model = store.load(dir);
      if (model.samples().stream().anyMatch(s -> s.id().equals(id))) {
        throw new UsageException("add-sample: the project already has a sample '" + id + "' (choose another --id)");
      }
      Sample s = store.importSample(dir, o.audio, id).withTuning(o.rootKey, 0);
      List<Sample> pool = new ArrayList<>(model.samples());
      pool.add(s);
      store.save(dir, model.withSamples(pool));
      return s;
    });
    System.out.printf("imported %s as '%s': %d channels, %d Hz, %d frames, assets/%s%n", o.audio, sample.id(),
        sample.channels(), sample.sampleRate(), sample.frames(), sample.sha256());
    System.out.flush();
  }
}

package org.patchwork.trackerio.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileReader;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.TrackerProjects;
import org.patchwork.trackerio.MidiImport;
import picocli.CommandLine;

/** {@code pw:import}: a Standard MIDI File as a new project with a tracker song. */
@Component(service = ImportCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=import",
    "patchwork.command.summary=Import a Standard MIDI File (type 0 or 1) as a tracker song project"})
public final class ImportCommand {

  @CommandLine.Command(name = "import", description = {
      "Import a Standard MIDI File (format 0 or 1) as a new project whose song has every note at its exact place.",
      "Channels become tracks, the tempo map tempo commands, programs instruments built from Patchwork modules, "
          + "channel 10 a drum kit. See docs/tracker-io.md."})
  static final class Options {
    @CommandLine.Parameters(paramLabel = "FILE.mid", description = "The MIDI file to read.")
    Path midi;
    @CommandLine.Option(names = "--out", required = true, paramLabel = "PROJECT",
        description = "The project folder to create (or its project.json, or another .json file).")
    Path out;
    @CommandLine.Option(names = "--name", paramLabel = "NAME",
        description = "The project's name (default: the file's title, else its file name).")
    String name;
    @CommandLine.Option(names = "--force", description = "Replace an existing project file.")
    boolean force;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleRegistry registry;

  @Activate
  public ImportCommand(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /**
   * Runs the command; Gogo calls a command named after a Java keyword by the name with an
   * underscore. Thread: the shell's.
   */
  public void _import(String... args) throws IOException {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    Path target = o.out.toAbsolutePath().normalize();
    boolean folder = !target.getFileName().toString().endsWith(".json");
    Path file = folder ? target.resolve("project.json") : target;
    if (Files.exists(file) && !o.force) {
      throw new UsageException("import: " + file + " exists (give --force to replace it)");
    }
    Path parent = folder ? target.getParent() : file.getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      throw new UsageException("import: no such folder for --out: " + parent);
    }
    MidiFile midi = read(o.midi);
    String name = o.name != null ? o.name : title(midi, o.midi);
    MidiImport.Result r;
    try {
      r = MidiImport.read(midi, name);
    } catch (IllegalArgumentException e) {
      throw new UsageException("import: " + o.midi + ": " + e.getMessage());
    }
    // The project must load here, as every command will load it: all its modules installed.
    try {
      Project p = ProjectLoader.parse(file.toString(), r.projectJson().getBytes(StandardCharsets.UTF_8), registry);
      TrackerProjects.song(file.toString(), p, registry);
    } catch (IllegalArgumentException e) {
      throw new UsageException("import: the imported project does not load here: " + e.getMessage());
    }
    boolean created = folder && !Files.isDirectory(target);
    if (created) {
      Files.createDirectory(target);
    }
    try {
      AtomicFiles.writeAtomically(file, r.projectJson().getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      if (created) {
        Files.deleteIfExists(target);
      }
      throw new UsageException("import: cannot write " + file + ": " + e.getMessage());
    }
    for (String line : r.report()) {
      System.out.println("  " + line);
    }
    System.out.printf("imported %s to %s: %d tracks, %d patterns, %d instruments%n", o.midi.getFileName(), file,
        r.song().tracks().size(), r.song().patterns().size(), r.song().instruments().size());
    System.out.flush();
  }

  /** The first track's name (a song's title in most files), else the file name without ".mid". */
  static String title(MidiFile midi, Path file) {
    String fallback = file.getFileName().toString().replaceFirst("(?i)\\.midi?$", "");
    return midi.tracks().isEmpty() ? fallback
        : midi.tracks().getFirst().name().map(String::strip).filter(n -> !n.isEmpty()).orElse(fallback);
  }

  /** Reads a MIDI file; a malformed one is a usage error naming the offset (the codec's message). */
  static MidiFile read(Path midi) {
    try {
      return MidiFileReader.read(midi);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UsageException("import: cannot read " + midi + ": " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new UsageException("import: cannot read " + midi + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw new UsageException("import: " + midi + ": " + e.getMessage());
    }
  }
}

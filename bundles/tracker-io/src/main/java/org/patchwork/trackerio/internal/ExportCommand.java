package org.patchwork.trackerio.internal;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFileWriter;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.TrackerProjects;
import org.patchwork.trackerio.MidiExport;
import picocli.CommandLine;

/** {@code pw:export}: a project's tracker song as a type 1 Standard MIDI File. */
@Component(service = ExportCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=export",
    "patchwork.command.summary=Export a project's tracker song as a type 1 MIDI file"})
public final class ExportCommand {

  @CommandLine.Command(name = "export", description = {
      "Export a project's tracker song as a format 1 Standard MIDI File: the tempo map, then one track per "
          + "song track, notes at their exact musical positions. See docs/tracker-io.md."})
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT",
        description = "A project folder or its project.json; `demo` is the bundled demo song.")
    String project;
    @CommandLine.Option(names = "--midi", required = true, paramLabel = "FILE.mid", description = "The file to write.")
    Path midi;
    @CommandLine.Option(names = "--ppq", paramLabel = "N", defaultValue = "480",
        description = "Ticks per quarter note, 1..32767 (default: ${DEFAULT-VALUE}).")
    int ppq;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleRegistry registry;

  @Activate
  public ExportCommand(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /** Runs the command. Thread: the shell's. */
  public void export(String... args) throws IOException {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (o.ppq < 1 || o.ppq > 0x7FFF) {
      throw new UsageException("export: --ppq must be within 1..32767: " + o.ppq);
    }
    Path out = o.midi.toAbsolutePath().normalize();
    if (Files.isDirectory(out)) {
      throw new UsageException("export: --midi is a folder, give a file name: " + o.midi);
    }
    if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
      throw new UsageException("export: no such folder for --midi: " + out.getParent());
    }
    Path file = projectFile(o.project);
    Project project;
    Song song;
    try {
      project = ProjectLoader.load(file, registry);
      if (!project.hasSong()) {
        throw new UsageException("export: " + file + " has notes, not a tracker song: nothing to export");
      }
      song = TrackerProjects.song(file.toString(), project, registry);
    } catch (NoSuchFileException | AccessDeniedException e) {
      throw new UsageException("export: cannot read " + file + ": " + e.getClass().getSimpleName());
    } catch (IOException e) {
      throw new UsageException("export: cannot read " + file + ": " + e.getMessage());
    } catch (UsageException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
    MidiFile midi = MidiExport.write(song, project.name(), o.ppq);
    AtomicFiles.writeAtomically(out, MidiFileWriter.write(midi, true));
    long notes = midi.tracks().stream().mapToLong(t -> t.events(org.patchwork.midifile.ChannelEvent.NoteOn.class)
        .size()).sum();
    System.out.printf("exported %s to %s: %d tracks, %d notes, %d ticks per quarter, %d ticks long%n",
        project.name(), out, midi.tracks().size(), notes, o.ppq, midi.endTick());
    System.out.flush();
  }

  /** A project folder or its project.json; {@code demo} (when no such file exists) is the distribution's. */
  static Path projectFile(String argument) {
    Path p = Path.of(argument).toAbsolutePath().normalize();
    if (!Files.exists(p) && "demo".equals(argument)) {
      var bundle = FrameworkUtil.getBundle(ExportCommand.class);
      String dist = bundle == null || bundle.getBundleContext() == null ? null
          : bundle.getBundleContext().getProperty("patchwork.distribution");
      p = dist == null ? p : Path.of(dist, "demo", "demo-song");
    }
    if (Files.isDirectory(p)) {
      p = p.resolve("project.json");
    }
    if (!Files.exists(p)) {
      throw new UsageException("no such project: " + argument);
    }
    return p;
  }
}

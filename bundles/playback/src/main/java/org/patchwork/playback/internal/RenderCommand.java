package org.patchwork.playback.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.OfflineRenderer;
import org.patchwork.engine.Project;
import org.patchwork.engine.RenderResult;
import org.patchwork.engine.RenderSettings;
import org.patchwork.engine.WavFormat;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:render}: the real engine driven by a file sink, as fast as the CPU allows. */
@Component(service = RenderCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=render",
    "patchwork.command.summary=Render a project to a WAV file (same project, same bytes)"})
public final class RenderCommand {

  @CommandLine.Command(name = "render", description = "Render a project to a WAV file, offline.")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT", description = "A project folder or its project.json; `demo` renders the bundled demo song.")
    String project;
    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "The file to write.")
    Path out;
    @CommandLine.Option(names = "--seconds", paramLabel = "S",
        description = "Length to render (default: to the last note's end, or the song's, plus a 2 s tail).")
    double seconds;
    @CommandLine.Option(names = "--sample-rate", paramLabel = "R", description = "Frames per second (default: the project's).")
    double sampleRate;
    @CommandLine.Option(names = "--block", paramLabel = "N", defaultValue = "256",
        description = "Frames per engine block (default: ${DEFAULT-VALUE}); the result does not depend on it.")
    int block;
    @CommandLine.Option(names = "--format", paramLabel = "FMT", defaultValue = "s24",
        description = "Sample format: s16, s24 or f32 (default: ${DEFAULT-VALUE}).")
    String format;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleRegistry registry;

  @Activate
  public RenderCommand(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /** Runs the command. Thread: the shell's. */
  public void render(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    WavFormat format = switch (o.format) {
      case "s16" -> WavFormat.PCM_16;
      case "s24" -> WavFormat.PCM_24;
      case "f32" -> WavFormat.FLOAT_32;
      default -> throw new UsageException("render: --format must be s16, s24 or f32, not " + o.format);
    };
    RenderSettings settings = Projects.checked(() -> new RenderSettings(o.sampleRate, o.block, o.seconds, format));
    Path out = o.out.toAbsolutePath().normalize();
    if (Files.isDirectory(out)) {
      throw new UsageException("render: --out is a folder, give a file name: " + o.out);
    }
    if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
      throw new UsageException("render: no such folder for --out: " + out.getParent());
    }
    Path file = Projects.file(o.project);
    Project project = Projects.load(file, registry);
    long start = System.nanoTime();
    // A tracker song plays as the timeline compiled for the render's rate, in place of notes.
    SongTimeline song = SongTimeline.of(file, project, registry, OfflineRenderer.sampleRate(project, settings));
    RenderResult r;
    try {
      r = new OfflineRenderer(registry).render(project, SongTimeline.timeline(song), settings, out,
          new ProgressBar(System.err, "rendering " + out.getFileName()));
    } catch (IllegalArgumentException e) {
      // A graph rule or a rate the WAV format cannot hold: the user's project, not a bug.
      throw new UsageException(e.getMessage());
    }
    double seconds = r.frames() / r.sampleRate();
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf("rendered %s: %.2f s at %.0f Hz, %s, peak %.1f dBFS, %.1fx real time%s%n",
        out, seconds, r.sampleRate(), o.format, 20 * Math.log10(Math.max(r.peak(), 1e-9)),
        seconds / Math.max(wall, 1e-9), r.faults() == 0 ? "" : ", " + r.faults() + " module faults");
    System.out.flush();
  }
}

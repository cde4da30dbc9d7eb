package org.patchwork.playback.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.RenderResult;
import org.patchwork.engine.WavFormat;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:audition}: one module rendered alone through the real engine, to a WAV file. */
@Component(service = AuditionCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=audition",
    "patchwork.command.summary=Render one module alone (a note, or an input signal) to a WAV file"})
public final class AuditionCommand {

  @CommandLine.Command(name = "audition", description = {
      "Render one module alone through the real engine to a stereo WAV file.",
      "A module with an events input (every instrument) plays --note from 0 s, released at 75%% of "
          + "the length. The --input signal goes into the module's audio inputs (and, for modulators "
          + "and utilities, its CV inputs); the first audio output, else the first CV output, is heard."})
  static final class Options {
    @CommandLine.Parameters(paramLabel = "MODULE_ID", description = "A module id, as 'patchwork modules' lists it.")
    String module;
    @CommandLine.Option(names = "--out", required = true, paramLabel = "FILE.wav", description = "The file to write.")
    Path out;
    @CommandLine.Option(names = "--note", paramLabel = "N", defaultValue = "60",
        description = "MIDI key played by instruments, 0..127 (default: ${DEFAULT-VALUE}, middle C).")
    int note;
    @CommandLine.Option(names = "--velocity", paramLabel = "V", defaultValue = "0.8",
        description = "Note velocity, above 0 up to 1 (default: ${DEFAULT-VALUE}).")
    double velocity;
    @CommandLine.Option(names = "--set", paramLabel = "PARAM=VALUE",
        description = "Set a parameter (repeatable); a stepped parameter also takes a value's name.")
    List<String> set = new ArrayList<>();
    @CommandLine.Option(names = "--input", paramLabel = "SIGNAL",
        description = "silence, noise, burst (0.25 s of noise, then silence), impulse, sine:HZ or FILE.wav "
            + "(default: burst for effects and utilities, silence for instruments and modulators).")
    String input;
    @CommandLine.Option(names = "--seconds", paramLabel = "S",
        description = "Length (default: 2, or an input file's length plus 1).")
    double seconds;
    @CommandLine.Option(names = "--sample-rate", paramLabel = "R",
        description = "Frames per second (default: an input file's rate, else 48000).")
    double sampleRate;
    @CommandLine.Option(names = "--format", paramLabel = "FMT", defaultValue = "f32",
        description = "Sample format: s16, s24 or f32 (default: ${DEFAULT-VALUE}, so CV beyond +-1 is kept).")
    String format;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleRegistry registry;

  @Activate
  public AuditionCommand(@Reference ModuleRegistry registry) {
    this.registry = registry;
  }

  /** Runs the command. Thread: the shell's. */
  public void audition(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    WavFormat format = switch (o.format) {
      case "s16" -> WavFormat.PCM_16;
      case "s24" -> WavFormat.PCM_24;
      case "f32" -> WavFormat.FLOAT_32;
      default -> throw new UsageException("audition: --format must be s16, s24 or f32, not " + o.format);
    };
    Path out = o.out.toAbsolutePath().normalize();
    if (Files.isDirectory(out)) {
      throw new UsageException("audition: --out is a folder, give a file name: " + o.out);
    }
    if (out.getParent() == null || !Files.isDirectory(out.getParent())) {
      throw new UsageException("audition: no such folder for --out: " + out.getParent());
    }
    Audition.Setup s = Audition.setup(registry, new Audition.Request(o.module, o.note, o.velocity, o.set,
        o.input, o.seconds, o.sampleRate, format));
    long start = System.nanoTime();
    RenderResult r = Audition.render(s, out, new ProgressBar(System.err, "auditioning " + out.getFileName()));
    double seconds = r.frames() / r.sampleRate();
    double wall = (System.nanoTime() - start) / 1e9;
    System.out.printf("auditioned %s (%s, output '%s'%s, input %s) to %s: %.2f s at %.0f Hz, %s, peak %.1f dBFS, "
            + "%.1fx real time%s%n",
        s.descriptor().id(), s.descriptor().kind(), s.heard(),
        s.playsNote() ? ", note " + o.note + " velocity " + o.velocity : "", describe(s.input()),
        out, seconds, r.sampleRate(), o.format, 20 * Math.log10(Math.max(r.peak(), 1e-9)),
        seconds / Math.max(wall, 1e-9), r.faults() == 0 ? "" : ", " + r.faults() + " module faults");
    System.out.flush();
  }

  private static String describe(AuditionSignal in) {
    return switch (in.kind) {
      case SINE -> "sine:" + Audition.fmt(in.hz);
      case FILE -> in.file.getFileName().toString();
      default -> in.kind.name().toLowerCase(java.util.Locale.ROOT);
    };
  }
}

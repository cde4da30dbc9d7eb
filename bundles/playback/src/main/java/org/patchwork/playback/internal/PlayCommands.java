package org.patchwork.playback.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.commands.Cli;
import org.patchwork.drivers.Drivers;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.sdk.cli.UsageException;
import picocli.CommandLine;

/** {@code pw:play}: plays a project in real time without UI. */
@Component(service = PlayCommands.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=play",
    "patchwork.command.summary=Play a project in real time (JACK, Java Sound or a null driver)"})
public final class PlayCommands {

  @CommandLine.Command(name = "play", description = "Play a project in real time without UI.")
  static final class Options {
    @CommandLine.Parameters(paramLabel = "PROJECT", description = "A project folder or its project.json; `demo` plays the bundled demo song.")
    String project;
    @CommandLine.Option(names = "--driver", defaultValue = "auto", paramLabel = "NAME",
        description = "auto, jack, javasound or null (default: ${DEFAULT-VALUE}: JACK if a server runs, "
            + "else Java Sound, else the null driver's real-time clock).")
    String driver;
    @CommandLine.Option(names = "--seconds", paramLabel = "N",
        description = "How long to play (default: to the last note's end plus a 2 s tail).")
    double seconds;
    @CommandLine.Option(names = "--block", paramLabel = "N", defaultValue = "256",
        description = "Frames per block asked of the driver (default: ${DEFAULT-VALUE}; JACK uses its own).")
    int block;
    @CommandLine.Option(names = "--stats", paramLabel = "FILE.json",
        description = "Write driver, timing, xrun and allocation statistics to this file when the run ends.")
    Path stats;
    @CommandLine.Option(names = "--live",
        description = "Play live: OSC, MIDI and controllers drive its transport, tempo, mixer, parameters and "
            + "notes (docs/osc.md). Without --seconds it runs until stopped (pw:stop, Ctrl+C).")
    boolean live;
    @CommandLine.Option(names = "--hold",
        description = "Load the project and hold it without playing: /transport/play (OSC), a controller's play "
            + "button or MIDI start then plays it live.")
    boolean hold;
    @CommandLine.Option(names = "--background",
        description = "Return at once and keep playing (in the shell; stop with pw:stop).")
    boolean background;
    @CommandLine.Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    boolean help;
  }

  private final ModuleRegistry registry;
  private final Player player;
  private final BundleContext context;

  @Activate
  public PlayCommands(BundleContext context, @Reference ModuleRegistry registry, @Reference Player player) {
    this.context = context;
    this.registry = registry;
    this.player = player;
  }

  /** Runs the command. Thread: the shell's; blocks until the run ends unless --background. */
  public void play(String... args) throws Exception {
    Options o = Cli.parse(new Options(), args);
    if (o == null) {
      return;
    }
    if (!Drivers.NAMES.contains(o.driver)) {
      throw new UsageException("play: unknown driver '" + o.driver + "': choose one of " + String.join(", ", Drivers.NAMES));
    }
    if (o.seconds < 0 || o.seconds > 86_400) {
      throw new UsageException("play: --seconds must be within 0..86400: " + o.seconds);
    }
    if (o.stats != null) {
      Path parent = o.stats.toAbsolutePath().normalize().getParent();
      if (parent == null || !Files.isDirectory(parent)) {
        throw new UsageException("play: no such folder for --stats: " + parent);
      }
    }
    if (o.hold && (o.live || o.background || o.stats != null || o.seconds > 0)) {
      throw new UsageException("play: --hold plays nothing, so it takes none of --live, --background, --stats, --seconds");
    }
    Path file = Projects.file(o.project);
    Project project = Projects.load(file, registry);
    if (o.hold || o.live) {
      InteractiveLevel.raise(context); // what drives a live run: MIDI, OSC, controllers
    }
    if (o.hold) {
      // checked now (song included) so that a later start does not fail on the project
      LiveStart.score(file, project, registry, project.sampleRate());
      player.remember(file, o.driver, o.block);
      System.out.printf("holding %s: /transport/play (OSC), a controller's play button or MIDI start plays it live%n",
          project.name());
      System.out.flush();
      return;
    }
    if (o.live) {
      playLive(o, file, project);
      return;
    }
    Playback run = player.play(file, project, o.driver, o.seconds, o.block, o.stats);
    System.out.printf("playing %s through %s at %d Hz, %d-frame blocks%n",
        project.name(), run.driverName(), run.sampleRate(), run.blockSize());
    System.out.flush();
    if (o.background) {
      return;
    }
    try {
      while (!run.await(200, TimeUnit.MILLISECONDS)) {
        // Wait for the end of the run; an interrupt (the host stopping) ends the wait.
      }
    } finally {
      // Stop this run only: another shell session may have started a newer one meanwhile.
      run.stop();
      player.finished(run);
    }
    System.out.println(Player.json(run).toPrettyString());
    System.out.flush();
  }

  private void playLive(Options o, Path file, Project project) throws Exception {
    LiveSong run = player.startLive(file, project, o.driver, o.block, o.stats);
    if (o.seconds > 0) {
      run.endAfter(run.frame() + Math.round(o.seconds * run.sampleRate()));
    }
    run.play(run.frame() + run.renderAhead());
    System.out.printf("playing %s live through %s at %d Hz, %d-frame blocks%n",
        project.name(), run.driverName(), run.sampleRate(), run.blockSize());
    System.out.flush();
    if (o.background) {
      return;
    }
    try {
      while (!run.await(200, TimeUnit.MILLISECONDS)) {
        // until --seconds, pw:stop, another run or the host stopping (an interrupt)
      }
    } finally {
      run.close();
    }
    System.out.println(LiveStart.json(run).toPrettyString());
    System.out.flush();
  }
}

package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.playback.LiveRun;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.SongJson;

/**
 * {@code pw:record on|off|save [PROJECT_JSON]}: record the notes played live (MIDI, OSC
 * {@code /note}) into the live run's song, and save the song into the project. A controller's
 * record button ({@code transport.record}) and OSC {@code /transport/record} do the same as
 * {@code on}/{@code off}.
 */
@Component(service = RecordCommand.class, property = {
    "osgi.command.scope=pw",
    "osgi.command.function=record",
    "patchwork.command.summary=Record live notes into the song of the live run: on, off, save [PROJECT_JSON]"})
public final class RecordCommand {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Player player;

  @Activate
  public RecordCommand(@Reference Player player) {
    this.player = player;
  }

  /** Thread: the shell's. */
  public void record(String... args) throws IOException {
    String what = args.length == 0 ? "" : args[0];
    LiveRun run = player.live();
    if (run == null) {
      throw new UsageException("record: no live run: start one with pw:play PROJECT --live (or --hold and /transport/play)");
    }
    switch (what) {
      case "on", "off" -> {
        if (args.length != 1) {
          throw new UsageException("record: " + what + " takes no more arguments");
        }
        if (!run.record(what.equals("on"))) {
          throw new UsageException("record: " + run.name() + " plays a list of notes, not a tracker song: nothing to record into");
        }
        System.out.println("recording " + what);
      }
      case "save" -> {
        if (args.length > 2) {
          throw new UsageException("record: save takes at most one PROJECT_JSON");
        }
        Path target = args.length == 2 ? Path.of(args[1]).toAbsolutePath() : run.project();
        String song = run.recordedSong();
        if (song == null) {
          throw new UsageException("record: " + run.name() + " has no song to save");
        }
        save(run.project(), song, target);
        System.out.println("saved the recorded song into " + target);
      }
      default -> throw new UsageException("record: say on, off or save [PROJECT_JSON], not '" + what + "'");
    }
    System.out.flush();
  }

  /**
   * Writes {@code source} with its {@code song} replaced by {@code song} to {@code target}: a
   * new file beside it moved over it in one step, so a failure leaves the old file whole.
   */
  static void save(Path source, String song, Path target) throws IOException {
    ObjectNode project;
    try {
      project = (ObjectNode) JSON.readTree(Files.readAllBytes(source));
    } catch (IOException | ClassCastException e) {
      throw new UsageException("record: cannot read " + source + ": " + e.getMessage());
    }
    double tempo = project.path("tempo").asDouble(120);
    SongJson.read(target.toString(), song, new BigDecimal(Double.toString(tempo))); // what is written reads back
    project.set("song", JSON.readTree(song));
    Path folder = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(folder, ".project", ".json.tmp");
    try {
      Files.write(temp, JSON.writeValueAsBytes(project));
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}

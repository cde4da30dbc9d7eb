package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.TrackerProjects;

/** What a live run plays, and its statistics. */
final class LiveStart {

  private LiveStart() {
  }

  /**
   * The project's tracker song for the live sequencer, else its notes.
   *
   * @throws UsageException naming the file, the {@code $.song...} path and the rule
   */
  static Score score(Path file, Project project, ModuleRegistry registry, double rate) {
    if (!project.hasSong()) {
      return new NoteScore(project, rate);
    }
    try {
      return new SongScore(TrackerProjects.song(file.toString(), project, registry), rate);
    } catch (IllegalArgumentException e) {
      throw new UsageException(e.getMessage());
    }
  }

  /** {@code pw:stats} of a live run: the driver's figures as for a fixed run, and the live state. */
  static ObjectNode json(LiveSong run) {
    ObjectNode o = Player.driverJson(run.driverName(), run.sampleRate(), run.blockSize(), run.stats(),
        run.telemetryDropped(), run.faults());
    ObjectNode live = o.putObject("live");
    live.put("project", run.project().toString());
    live.put("playing", run.playing());
    live.put("beats", run.beats());
    live.put("tempo", run.tempo());
    live.put("engineFrame", run.frame());
    live.put("inputs", run.inputs());
    live.put("lateInputs", run.late());
    live.put("renderAhead", run.renderAhead());
    float[] peaks = run.peaks();
    o.putArray("peaks").add(peaks[0]).add(peaks[1]);
    int[] at = run.position();
    if (at != null) {
      ObjectNode position = o.putObject("position");
      position.put("order", at[0]);
      position.put("pattern", at[1]);
      position.put("line", at[2]);
    }
    o.put("finished", run.finished());
    return o;
  }
}

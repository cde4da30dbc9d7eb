package org.patchwork.ui.shell.internal;

import java.util.List;
import org.patchwork.engine.Project;
import org.patchwork.engine.Timeline;

/**
 * A project's tracker song as an engine timeline, compiled by the sequencer bundle. The shell
 * imports the sequencer's package optionally (see the bnd instructions): without the sequencer
 * a project in notes still plays, and a song says what is missing. Only this class names the
 * sequencer, so nothing else fails to load when it is absent.
 */
final class SongTimelines {

  private SongTimelines() {
  }

  /**
   * @throws IllegalArgumentException when the song is broken or the sequencer is not installed
   */
  static Timeline timeline(Project project, double sampleRate) {
    try {
      return Compiler.timeline(project, sampleRate);
    } catch (NoClassDefFoundError e) {
      throw new IllegalArgumentException("this project is a tracker song, and playing it needs the sequencer"
          + " bundle (org.patchwork.sequencer), which is not installed");
    }
  }

  /**
   * The output (mixer) track of each of the song's tracks, in the song's order.
   *
   * @throws IllegalArgumentException when the song is broken or the sequencer is not installed
   */
  static List<String> outputs(Project project) {
    try {
      return Compiler.outputs(project);
    } catch (NoClassDefFoundError e) {
      throw new IllegalArgumentException("this project is a tracker song, and playing it needs the sequencer"
          + " bundle (org.patchwork.sequencer), which is not installed");
    }
  }

  /** Loaded only when called, so a missing sequencer shows as a NoClassDefFoundError above. */
  private static final class Compiler {
    static Timeline timeline(Project project, double sampleRate) {
      return org.patchwork.sequencer.TrackerProjects.timeline(project.name(), project, sampleRate);
    }

    static List<String> outputs(Project project) {
      return org.patchwork.sequencer.TrackerProjects.song(project.name(), project).tracks().stream()
          .map(t -> t.output()).toList();
    }
  }
}

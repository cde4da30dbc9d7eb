package org.patchwork.ui.shell.internal;

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

  /** Loaded only when called, so a missing sequencer shows as a NoClassDefFoundError above. */
  private static final class Compiler {
    static Timeline timeline(Project project, double sampleRate) {
      return org.patchwork.sequencer.TrackerProjects.timeline(project.name(), project, sampleRate);
    }
  }
}

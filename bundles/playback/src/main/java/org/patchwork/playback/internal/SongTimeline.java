package org.patchwork.playback.internal;

import java.nio.file.Path;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.engine.Timeline;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongCompiler;
import org.patchwork.sequencer.TrackerProjects;

/**
 * A project's tracker song compiled for one sample rate: the timeline the engine plays in place
 * of notes, and the compiled song that tells the playhead's order, pattern and line at a frame.
 *
 * @param compiled every event and line start at its exact frame
 * @param timeline the engine's view of {@code compiled}
 */
record SongTimeline(CompiledSong compiled, Timeline timeline) {

  /**
   * The song of {@code project} compiled for {@code rate}, or null when it has notes instead.
   *
   * @param file the project file, named in messages
   * @throws UsageException naming the file, the {@code $.song...} path and the rule, e.g. a
   *     parameter id the node's module does not have
   */
  static SongTimeline of(Path file, Project project, ModuleRegistry registry, double rate) {
    if (!project.hasSong()) {
      return null;
    }
    try {
      Song song = TrackerProjects.song(file.toString(), project, registry);
      CompiledSong compiled = SongCompiler.compile(song, PlayOptions.at(rate));
      return new SongTimeline(compiled, TrackerProjects.timeline(song, compiled));
    } catch (IllegalArgumentException e) {
      // ProjectFormatException names the file and the JSON path; a rate out of range its rule.
      throw new UsageException(e.getMessage());
    }
  }

  /** The timeline of {@code song}, or null for none. */
  static Timeline timeline(SongTimeline song) {
    return song == null ? null : song.timeline();
  }
}

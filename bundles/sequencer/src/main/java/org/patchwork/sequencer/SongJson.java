package org.patchwork.sequencer;

import java.math.BigDecimal;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.sequencer.internal.SongReader;
import org.patchwork.sequencer.internal.SongWriter;

/**
 * The song's JSON: the {@code song} section of a project file (docs/sequencer.md). Reading is
 * strict: anything unknown, mistyped or out of range is refused with one line naming the
 * source, the JSON path and the rule, e.g.
 * {@code song.json: $.song.patterns[0].tracks[1][3].effects[0]: unknown effect command 'K'}.
 *
 * <pre>{@code
 * Song song = SongJson.read("project.json", project.song(), BigDecimal.valueOf(project.tempo()));
 * String json = SongJson.write(song);
 * }</pre>
 */
@ProviderType
public final class SongJson {

  private SongJson() {
  }

  /**
   * Reads a song object.
   *
   * @param source names the input in messages
   * @param defaultBpm the tempo when the song gives none (the project's {@code tempo})
   * @throws ProjectFormatException naming the path {@code $.song...} and the rule broken
   */
  public static Song read(String source, String json, BigDecimal defaultBpm) {
    return new SongReader(source, "$.song").read(json, defaultBpm);
  }

  /** The song as JSON text that {@link #read} reads back to an equal song. */
  public static String write(Song song) {
    return SongWriter.write(song);
  }
}

package org.patchwork.sequencer;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.JournalCodec;

/**
 * The undo journal as JSON: {@code {"formatVersion": 1, "entries": [{"op": "addTrack", ...},
 * {"op": "undo"}, ...]}}, one entry per {@link Edit} with its record components as fields
 * (docs/sequencer.md lists the ops). {@link SongEditor#replay} rebuilds the song from it.
 *
 * <pre>{@code
 * Files.writeString(dir.resolve("journal.json"), JournalJson.write(editor.journal()));
 * SongEditor again = SongEditor.replay(JournalJson.read(Files.readString(dir.resolve("journal.json"))));
 * }</pre>
 */
@ProviderType
public final class JournalJson {

  private JournalJson() {
  }

  /** The journal as JSON text. */
  public static String write(List<Edit> journal) {
    return JournalCodec.write(journal);
  }

  /**
   * Reads a journal.
   *
   * @throws IllegalArgumentException naming the entry that is wrong
   */
  public static List<Edit> read(String json) {
    return JournalCodec.read(json);
  }
}

package org.patchwork.ui.shell;

import java.math.BigDecimal;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongJson;

/**
 * A change of the project's tracker song (a note typed, a pattern resized, an automation point
 * moved) as the sequencer's own {@link org.patchwork.sequencer.Edit}: the song is read from the
 * project, changed and written back. A project without a song starts from {@link Song#empty()}.
 * It lives apart from {@link Edits} because the shell imports the sequencer optionally; only the
 * panels that edit songs load it.
 *
 * <pre>{@code
 * workbench.submit(new SongEdit("Type C-4 at 05", new Edit.SetNote(0, 1, 5, 0, NoteCell.of(60))));
 * }</pre>
 *
 * @param label what the journal and the Undo menu show
 * @param edit the change of the song
 * @param mergeKey see {@link Edit#mergeKey()}; null for an entry of its own
 */
@ProviderType
public record SongEdit(String label, org.patchwork.sequencer.Edit edit, String mergeKey) implements Edit {

  /** An edit recorded on its own. */
  public SongEdit(String label, org.patchwork.sequencer.Edit edit) {
    this(label, edit, null);
  }

  /** Checks for null. */
  public SongEdit {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(edit, "edit");
  }

  @Override
  public Project apply(Project p) {
    Song changed = edit.apply(song(p));
    return new Project(p.name(), p.sampleRate(), p.tempo(), p.graph(), p.notes(), SongJson.write(changed));
  }

  /**
   * The project's tracker song, or an empty song when it has none.
   *
   * @throws org.patchwork.engine.ProjectFormatException if the song section is malformed
   */
  public static Song song(Project p) {
    return p.hasSong() ? SongJson.read(p.name(), p.song(), new BigDecimal(Double.toString(p.tempo()))) : Song.empty();
  }
}

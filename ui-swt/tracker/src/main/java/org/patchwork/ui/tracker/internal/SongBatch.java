package org.patchwork.ui.tracker.internal;

import java.util.List;
import java.util.Objects;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongJson;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.SongEdit;

/**
 * Several sequencer edits as one workbench edit (a paste, a transpose, an interpolation): the
 * song is read once, changed by each edit in order and written back once, so the journal holds
 * one entry and undo takes the whole gesture back. The sequencer's {@link org.patchwork.sequencer.Edit}
 * is sealed, so the batch lives here, as the shell's {@link Edit}.
 *
 * @param label what the journal and the Undo menu show
 * @param edits applied in order; if one does not fit the song, nothing changes
 */
record SongBatch(String label, List<org.patchwork.sequencer.Edit> edits) implements Edit {

  /** Copies the list. */
  SongBatch {
    Objects.requireNonNull(label, "label");
    edits = List.copyOf(edits);
  }

  @Override
  public Project apply(Project p) {
    Song s = SongEdit.song(p);
    for (org.patchwork.sequencer.Edit e : edits) {
      s = e.apply(s);
    }
    return new Project(p.name(), p.sampleRate(), p.tempo(), p.graph(), p.notes(), SongJson.write(s));
  }
}

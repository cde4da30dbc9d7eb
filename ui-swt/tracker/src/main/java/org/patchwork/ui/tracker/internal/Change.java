package org.patchwork.ui.tracker.internal;

import java.util.List;
import java.util.Objects;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.SongEdit;

/**
 * What one gesture of the pattern editor changes: sequencer edits applied in order, recorded as
 * one journal entry so one undo takes them all back.
 *
 * @param label what the journal and the Undo menu show
 * @param edits the sequencer edits, at least one
 * @param mergeKey see {@link org.patchwork.ui.shell.Edit#mergeKey()}: one spinner gesture is one
 *     entry; null for an entry of its own (used only with one edit)
 */
record Change(String label, List<Edit> edits, String mergeKey) {

  /** A change recorded as an entry of its own. */
  Change(String label, List<Edit> edits) {
    this(label, edits, null);
  }

  /** Copies the list; checks it is not empty. */
  Change {
    Objects.requireNonNull(label, "label");
    edits = List.copyOf(edits);
    if (edits.isEmpty()) {
      throw new IllegalArgumentException("a change needs at least one edit");
    }
  }

  /** {@code song} with every edit made. */
  Song apply(Song song) {
    Song s = song;
    for (Edit e : edits) {
      s = e.apply(s);
    }
    return s;
  }

  /** The workbench edit: a {@link SongEdit} for one sequencer edit, else a {@link SongBatch}. */
  org.patchwork.ui.shell.Edit toWorkbench() {
    return edits.size() == 1 ? new SongEdit(label, edits.getFirst(), mergeKey) : new SongBatch(label, edits);
  }
}

package org.patchwork.ui.shell;

import java.time.Instant;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.Project;

/**
 * One recorded edit with the project before and after it (both immutable, so undo and redo are
 * exact).
 *
 * @param sequence increases with every recorded entry
 * @param time when the (last merged) edit was applied
 * @param edit the edit, or the last of a merged gesture
 * @param before the project before the first edit of the entry
 * @param after the project after the last one
 */
@ProviderType
public record JournalEntry(long sequence, Instant time, Edit edit, Project before, Project after) {

  /** Checks for null. */
  public JournalEntry {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(edit, "edit");
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /** The edit's label. */
  public String label() {
    return edit.label();
  }
}

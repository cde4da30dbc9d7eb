package org.patchwork.ui.shell.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.patchwork.ui.shell.EditJournal;
import org.patchwork.ui.shell.JournalEntry;

/**
 * The workbench's own journal: a list with an undo position, bounded in length. Consecutive
 * edits with the same merge key less than {@link #MERGE_WINDOW} apart become one entry (one
 * fader drag, one undo). Thread: the model thread, except {@link #entries()}.
 */
final class MemoryJournal implements EditJournal {

  /** Edits of one gesture arrive many times a second; a pause this long starts a new entry. */
  static final Duration MERGE_WINDOW = Duration.ofMillis(1500);
  private static final int LIMIT = 1000;

  private final List<JournalEntry> entries = new ArrayList<>();
  private int position;
  private volatile List<JournalEntry> applied = List.of();

  @Override
  public void record(JournalEntry entry) {
    while (entries.size() > position) {
      entries.removeLast();
    }
    JournalEntry last = entries.isEmpty() ? null : entries.getLast();
    String key = entry.edit().mergeKey();
    if (last != null && key != null && key.equals(last.edit().mergeKey())
        && Duration.between(last.time(), entry.time()).compareTo(MERGE_WINDOW) < 0
        && Objects.equals(last.after(), entry.before())) {
      entries.set(entries.size() - 1, new JournalEntry(last.sequence(), entry.time(), entry.edit(), last.before(),
          entry.after()));
    } else {
      entries.add(entry);
      if (entries.size() > LIMIT) {
        entries.removeFirst();
      }
    }
    position = entries.size();
    publish();
  }

  @Override
  public List<JournalEntry> entries() {
    return applied;
  }

  @Override
  public Optional<JournalEntry> undo() {
    if (position == 0) {
      return Optional.empty();
    }
    position--;
    publish();
    return Optional.of(entries.get(position));
  }

  @Override
  public Optional<JournalEntry> redo() {
    if (position == entries.size()) {
      return Optional.empty();
    }
    position++;
    publish();
    return Optional.of(entries.get(position - 1));
  }

  @Override
  public int redoable() {
    return entries.size() - position;
  }

  @Override
  public void clear() {
    entries.clear();
    position = 0;
    publish();
  }

  @Override
  public Optional<JournalEntry> nextRedo() {
    return position < entries.size() ? Optional.of(entries.get(position)) : Optional.empty();
  }

  private void publish() {
    applied = List.copyOf(entries.subList(0, position));
  }
}

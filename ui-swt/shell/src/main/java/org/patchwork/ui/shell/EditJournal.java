package org.patchwork.ui.shell;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Where the workbench records applied edits, for undo and redo and for anyone who wants the
 * history (the sequencer's undo journal can take this role by registering an implementation as
 * a service). The workbench keeps an in-memory one otherwise.
 *
 * <pre>{@code
 * journal.record(entry);               // model thread, after an edit was applied
 * journal.undo().map(JournalEntry::before).ifPresent(document::set);
 * }</pre>
 *
 * <p>Thread: the workbench's model thread calls every method; {@link #entries()} may also be
 * read from any thread and returns an immutable copy.
 */
@ConsumerType
public interface EditJournal {

  /**
   * Records an applied edit. Entries after the undo position are dropped (a new edit ends the
   * redo history). An entry whose edit has the same {@link Edit#mergeKey()} as the last one,
   * recorded shortly after it, may be merged into it (keeping the first entry's {@code before}).
   */
  void record(JournalEntry entry);

  /** The applied entries, oldest first (without those undone). */
  List<JournalEntry> entries();

  /** Steps back: the entry to take back (restore its {@code before}), if any. */
  Optional<JournalEntry> undo();

  /** Steps forward again: the entry to re-apply (restore its {@code after}), if any. */
  Optional<JournalEntry> redo();

  /** Entries that {@link #redo()} can bring back. */
  int redoable();

  /** The entry {@link #redo()} would bring back next, without moving. */
  Optional<JournalEntry> nextRedo();

  /** Forgets everything, as when another project is opened. */
  void clear();
}

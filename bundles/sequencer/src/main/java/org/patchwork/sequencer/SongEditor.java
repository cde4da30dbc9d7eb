package org.patchwork.sequencer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The mutable face of an immutable {@link Song}: applies {@link Edit}s, keeps unlimited undo and
 * redo, and writes every step (edits, undos, redos) to an append-only journal. Replaying the
 * journal from {@link Song#empty()} with {@link #replay} rebuilds the same song and the same
 * undo and redo history.
 *
 * <pre>{@code
 * SongEditor editor = new SongEditor();
 * editor.apply(new Edit.SetBpm(new BigDecimal("128")));
 * editor.undo();
 * String json = JournalJson.write(editor.journal());
 * SongEditor again = SongEditor.replay(JournalJson.read(json));   // again.song().equals(editor.song())
 * }</pre>
 *
 * <p>Undo keeps the songs before each edit; they share everything an edit did not touch, so a
 * cell edit costs one track column of one pattern. Thread: one thread at a time (the sequencer
 * thread); the songs it hands out are immutable and may go anywhere.
 */
@ProviderType
public final class SongEditor {

  private Song song;
  private final Deque<Song> undo = new ArrayDeque<>();
  private final Deque<Song> redo = new ArrayDeque<>();
  private final List<Edit> journal = new ArrayList<>();
  private long revision;

  /** An editor of an empty song. */
  public SongEditor() {
    this(Song.empty());
  }

  /** An editor starting from {@code song}, with an empty journal. */
  public SongEditor(Song song) {
    this.song = Objects.requireNonNull(song, "song");
  }

  /**
   * An editor that has made the steps of {@code journal} from an empty song.
   *
   * @throws IllegalArgumentException if a step does not fit the song it meets
   */
  public static SongEditor replay(List<Edit> journal) {
    return replay(Song.empty(), journal);
  }

  /**
   * An editor that has made the steps of {@code journal} from {@code base} (the song an editor
   * made with {@link #SongEditor(Song)} started from).
   *
   * @throws IllegalArgumentException if a step does not fit the song it meets
   */
  public static SongEditor replay(Song base, List<Edit> journal) {
    SongEditor e = new SongEditor(base);
    for (int i = 0; i < journal.size(); i++) {
      try {
        e.step(journal.get(i));
      } catch (IllegalArgumentException | IllegalStateException ex) {
        throw new IllegalArgumentException("journal entry " + i + ": " + ex.getMessage(), ex);
      }
    }
    return e;
  }

  /**
   * Makes an edit, or an {@link Edit.Undo}/{@link Edit.Redo} step.
   *
   * @return the song now
   * @throws IllegalArgumentException if the edit does not fit; nothing changes
   * @throws IllegalStateException for an undo or redo with nothing to undo or redo
   */
  public Song step(Edit edit) {
    switch (edit) {
      case Edit.Undo u -> {
        if (!undo()) {
          throw new IllegalStateException("nothing to undo");
        }
      }
      case Edit.Redo r -> {
        if (!redo()) {
          throw new IllegalStateException("nothing to redo");
        }
      }
      default -> apply(edit);
    }
    return song;
  }

  /**
   * Makes an edit; the redo history is dropped.
   *
   * @return the song now
   * @throws IllegalArgumentException if the edit does not fit; nothing changes
   */
  public Song apply(Edit edit) {
    if (edit instanceof Edit.Undo || edit instanceof Edit.Redo) {
      return step(edit);
    }
    Song next = edit.apply(song);
    undo.push(song);
    redo.clear();
    journal.add(edit);
    song = next;
    revision++;
    return song;
  }

  /** Undoes the last edit not yet undone. @return false if there is none */
  public boolean undo() {
    if (undo.isEmpty()) {
      return false;
    }
    redo.push(song);
    song = undo.pop();
    journal.add(new Edit.Undo());
    revision++;
    return true;
  }

  /** Redoes the last undone edit. @return false if there is none */
  public boolean redo() {
    if (redo.isEmpty()) {
      return false;
    }
    undo.push(song);
    song = redo.pop();
    journal.add(new Edit.Redo());
    revision++;
    return true;
  }

  /** The song now. */
  public Song song() {
    return song;
  }

  /** Every step so far, oldest first; a copy. */
  public List<Edit> journal() {
    return List.copyOf(journal);
  }

  /** Edits that {@link #undo()} can undo. */
  public int undoDepth() {
    return undo.size();
  }

  /** Edits that {@link #redo()} can redo. */
  public int redoDepth() {
    return redo.size();
  }

  /** Increases with every step. */
  public long revision() {
    return revision;
  }
}

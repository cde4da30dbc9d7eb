package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One line of one track in a pattern: its note columns and effect columns. Trailing empty cells
 * are dropped, so two lines that show the same are equal whatever was cleared to get there.
 *
 * @param notes note columns from the left; missing ones are empty
 * @param effects effect columns from the left; missing ones are empty
 */
@ProviderType
public record Line(List<NoteCell> notes, List<EffectCell> effects) {

  /** A line with nothing in it. */
  public static final Line EMPTY = new Line(List.of(), List.of());

  /** Copies the cells and trims trailing empty ones. */
  public Line {
    notes = trim(notes, NoteCell.EMPTY);
    effects = trim(effects, EffectCell.EMPTY);
  }

  /** A line with one note. */
  public static Line of(NoteCell note) {
    return new Line(List.of(note), List.of());
  }

  /** A line with one note and one effect. */
  public static Line of(NoteCell note, EffectCell effect) {
    return new Line(List.of(note), List.of(effect));
  }

  /** Note column {@code column}; empty past the last. */
  public NoteCell note(int column) {
    return column < notes.size() ? notes.get(column) : NoteCell.EMPTY;
  }

  /** Effect column {@code column}; empty past the last. */
  public EffectCell effect(int column) {
    return column < effects.size() ? effects.get(column) : EffectCell.EMPTY;
  }

  /** This line with note column {@code column} replaced. */
  public Line withNote(int column, NoteCell cell) {
    return new Line(set(notes, column, cell, NoteCell.EMPTY), effects);
  }

  /** This line with effect column {@code column} replaced. */
  public Line withEffect(int column, EffectCell cell) {
    return new Line(notes, set(effects, column, cell, EffectCell.EMPTY));
  }

  /** This line without the columns from {@code notes} and {@code effects} on. */
  public Line truncate(int noteColumns, int effectColumns) {
    return new Line(notes.subList(0, Math.min(noteColumns, notes.size())),
        effects.subList(0, Math.min(effectColumns, effects.size())));
  }

  /** Whether the line holds nothing. */
  public boolean isEmpty() {
    return notes.isEmpty() && effects.isEmpty();
  }

  private static <T> List<T> set(List<T> cells, int column, T cell, T empty) {
    List<T> copy = new ArrayList<>(cells);
    while (copy.size() <= column) {
      copy.add(empty);
    }
    copy.set(column, cell == null ? empty : cell);
    return copy;
  }

  private static <T> List<T> trim(List<T> cells, T empty) {
    if (cells == null) {
      return List.of();
    }
    int n = cells.size();
    while (n > 0 && (cells.get(n - 1) == null || cells.get(n - 1).equals(empty))) {
      n--;
    }
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(cells.get(i) == null ? empty : cells.get(i));
    }
    return List.copyOf(out);
  }
}

package org.patchwork.ui.tracker.internal;

import java.util.List;

/**
 * Copied cells: for each copied grid column its kind and its cells, line by line. The editor's
 * own clipboard (cells, not text), kept while the panel lives.
 *
 * @param effect per column, whether it came from an effect column
 * @param cells per column, one {@link org.patchwork.sequencer.NoteCell} or
 *     {@link org.patchwork.sequencer.EffectCell} per line
 */
record Clip(List<Boolean> effect, List<List<Object>> cells) {

  /** Copies the lists; every column has as many lines. */
  Clip {
    effect = List.copyOf(effect);
    cells = cells.stream().map(List::copyOf).toList();
    if (effect.size() != cells.size() || cells.stream().map(List::size).distinct().count() > 1) {
      throw new IllegalArgumentException("a clip's columns must all have the same lines");
    }
  }

  int lines() {
    return cells.isEmpty() ? 0 : cells.getFirst().size();
  }

  int columns() {
    return cells.size();
  }
}

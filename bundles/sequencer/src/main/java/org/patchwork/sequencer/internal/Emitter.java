package org.patchwork.sequencer.internal;

import org.patchwork.sequencer.SongEvent;

/** What a {@link TrackPlayer} or {@link Automator} needs of the {@link Player}: time and output. */
interface Emitter {

  /** The frame at {@code fraction} of the current line after its start (groove not included). */
  long frameAt(Rational fraction);

  /** The current line's groove offset, a fraction of the line. */
  Rational groove();

  /** Ticks per line in force. */
  int ticksPerLine();

  /** Hands an event on (dropped while chasing). */
  void emit(SongEvent event);

  /** A fresh note id. */
  int nextNoteId();
}

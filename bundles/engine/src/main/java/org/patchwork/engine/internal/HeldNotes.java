package org.patchwork.engine.internal;

import org.patchwork.sdk.module.Event;

/**
 * The notes an instrument node holds at a block boundary (started, not yet released), with
 * each note's latest expression. When a new instance of the node's module fades in during a
 * hot-swap it has heard none of them, so they are replayed to it as note-ons at the first frame
 * of its first block: a held chord keeps sounding across the swap. Fixed capacity, no
 * allocation; notes beyond it are not replayed.
 */
final class HeldNotes {

  static final int CAPACITY = 256;

  private static final int ON = Event.Type.NOTE_ON.ordinal();
  private static final int OFF = Event.Type.NOTE_OFF.ordinal();
  private static final int ALL_OFF = Event.Type.ALL_NOTES_OFF.ordinal();
  private static final int EXPRESSION = Event.Type.NOTE_EXPRESSION.ordinal();

  private final int[] noteId = new int[CAPACITY];
  private final int[] key = new int[CAPACITY];
  private final float[] velocity = new float[CAPACITY];
  private final double[] expression = new double[CAPACITY];
  private int count;

  /** Applies one block's events, in order. Thread: audio. */
  void update(EventList events) {
    for (int i = 0, n = events.count(); i < n; i++) {
      int t = events.typeAt(i);
      if (t == ON) {
        if (count < CAPACITY) {
          noteId[count] = events.noteIdAt(i);
          key[count] = events.keyAt(i);
          velocity[count] = events.velocityAt(i);
          expression[count] = 0;
          count++;
        }
      } else if (t == OFF) {
        release(events.noteIdAt(i), events.keyAt(i));
      } else if (t == ALL_OFF) {
        count = 0;
      } else if (t == EXPRESSION) {
        int id = events.noteIdAt(i);
        for (int k = 0; k < count; k++) {
          if (noteId[k] == id) {
            expression[k] = events.valueAt(i);
          }
        }
      }
    }
  }

  /** Removes the note {@code id}, or (without an id) the oldest note on {@code k}. */
  private void release(int id, int k) {
    for (int i = 0; i < count; i++) {
      if (id >= 0 ? noteId[i] == id : key[i] == k) {
        count--;
        System.arraycopy(noteId, i + 1, noteId, i, count - i);
        System.arraycopy(key, i + 1, key, i, count - i);
        System.arraycopy(velocity, i + 1, velocity, i, count - i);
        System.arraycopy(expression, i + 1, expression, i, count - i);
        return;
      }
    }
  }

  /** Writes the held notes into {@code out} as note-ons (and expressions) at frame 0. */
  void replayInto(EventList out) {
    out.clear();
    for (int i = 0; i < count; i++) {
      out.add(0, Event.Type.NOTE_ON, key[i], velocity[i], noteId[i], 0);
      if (expression[i] != 0) {
        out.add(0, Event.Type.NOTE_EXPRESSION, key[i], 0f, noteId[i], expression[i]);
      }
    }
  }

  int count() {
    return count;
  }
}

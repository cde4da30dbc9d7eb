package org.patchwork.sdk.module;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A timestamped event inside a block: a note starting or ending, or a parameter value set at an
 * exact frame. A read-only view of a slot the host reuses; copy what you need to keep.
 *
 * <p>Thread: audio.
 */
@ProviderType
public interface Event {

  /** Kinds of events. */
  @ProviderType
  enum Type {
    /** A note starts: {@link #key()}, {@link #velocity()}, {@link #noteId()}. */
    NOTE_ON,
    /** A note is released: {@link #key()}, {@link #noteId()}. */
    NOTE_OFF,
    /** Stop every sound at once (panic, note cut). */
    ALL_NOTES_OFF,
    /** A per-note expression such as pitch bend in semitones: {@link #noteId()}, {@link #value()}. */
    NOTE_EXPRESSION
  }

  /** The frame inside the block, 0..frames-1, at which the event takes effect. */
  int frame();

  /** What happened. */
  Type type();

  /** MIDI key number 0..127 (60 is middle C) for note events; -1 otherwise. */
  int key();

  /** Velocity 0..1 for note events. */
  float velocity();

  /** An id that pairs a note's on and off and its expressions; -1 if not a note event. */
  int noteId();

  /** The value carried by {@link Type#NOTE_EXPRESSION} events; 0 otherwise. */
  double value();
}

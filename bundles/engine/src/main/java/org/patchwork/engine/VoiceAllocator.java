package org.patchwork.engine;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Assigns notes to a fixed number of voices, for polyphonic modules (and later the sequencer).
 * A released voice keeps sounding its release tail until the module reports it silent, and is
 * only reused before then when no voice is free. When every voice is busy, one is stolen:
 * releasing voices before held ones, and among those the oldest or the quietest.
 *
 * <pre>{@code
 * VoiceAllocator voices = new VoiceAllocator(8, VoiceAllocator.Stealing.OLDEST);   // in activate
 * // in process, for each event:
 * case NOTE_ON -> { int v = voices.noteOn(e.noteId(), e.key(), e.velocity()); start(v, e.key()); }
 * case NOTE_OFF -> { int v = voices.noteOff(e.noteId(), e.key()); if (v >= 0) release(v); }
 * // after rendering each voice:
 * voices.level(v, envelope[v]);          // 0 on a releasing voice frees it
 * }</pre>
 *
 * <p>Allocation-free after construction; not thread-safe (use it on the audio thread only).
 */
@ProviderType
public final class VoiceAllocator {

  /** Which busy voice to take over when all are busy. */
  @ProviderType
  public enum Stealing {
    /** The voice whose note started first. */
    OLDEST,
    /** The voice with the lowest reported level. */
    QUIETEST
  }

  private static final byte FREE = 0;
  private static final byte HELD = 1;
  private static final byte RELEASING = 2;

  private final Stealing stealing;
  private final byte[] state;
  private final int[] noteId;
  private final int[] key;
  private final long[] started;
  private final float[] level;
  private long clock;
  private int lastStolen = -1;

  /**
   * @param voices how many notes can sound at once, 1..1024
   * @throws IllegalArgumentException "voices must be within 1..1024: 0"
   */
  public VoiceAllocator(int voices, Stealing stealing) {
    if (voices < 1 || voices > 1024) {
      throw new IllegalArgumentException("voices must be within 1..1024: " + voices);
    }
    if (stealing == null) {
      throw new IllegalArgumentException("stealing must not be null");
    }
    this.stealing = stealing;
    state = new byte[voices];
    noteId = new int[voices];
    key = new int[voices];
    started = new long[voices];
    level = new float[voices];
  }

  /**
   * A note starts: returns the voice that plays it. If that voice was busy, {@link
   * #lastStolenNoteId()} tells which note it was playing (the module should cut it quickly).
   *
   * @param velocity 0..1, taken as the voice's level until {@link #level} says otherwise
   */
  public int noteOn(int id, int midiKey, float velocity) {
    int v = pick();
    lastStolen = state[v] == FREE ? -1 : noteId[v];
    state[v] = HELD;
    noteId[v] = id;
    key[v] = midiKey;
    started[v] = clock++;
    level[v] = velocity;
    return v;
  }

  /**
   * A note is released: its voice starts its release tail. Matches by note id, or by key when
   * {@code id} is negative; when several voices hold the key, the oldest is released.
   *
   * @return the voice released, or -1 if no held voice plays that note (already stolen)
   */
  public int noteOff(int id, int midiKey) {
    int found = -1;
    for (int v = 0; v < state.length; v++) {
      if (state[v] == HELD && (id >= 0 ? noteId[v] == id : key[v] == midiKey)
          && (found < 0 || started[v] < started[found])) {
        found = v;
      }
    }
    if (found >= 0) {
      state[found] = RELEASING;
    }
    return found;
  }

  /** The module reports a voice's current level; a releasing voice at 0 becomes free. */
  public void level(int voice, float value) {
    level[voice] = value;
    if (state[voice] == RELEASING && value <= 0f) {
      state[voice] = FREE;
    }
  }

  /** The voice finished its release tail (or was cut): it is free. */
  public void free(int voice) {
    state[voice] = FREE;
  }

  /** Every voice is free at once (panic, all notes off). */
  public void reset() {
    java.util.Arrays.fill(state, FREE);
    lastStolen = -1;
  }

  /** The note id the last {@link #noteOn} took its voice from, or -1 if the voice was free. */
  public int lastStolenNoteId() {
    return lastStolen;
  }

  /** Number of voices. */
  public int voices() {
    return state.length;
  }

  /** Voices held or releasing. */
  public int activeCount() {
    int n = 0;
    for (byte s : state) {
      n += s == FREE ? 0 : 1;
    }
    return n;
  }

  /** Whether the voice sounds (held or in its release tail). */
  public boolean isActive(int voice) {
    return state[voice] != FREE;
  }

  /** Whether the voice's key is still down. */
  public boolean isHeld(int voice) {
    return state[voice] == HELD;
  }

  /** Whether the voice is in its release tail. */
  public boolean isReleasing(int voice) {
    return state[voice] == RELEASING;
  }

  /** The note id the voice plays (meaningful while active). */
  public int noteId(int voice) {
    return noteId[voice];
  }

  /** The key the voice plays (meaningful while active). */
  public int key(int voice) {
    return key[voice];
  }

  private int pick() {
    int releasing = -1;
    int held = -1;
    for (int v = 0; v < state.length; v++) {
      if (state[v] == FREE) {
        return v;
      }
      if (state[v] == RELEASING) {
        releasing = better(releasing, v);
      } else {
        held = better(held, v);
      }
    }
    return releasing >= 0 ? releasing : held;
  }

  /** The better victim of two voices under the stealing policy; ties go to the older. */
  private int better(int current, int candidate) {
    if (current < 0) {
      return candidate;
    }
    if (stealing == Stealing.QUIETEST && level[candidate] != level[current]) {
      return level[candidate] < level[current] ? candidate : current;
    }
    return started[candidate] < started[current] ? candidate : current;
  }
}

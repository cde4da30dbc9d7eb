package org.patchwork.bus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One slot of the {@link EngineRing}: a flat, mutable record that the ring allocates once and
 * the model thread fills in place. Which fields mean something depends on {@link #kind()}.
 *
 * <p>Frames are absolute engine frames (frames the engine has processed since it started). An
 * event whose frame has already passed takes effect at the first frame of the next block.
 *
 * <p>Thread: written by the model thread while it owns the slot, read by the audio thread
 * while it drains the ring.
 */
@ProviderType
public final class EngineMessage {

  /** What a message asks the engine to do. */
  @ProviderType
  public enum Kind {
    /** A note starts: {@link #target()} track, {@link #noteId()}, {@link #key()}, {@link #velocity()}. */
    NOTE_ON,
    /** A note is released: {@link #target()} track, {@link #noteId()}, {@link #key()}. */
    NOTE_OFF,
    /** Every note of track {@link #target()} stops at once. */
    ALL_NOTES_OFF,
    /** A per-note expression ({@link #value()}, e.g. bend in semitones) for {@link #noteId()}. */
    NOTE_EXPRESSION,
    /** Parameter {@link #parameter()} of node {@link #target()} moves to {@link #value()}. */
    PARAMETER,
    /** The transport starts playing from song frame {@link #position()}. */
    TRANSPORT_START,
    /** The transport stops. */
    TRANSPORT_STOP,
    /** The tempo becomes {@link #value()} beats per minute. */
    TEMPO,
    /** Replace the engine's compiled plan or mix snapshot by {@link #payload()}, at a block boundary. */
    SWAP
  }

  private Kind kind = Kind.SWAP;
  private long frame;
  private long position;
  private int target;
  private int noteId;
  private int key;
  private float velocity;
  private int parameter;
  private double value;
  private Object payload;

  EngineMessage() {
  }

  /** What this message is. */
  public Kind kind() {
    return kind;
  }

  /** Absolute engine frame at which it takes effect. */
  public long frame() {
    return frame;
  }

  /** Song frame the transport starts from ({@link Kind#TRANSPORT_START}). */
  public long position() {
    return position;
  }

  /** The track index for note messages, the node index for {@link Kind#PARAMETER}. */
  public int target() {
    return target;
  }

  /** Pairs a note's on, off and expressions; -1 when not a note message. */
  public int noteId() {
    return noteId;
  }

  /** MIDI key 0..127; -1 when not a note message. */
  public int key() {
    return key;
  }

  /** Velocity 0..1 of a note on. */
  public float velocity() {
    return velocity;
  }

  /** Parameter index in the module's descriptor ({@link Kind#PARAMETER}). */
  public int parameter() {
    return parameter;
  }

  /** Parameter value, expression value or tempo. */
  public double value() {
    return value;
  }

  /** The immutable object carried by {@link Kind#SWAP}; null otherwise. */
  public Object payload() {
    return payload;
  }

  /**
   * Returns the payload and clears the slot's reference to it, so a retired plan is not kept
   * alive by the ring until the slot is reused. Thread: the reader, while handling the message.
   */
  public Object takePayload() {
    Object p = payload;
    payload = null;
    return p;
  }

  // The fill methods below are this ring's translators: they take primitives, where the
  // Disruptor's EventTranslatorOneArg..ThreeArg take objects and would box every number.

  void note(Kind k, long at, int track, int id, int midiKey, float vel, double expression) {
    fill(k, at, track);
    noteId = id;
    key = midiKey;
    velocity = vel;
    value = expression;
  }

  void parameter(long at, int node, int index, double v) {
    fill(Kind.PARAMETER, at, node);
    parameter = index;
    value = v;
  }

  void transport(Kind k, long at, long songFrame, double tempo) {
    fill(k, at, -1);
    position = songFrame;
    value = tempo;
  }

  void swap(Object snapshot) {
    fill(Kind.SWAP, 0, -1);
    payload = snapshot;
  }

  private void fill(Kind k, long at, int t) {
    kind = k;
    frame = at;
    target = t;
    position = 0;
    noteId = -1;
    key = -1;
    velocity = 0f;
    parameter = -1;
    value = 0;
    payload = null;
  }

  @Override
  public String toString() {
    return kind + "@" + frame + " target=" + target + " note=" + noteId + " key=" + key
        + " vel=" + velocity + " param=" + parameter + " value=" + value;
  }
}

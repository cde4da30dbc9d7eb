package org.patchwork.bus;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One slot of the {@link EngineRing}, as the reader sees it: a view over the ring's flat storage
 * (four {@code long}s per slot in one pre-allocated array, two slots per cache line), pointed at
 * each slot in turn while the ring is drained. Which fields mean something depends on
 * {@link #kind()}. A handler must not keep the view: it shows the next slot once it returns.
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

  // The ring's flat storage: SLOT longs per slot, the packing below; swaps' objects beside it.
  //   [0] frame
  //   [1] target << 32 | (noteId, or parameter for PARAMETER, as an unsigned int)
  //   [2] kind ordinal << 56 | (key & 0xffff) << 32 | velocity's float bits
  //   [3] position for TRANSPORT_START, otherwise value's double bits
  static final int SLOT = 4;
  private static final Kind[] KINDS = Kind.values();

  private final long[] data;
  private final Object[] payloads;
  private int base;
  private int slot;

  EngineMessage(long[] data, Object[] payloads) {
    this.data = data;
    this.payloads = payloads;
  }

  /** Points this view at ring slot {@code index}. Thread: the reader. */
  EngineMessage at(int index) {
    slot = index;
    base = index * SLOT;
    return this;
  }

  /** What this message is. */
  public Kind kind() {
    return KINDS[(int) (data[base + 2] >>> 56)];
  }

  /** Absolute engine frame at which it takes effect. */
  public long frame() {
    return data[base];
  }

  /** Song frame the transport starts from ({@link Kind#TRANSPORT_START}). */
  public long position() {
    return kind() == Kind.TRANSPORT_START ? data[base + 3] : 0;
  }

  /** The track index for note messages, the node index for {@link Kind#PARAMETER}. */
  public int target() {
    return (int) (data[base + 1] >> 32);
  }

  /** Pairs a note's on, off and expressions; -1 when not a note message. */
  public int noteId() {
    return kind() == Kind.PARAMETER ? -1 : (int) data[base + 1];
  }

  /** MIDI key 0..127; -1 when not a note message. */
  public int key() {
    return (short) (data[base + 2] >>> 32);
  }

  /** Velocity 0..1 of a note on. */
  public float velocity() {
    return Float.intBitsToFloat((int) data[base + 2]);
  }

  /** Parameter index in the module's descriptor ({@link Kind#PARAMETER}). */
  public int parameter() {
    return kind() == Kind.PARAMETER ? (int) data[base + 1] : -1;
  }

  /** Parameter value, expression value or tempo. */
  public double value() {
    return kind() == Kind.TRANSPORT_START ? 0 : Double.longBitsToDouble(data[base + 3]);
  }

  /** The immutable object carried by {@link Kind#SWAP}; null otherwise. */
  public Object payload() {
    return kind() == Kind.SWAP ? payloads[slot] : null;
  }

  /**
   * Returns the payload and clears the slot's reference to it, so a retired plan is not kept
   * alive by the ring until the slot is reused. Thread: the reader, while handling the message.
   */
  public Object takePayload() {
    Object p = payload();
    payloads[slot] = null;
    return p;
  }

  // The fill methods below are this ring's translators: they take primitives and write the
  // slot's longs in place, so nothing is boxed or allocated. Thread: the producer, on a slot it
  // has claimed and not yet published.

  static void note(long[] data, Object[] payloads, int index, Kind k, long at, int track, int id, int midiKey, float vel,
      double expression) {
    write(data, payloads, index, k, at, track, id, midiKey, vel, Double.doubleToRawLongBits(expression));
  }

  static void parameter(long[] data, Object[] payloads, int index, long at, int node, int parameterIndex, double v) {
    write(data, payloads, index, Kind.PARAMETER, at, node, parameterIndex, -1, 0f, Double.doubleToRawLongBits(v));
  }

  static void transport(long[] data, Object[] payloads, int index, Kind k, long at, long songFrame, double tempo) {
    write(data, payloads, index, k, at, -1, -1, -1, 0f,
        k == Kind.TRANSPORT_START ? songFrame : Double.doubleToRawLongBits(tempo));
  }

  static void swap(long[] data, Object[] payloads, int index, Object snapshot) {
    write(data, payloads, index, Kind.SWAP, 0, -1, -1, -1, 0f, Double.doubleToRawLongBits(0));
    payloads[index] = snapshot;
  }

  private static void write(long[] data, Object[] payloads, int index, Kind k, long at, int target, int idOrParameter, int midiKey,
      float vel, long last) {
    int b = index * SLOT;
    data[b] = at;
    data[b + 1] = (long) target << 32 | (idOrParameter & 0xffff_ffffL);
    data[b + 2] = (long) k.ordinal() << 56 | (midiKey & 0xffffL) << 32
        | (Float.floatToRawIntBits(vel) & 0xffff_ffffL);
    data[b + 3] = last;
    // A plan the reader never took must not stay alive until a swap reuses the slot. (A read
    // first: the store, with its GC barrier, is only needed after an untaken swap.)
    if (payloads[index] != null) {
      payloads[index] = null;
    }
  }

  @Override
  public String toString() {
    return kind() + "@" + frame() + " target=" + target() + " note=" + noteId() + " key=" + key()
        + " vel=" + velocity() + " param=" + parameter() + " value=" + value();
  }
}

package org.patchwork.engine.internal;

import org.patchwork.sdk.module.Event;

/**
 * A node's events for one block in flat arrays, and the single reusable {@link Event} view a
 * module reads them through.
 */
final class EventList implements Event {

  /** Events a node takes per block; more are dropped and reported. */
  static final int CAPACITY = 1024;

  private static final Event.Type[] TYPES = Event.Type.values();

  private final int capacity;
  private final int[] frame;
  private final int[] type;
  private final int[] key;
  private final float[] velocity;
  private final int[] noteId;
  private final double[] value;
  private int count;
  private int at;

  EventList() {
    this(CAPACITY);
  }

  EventList(int capacity) {
    this.capacity = capacity;
    frame = new int[capacity];
    type = new int[capacity];
    key = new int[capacity];
    velocity = new float[capacity];
    noteId = new int[capacity];
    value = new double[capacity];
  }

  /** Appends an event; events arrive in frame order. @return false when full */
  boolean add(int offset, Event.Type t, int k, float vel, int id, double v) {
    if (count == capacity) {
      return false;
    }
    frame[count] = offset;
    type[count] = t.ordinal();
    key[count] = k;
    velocity[count] = vel;
    noteId[count] = id;
    value[count] = v;
    count++;
    return true;
  }

  int count() {
    return count;
  }

  /** The raw fields of event {@code i}, for copying without the view. */
  int frameAt(int i) {
    return frame[i];
  }

  int typeAt(int i) {
    return type[i];
  }

  int keyAt(int i) {
    return key[i];
  }

  float velocityAt(int i) {
    return velocity[i];
  }

  int noteIdAt(int i) {
    return noteId[i];
  }

  double valueAt(int i) {
    return value[i];
  }

  Event view(int index) {
    at = index;
    return this;
  }

  void clear() {
    count = 0;
  }

  @Override
  public int frame() {
    return frame[at];
  }

  @Override
  public Type type() {
    return TYPES[type[at]];
  }

  @Override
  public int key() {
    return key[at];
  }

  @Override
  public float velocity() {
    return velocity[at];
  }

  @Override
  public int noteId() {
    return noteId[at];
  }

  @Override
  public double value() {
    return value[at];
  }
}

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

  private final int[] frame = new int[CAPACITY];
  private final int[] type = new int[CAPACITY];
  private final int[] key = new int[CAPACITY];
  private final float[] velocity = new float[CAPACITY];
  private final int[] noteId = new int[CAPACITY];
  private final double[] value = new double[CAPACITY];
  private int count;
  private int at;

  /** Appends an event; events arrive in frame order. @return false when full */
  boolean add(int offset, Event.Type t, int k, float vel, int id, double v) {
    if (count == CAPACITY) {
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

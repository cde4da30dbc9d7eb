package org.patchwork.engine.internal;

import org.patchwork.bus.EngineMessage;

/**
 * Timestamped events waiting for their block, kept sorted by frame in flat arrays. Events with
 * equal frames keep the order they arrived in (a note-off published before a note-on at the
 * same frame stays before it). Insertion scans from the end, which is O(1) for the usual,
 * already-ordered stream.
 */
final class Scheduler {

  private final long[] frame;
  private final int[] kind;
  private final int[] target;
  private final int[] noteId;
  private final int[] key;
  private final float[] velocity;
  private final int[] parameter;
  private final double[] value;
  private int count;

  Scheduler(int capacity) {
    frame = new long[capacity];
    kind = new int[capacity];
    target = new int[capacity];
    noteId = new int[capacity];
    key = new int[capacity];
    velocity = new float[capacity];
    parameter = new int[capacity];
    value = new double[capacity];
  }

  /** Copies a note or parameter message in. @return false when full */
  boolean add(EngineMessage m) {
    if (count == frame.length) {
      return false;
    }
    int i = count;
    long at = m.frame();
    while (i > 0 && frame[i - 1] > at) {
      i--;
    }
    if (i < count) {
      int n = count - i;
      System.arraycopy(frame, i, frame, i + 1, n);
      System.arraycopy(kind, i, kind, i + 1, n);
      System.arraycopy(target, i, target, i + 1, n);
      System.arraycopy(noteId, i, noteId, i + 1, n);
      System.arraycopy(key, i, key, i + 1, n);
      System.arraycopy(velocity, i, velocity, i + 1, n);
      System.arraycopy(parameter, i, parameter, i + 1, n);
      System.arraycopy(value, i, value, i + 1, n);
    }
    frame[i] = at;
    kind[i] = m.kind().ordinal();
    target[i] = m.target();
    noteId[i] = m.noteId();
    key[i] = m.key();
    velocity[i] = m.velocity();
    parameter[i] = m.parameter();
    value[i] = m.value();
    count++;
    return true;
  }

  /** Number of events due before {@code end}: they are entries 0..n-1. */
  int due(long end) {
    int n = 0;
    while (n < count && frame[n] < end) {
      n++;
    }
    return n;
  }

  /** Forgets the first {@code n} entries. */
  void remove(int n) {
    if (n == 0) {
      return;
    }
    int rest = count - n;
    System.arraycopy(frame, n, frame, 0, rest);
    System.arraycopy(kind, n, kind, 0, rest);
    System.arraycopy(target, n, target, 0, rest);
    System.arraycopy(noteId, n, noteId, 0, rest);
    System.arraycopy(key, n, key, 0, rest);
    System.arraycopy(velocity, n, velocity, 0, rest);
    System.arraycopy(parameter, n, parameter, 0, rest);
    System.arraycopy(value, n, value, 0, rest);
    count = rest;
  }

  int size() {
    return count;
  }

  long frame(int i) {
    return frame[i];
  }

  int kind(int i) {
    return kind[i];
  }

  int target(int i) {
    return target[i];
  }

  int noteId(int i) {
    return noteId[i];
  }

  int key(int i) {
    return key[i];
  }

  float velocity(int i) {
    return velocity[i];
  }

  int parameter(int i) {
    return parameter[i];
  }

  double value(int i) {
    return value[i];
  }
}

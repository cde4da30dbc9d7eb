package org.patchwork.ui.shell.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.patchwork.bus.EngineRing;

/**
 * Events on their way from one thread to the audio thread, which moves them onto the engine
 * ring (whose only producer it is) at the start of each block: a bounded single-producer,
 * single-consumer queue of flat records, allocated once. The live session has two, one per
 * producer: the model thread's parameter changes (a playing project followed through edits)
 * and the controllers' notes played live.
 *
 * <p>A full inbox drops the event and counts it: for a parameter the project keeps the value
 * and the next plan carries it; a dropped note is lost.
 */
final class AudioInbox {

  private static final byte PARAMETER = 0;
  private static final byte NOTE_ON = 1;
  private static final byte NOTE_OFF = 2;

  private final int mask;
  private final byte[] kind;
  private final long[] frame;
  private final int[] target;
  private final int[] index;
  private final int[] key;
  private final float[] velocity;
  private final double[] value;
  private final AtomicLong head = new AtomicLong();
  private final AtomicLong tail = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /** @param capacity a power of 2 */
  AudioInbox(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of 2: " + capacity);
    }
    mask = capacity - 1;
    kind = new byte[capacity];
    frame = new long[capacity];
    target = new int[capacity];
    index = new int[capacity];
    key = new int[capacity];
    velocity = new float[capacity];
    value = new double[capacity];
  }

  /** A parameter change, played at the block that takes it. Thread: the producer. @return false if dropped */
  boolean parameter(int node, int parameter, double v) {
    return offer(PARAMETER, -1, node, parameter, -1, 0f, v);
  }

  /** A note-on from engine frame {@code at}. Thread: the producer. @return false if dropped */
  boolean noteOn(long at, int engineTrack, int noteId, int midiKey, float vel) {
    return offer(NOTE_ON, at, engineTrack, noteId, midiKey, vel, 0);
  }

  /** A note-off at engine frame {@code at}. Thread: the producer. @return false if dropped */
  boolean noteOff(long at, int engineTrack, int noteId, int midiKey) {
    return offer(NOTE_OFF, at, engineTrack, noteId, midiKey, 0f, 0);
  }

  private boolean offer(byte k, long at, int t, int i, int midiKey, float vel, double v) {
    long end = tail.get();
    if (end - head.get() > mask) {
      dropped.incrementAndGet();
      return false;
    }
    int slot = (int) (end & mask);
    kind[slot] = k;
    frame[slot] = at;
    target[slot] = t;
    index[slot] = i;
    key[slot] = midiKey;
    velocity[slot] = vel;
    value[slot] = v;
    tail.lazySet(end + 1);
    return true;
  }

  /**
   * Publishes every queued event on the ring: notes at their frames (or at {@code now} if that
   * has passed), parameter changes at {@code now}. Thread: audio; allocation-free.
   *
   * @return how many
   */
  int drain(EngineRing ring, long now) {
    long h = head.get();
    long t = tail.get();
    int n = 0;
    while (h < t && ring.remainingCapacity() > 0) {
      int s = (int) (h & mask);
      long at = Math.max(now, frame[s]);
      switch (kind[s]) {
        case NOTE_ON -> ring.noteOn(at, target[s], index[s], key[s], velocity[s]);
        case NOTE_OFF -> ring.noteOff(at, target[s], index[s], key[s]);
        default -> ring.parameter(now, target[s], index[s], value[s]);
      }
      h++;
      n++;
    }
    head.lazySet(h);
    return n;
  }

  /** Events dropped so far (the inbox was full). */
  long dropped() {
    return dropped.get();
  }
}

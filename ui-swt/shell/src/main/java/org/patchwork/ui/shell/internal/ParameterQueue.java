package org.patchwork.ui.shell.internal;

import java.util.concurrent.atomic.AtomicLong;
import org.patchwork.bus.EngineRing;

/**
 * Parameter changes from the model thread to the audio thread: a single-producer,
 * single-consumer queue of primitives, allocated once. The audio thread moves them onto the
 * engine ring (whose only producer it is) at the start of each block. A full queue drops the
 * change and counts it; the project keeps the value, and the next plan carries it.
 */
final class ParameterQueue {

  private final int mask;
  private final int[] node;
  private final int[] parameter;
  private final double[] value;
  private final AtomicLong head = new AtomicLong();
  private final AtomicLong tail = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();

  /** @param capacity a power of 2 */
  ParameterQueue(int capacity) {
    if (Integer.bitCount(capacity) != 1) {
      throw new IllegalArgumentException("capacity must be a power of 2: " + capacity);
    }
    mask = capacity - 1;
    node = new int[capacity];
    parameter = new int[capacity];
    value = new double[capacity];
  }

  /** Queues a change. Thread: the producer (model thread). @return false if dropped */
  boolean offer(int nodeIndex, int parameterIndex, double v) {
    long t = tail.get();
    if (t - head.get() > mask) {
      dropped.incrementAndGet();
      return false;
    }
    int i = (int) (t & mask);
    node[i] = nodeIndex;
    parameter[i] = parameterIndex;
    value[i] = v;
    tail.lazySet(t + 1);
    return true;
  }

  /** Moves every queued change onto the ring at {@code frame}. Thread: audio; allocation-free. */
  int drain(EngineRing ring, long frame) {
    long h = head.get();
    long t = tail.get();
    int n = 0;
    while (h < t && ring.remainingCapacity() > 0) {
      int i = (int) (h & mask);
      ring.parameter(frame, node[i], parameter[i], value[i]);
      h++;
      n++;
    }
    head.lazySet(h);
    return n;
  }

  /** Changes dropped so far. */
  long dropped() {
    return dropped.get();
  }
}

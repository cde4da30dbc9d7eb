package org.patchwork.engine.internal;

import org.patchwork.engine.FaultReason;

/**
 * Faults of one group of steps during a block, kept until the audio thread forwards them to
 * the engine's sink (which publishes telemetry and must stay on one thread). Fixed capacity,
 * no allocation: a node reports at most one fault (it is bypassed after it), so a group's
 * node count plus one for the engine is enough.
 */
final class FaultLog implements FaultSink {

  private final long[] frame;
  private final int[] node;
  private final FaultReason[] reason;
  private int count;

  FaultLog(int steps) {
    frame = new long[steps + 1];
    node = new int[steps + 1];
    reason = new FaultReason[steps + 1];
  }

  @Override
  public void fault(long at, int n, FaultReason r) {
    if (count < frame.length) {
      frame[count] = at;
      node[count] = n;
      reason[count] = r;
      count++;
    }
  }

  /** Hands the recorded faults to {@code sink}, in the order they happened, and forgets them. */
  void forward(FaultSink sink) {
    for (int i = 0; i < count; i++) {
      sink.fault(frame[i], node[i], reason[i]);
      reason[i] = null;
    }
    count = 0;
  }
}

package org.patchwork.engine.internal;

import org.patchwork.engine.FaultReason;

/** Receives faults on the audio thread; implementations count and publish without allocating. */
interface FaultSink {

  /** Node {@code node} (-1 for the engine) failed for {@code reason} at engine frame {@code frame}. */
  void fault(long frame, int node, FaultReason reason);
}

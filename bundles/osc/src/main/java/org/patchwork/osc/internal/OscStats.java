package org.patchwork.osc.internal;

import java.util.concurrent.atomic.LongAdder;

/** The server's counters; thread-safe. */
final class OscStats {

  /**
   * A snapshot.
   *
   * @param packets UDP packets received
   * @param messages messages in them (bundles flattened)
   * @param handled messages acted on (queued for the model thread, or answered)
   * @param malformed packets that are not OSC, refused whole
   * @param unknown messages to an address not in the address space
   * @param invalid messages to a known address with wrong arguments
   * @param dropped valid messages lost because the control ring was full
   * @param replies answers sent
   */
  record Snapshot(long packets, long messages, long handled, long malformed, long unknown, long invalid,
      long dropped, long replies) {
  }

  final LongAdder packets = new LongAdder();
  final LongAdder messages = new LongAdder();
  final LongAdder handled = new LongAdder();
  final LongAdder malformed = new LongAdder();
  final LongAdder unknown = new LongAdder();
  final LongAdder invalid = new LongAdder();
  final LongAdder dropped = new LongAdder();
  final LongAdder replies = new LongAdder();

  Snapshot snapshot() {
    return new Snapshot(packets.sum(), messages.sum(), handled.sum(), malformed.sum(), unknown.sum(),
        invalid.sum(), dropped.sum(), replies.sum());
  }
}

package org.patchwork.osc.internal;

import java.util.function.Consumer;

/**
 * Passes at most one message per interval to its sink and says how many were suppressed
 * meanwhile, so a device or a peer that floods bad data cannot flood the log. Thread-safe.
 */
final class RateLimitedLog {

  private final Consumer<String> sink;
  private final long intervalNanos;
  private long last = Long.MIN_VALUE;
  private long suppressed;

  /** @param intervalMillis the least time between two messages that reach the sink */
  RateLimitedLog(Consumer<String> sink, long intervalMillis) {
    this.sink = sink;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

  /** Logs {@code message} unless one was logged within the interval. */
  void warn(String message) {
    String out;
    synchronized (this) {
      long now = System.nanoTime();
      if (last != Long.MIN_VALUE && now - last < intervalNanos) {
        suppressed++;
        return;
      }
      out = suppressed == 0 ? message : message + " (" + suppressed + " similar messages suppressed)";
      suppressed = 0;
      last = now;
    }
    sink.accept(out);
  }
}

package org.patchwork.controllers.internal;

import java.util.function.Consumer;

/** At most one warning per interval reaches the sink; the count of the rest is appended. */
final class RateLimitedWarn {

  private final Consumer<String> sink;
  private final long intervalNanos;
  private long last = Long.MIN_VALUE;
  private long suppressed;

  RateLimitedWarn(Consumer<String> sink, long intervalMillis) {
    this.sink = sink;
    this.intervalNanos = intervalMillis * 1_000_000L;
  }

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

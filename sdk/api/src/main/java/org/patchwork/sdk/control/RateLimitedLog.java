package org.patchwork.sdk.control;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Passes at most one message per interval to its sink and says how many were suppressed
 * meanwhile, so a device, a peer or a profile that floods bad data cannot flood the log.
 * Input services (MIDI, OSC) and controller mappers share it. Thread-safe; never call it from
 * the audio thread (it may take a lock and the sink may do I/O).
 */
public final class RateLimitedLog {

  private final Consumer<String> sink;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private long last = Long.MIN_VALUE;
  private long suppressed;

  /** @param intervalMillis the least time between two messages that reach the sink */
  public RateLimitedLog(Consumer<String> sink, long intervalMillis) {
    this(sink, intervalMillis, System::nanoTime);
  }

  RateLimitedLog(Consumer<String> sink, long intervalMillis, LongSupplier nanoClock) {
    this.sink = sink;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.nanoClock = nanoClock;
  }

  /** Logs {@code message} unless one was logged within the interval. */
  public void warn(String message) {
    String out;
    synchronized (this) {
      long now = nanoClock.getAsLong();
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

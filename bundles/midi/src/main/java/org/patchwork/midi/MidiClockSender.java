package org.patchwork.midi;

import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sends MIDI clock: {@code F8} 24 times per quarter note at the tempo set, always (as hardware
 * does, so that followers know the tempo before the start), and {@code FA}/{@code FB}/{@code FC}
 * and song position pointers when told.
 *
 * <p>Clock {@code n} is due at {@code anchor + n·60·10⁹/(24·bpm)} ns, computed from the count, so
 * rounding never drifts; a tempo change re-anchors at the last clock sent. The thread parks until
 * each deadline (no busy wait).
 *
 * <pre>{@code
 * try (MidiClockSender clock = new MidiClockSender(bytes -> midi.send("jack:midi_out", bytes))) {
 *   clock.tempo(128);
 *   clock.start();
 * }
 * }</pre>
 */
@ProviderType
public final class MidiClockSender implements AutoCloseable {

  private static final byte[] CLOCK = {(byte) 0xF8};
  private static final byte[] START = {(byte) 0xFA};
  private static final byte[] CONTINUE = {(byte) 0xFB};
  private static final byte[] STOP = {(byte) 0xFC};

  private final Consumer<byte[]> out;
  private final Thread thread;
  private volatile boolean closed;
  private double bpm = 120;
  private long anchor;
  private long sentSinceAnchor;
  private long sent;

  /**
   * Starts sending clocks at 120 bpm.
   *
   * @param out takes each message (a shared array: copy it to keep it); called on the sender's
   *     thread, and on the caller's for start, stop, continue and position
   */
  public MidiClockSender(Consumer<byte[]> out) {
    this.out = out;
    this.anchor = System.nanoTime();
    this.thread = Thread.ofPlatform().name("patchwork-midi-clock-out").daemon().start(this::run);
  }

  /** Sets the tempo, 1..999 bpm; the next clock already follows it. */
  public synchronized void tempo(double beatsPerMinute) {
    if (!(beatsPerMinute >= 1 && beatsPerMinute <= 999)) {
      throw new IllegalArgumentException("tempo must be within 1..999 bpm: " + beatsPerMinute);
    }
    anchor = due(sentSinceAnchor);
    sentSinceAnchor = 0;
    bpm = beatsPerMinute;
    notifyAll();
  }

  /** Sends start ({@code FA}). */
  public void start() {
    out.accept(START);
  }

  /** Sends continue ({@code FB}). */
  public void resume() {
    out.accept(CONTINUE);
  }

  /** Sends stop ({@code FC}). */
  public void stop() {
    out.accept(STOP);
  }

  /** Sends a song position pointer, in sixteenth notes 0..16383. */
  public void position(int sixteenths) {
    if (sixteenths < 0 || sixteenths > 16383) {
      throw new IllegalArgumentException("song position must be within 0..16383 sixteenths: " + sixteenths);
    }
    out.accept(new byte[] {(byte) 0xF2, (byte) (sixteenths & 0x7F), (byte) (sixteenths >> 7)});
  }

  /** Clocks sent so far. */
  public synchronized long sent() {
    return sent;
  }

  private long due(long n) {
    return anchor + Math.round(n * 60e9 / (24 * bpm));
  }

  private void run() {
    while (!closed) {
      long deadline;
      synchronized (this) {
        deadline = due(sentSinceAnchor + 1);
      }
      long wait = deadline - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
        continue; // the tempo may have changed meanwhile: work the deadline out again
      }
      synchronized (this) {
        sentSinceAnchor++;
        sent++;
      }
      try {
        out.accept(CLOCK);
      } catch (RuntimeException e) {
        // a failing output must not end the clock; the port's own counters report it
      }
    }
  }

  /** Stops sending clocks and waits for the thread. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

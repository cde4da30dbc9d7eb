package org.patchwork.midi;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Follows an incoming MIDI clock: tempo from the 24-per-quarter-note clock bytes ({@code F8}),
 * start ({@code FA}), continue ({@code FB}), stop ({@code FC}) and song position pointer
 * ({@code F2}, in MIDI beats: sixteenth notes).
 *
 * <p>The tempo is the slope of a least-squares line through the arrival times of the last
 * {@value #WINDOW} clocks (two beats), so the jitter of single clocks averages out:
 * {@code bpm = 60·10⁹ / (24 · slope_ns_per_clock)}. A gap of more than a second between two
 * clocks starts the window afresh (the sender paused). A new tempo is reported when it differs
 * from the last reported one by {@value #REPORT_BPM} bpm or more.
 *
 * <pre>{@code
 * MidiClockFollower clock = new MidiClockFollower(listener);
 * midi.addListener(clock::accept);
 * }</pre>
 *
 * <p>Thread-safe; one follower should follow one port's clock.
 */
@ProviderType
public final class MidiClockFollower {

  /** Clocks in the tempo window. */
  public static final int WINDOW = 48;
  /** Smallest tempo change reported, in bpm. */
  public static final double REPORT_BPM = 0.05;
  private static final long GAP_NANOS = 1_000_000_000L;

  /** What the follower reports. Thread: whoever calls {@link #accept}. */
  @ConsumerType
  public interface Listener {
    /** {@code FA}: play from the song position (0 unless a pointer came first). */
    default void start(long nanos) {
    }

    /** {@code FB}: play on from where it stopped. */
    default void resume(long nanos) {
    }

    /** {@code FC}: stop. */
    default void stop(long nanos) {
    }

    /** {@code F2}: move to {@code sixteenths} sixteenth notes from the song's start. */
    default void position(int sixteenths, long nanos) {
    }

    /** The clock's tempo changed. */
    default void tempo(double bpm, long nanos) {
    }
  }

  private final Listener listener;
  private final long[] times = new long[WINDOW];
  private int count;
  private int next;
  private double tempo = Double.NaN;
  private double reported = Double.NaN;
  private boolean running;
  private long clocks;
  private int pointer;

  public MidiClockFollower(Listener listener) {
    this.listener = listener;
  }

  /** Takes any message; only the clock's are acted on. @return whether it was a clock message */
  public boolean accept(MidiEvent e) {
    double report = Double.NaN;
    long nanos = e.nanos();
    synchronized (this) {
      switch (e.status()) {
        case 0xF8 -> {
          if (count > 0 && nanos - times[(next + WINDOW - 1) % WINDOW] > GAP_NANOS) {
            count = 0;
          }
          times[next] = nanos;
          next = (next + 1) % WINDOW;
          count = Math.min(count + 1, WINDOW);
          if (running) {
            clocks++;
          }
          if (count >= 12) {
            tempo = 60e9 / (24 * slope());
            if (Double.isNaN(reported) || Math.abs(tempo - reported) >= REPORT_BPM) {
              reported = tempo;
              report = tempo;
            }
          }
        }
        case 0xFA -> {
          running = true;
          clocks = 0;
        }
        case 0xFB -> running = true;
        case 0xFC -> running = false;
        case 0xF2 -> {
          pointer = e.data1() | (e.data2() << 7);
          clocks = (long) pointer * 6;
        }
        default -> {
          return false;
        }
      }
    }
    switch (e.status()) {
      case 0xF8 -> {
        if (!Double.isNaN(report)) {
          listener.tempo(report, nanos);
        }
      }
      case 0xFA -> listener.start(nanos);
      case 0xFB -> listener.resume(nanos);
      case 0xFC -> listener.stop(nanos);
      default -> listener.position(pointer, nanos);
    }
    return true;
  }

  /** Least-squares nanoseconds per clock over the window. */
  private double slope() {
    int n = count;
    int first = (next - n + WINDOW) % WINDOW;
    long t0 = times[first];
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      double y = times[(first + i) % WINDOW] - t0;
      sx += i;
      sy += y;
      sxx += (double) i * i;
      sxy += i * y;
    }
    return (n * sxy - sx * sy) / (n * sxx - sx * sx);
  }

  /** The tempo measured, or NaN before a dozen clocks arrived. */
  public synchronized double tempo() {
    return tempo;
  }

  /** Whether the clock runs (started or continued, not stopped). */
  public synchronized boolean running() {
    return running;
  }

  /** Position in clocks (24 per quarter note) since the song's start. */
  public synchronized long position() {
    return clocks;
  }
}

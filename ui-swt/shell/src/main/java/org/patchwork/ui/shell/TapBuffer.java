package org.patchwork.ui.shell;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The most recent audio of one point of the mix (a track after its effects, before its fader;
 * or the master output), for meters, the scope and the spectrum analyser. One writer (the audio
 * thread) and any number of readers; lock-free: the writer copies a block in, then publishes the
 * new frame count with release semantics; a reader copies the frames it wants and checks
 * afterwards that the writer did not lap them meanwhile.
 *
 * <pre>{@code
 * long end = tap.written();
 * int n = tap.read(end - 1024, left, right);   // the last 1024 frames, or fewer
 * }</pre>
 */
@ProviderType
public final class TapBuffer {

  /** Frames kept: about 0.68 s at 48 kHz, far more than a display frame needs. */
  public static final int CAPACITY = 1 << 15;
  private static final int MASK = CAPACITY - 1;
  private static final VarHandle WRITTEN;

  static {
    try {
      WRITTEN = MethodHandles.lookup().findVarHandle(TapBuffer.class, "written", long.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final String name;
  private final double sampleRate;
  private final float[] left = new float[CAPACITY];
  private final float[] right = new float[CAPACITY];
  @SuppressWarnings("unused") // accessed through WRITTEN
  private volatile long written;

  /**
   * @param name what is tapped: a track id, or "master"
   */
  public TapBuffer(String name, double sampleRate) {
    this.name = name;
    this.sampleRate = sampleRate;
  }

  /** The track id, or "master". */
  public String name() {
    return name;
  }

  /** Frames per second of the tapped audio. */
  public double sampleRate() {
    return sampleRate;
  }

  /** Appends {@code frames} frames. Thread: audio (the only writer); allocation-free. */
  public void write(float[] l, float[] r, int frames) {
    long end = (long) WRITTEN.getOpaque(this);
    int n = Math.min(frames, CAPACITY);
    int from = frames - n;
    int at = (int) ((end + from) & MASK);
    int first = Math.min(n, CAPACITY - at);
    System.arraycopy(l, from, left, at, first);
    System.arraycopy(r, from, right, at, first);
    if (first < n) {
      System.arraycopy(l, from + first, left, 0, n - first);
      System.arraycopy(r, from + first, right, 0, n - first);
    }
    WRITTEN.setRelease(this, end + frames);
  }

  /** Frames written since the tap was made. Thread: any. */
  public long written() {
    return (long) WRITTEN.getAcquire(this);
  }

  /**
   * Copies the frames from {@code from} up to the newest into {@code l} and {@code r} (at most
   * their length; the newest are kept when more are available) and returns how many it copied.
   * Frames older than what the ring still holds are skipped. Thread: any.
   */
  public int read(long from, float[] l, float[] r) {
    long end = written();
    long start = Math.max(from, end - CAPACITY / 2);
    start = Math.max(start, end - Math.min(l.length, r.length));
    start = Math.max(start, 0);
    int n = (int) Math.max(0, end - start);
    for (int i = 0; i < n; i++) {
      int at = (int) ((start + i) & MASK);
      l[i] = left[at];
      r[i] = right[at];
    }
    // Half the ring is kept as a margin: the writer cannot have reached what was copied unless
    // the reader stalled for more than CAPACITY / 2 frames; then report nothing rather than junk.
    return written() - start > CAPACITY ? 0 : n;
  }
}

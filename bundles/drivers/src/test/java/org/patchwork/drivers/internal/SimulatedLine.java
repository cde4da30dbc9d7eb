package org.patchwork.drivers.internal;

import java.util.concurrent.locks.LockSupport;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.Control;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineListener;
import javax.sound.sampled.SourceDataLine;

/**
 * A playback line without hardware: once started it consumes bytes at the format's byte rate
 * from a buffer of fixed size, stops consuming when empty (as a device underrun does), and
 * blocks writers until there is room. It keeps the first bytes written for inspection. Nothing
 * on the write path allocates, so it can stand in for a device in allocation tests.
 */
final class SimulatedLine implements SourceDataLine {

  private final AudioFormat format;
  private final int bufferBytes;
  private final double bytesPerNano;
  final byte[] captured;
  private volatile boolean running;
  private volatile boolean open = true;
  private long written;
  private double played;
  private long lastNanos;
  volatile int capturedBytes;

  SimulatedLine(AudioFormat format, int bufferBytes, int captureBytes) {
    this.format = format;
    this.bufferBytes = bufferBytes;
    this.bytesPerNano = format.getFrameRate() * format.getFrameSize() / 1e9;
    this.captured = new byte[captureBytes];
  }

  private synchronized long buffered() {
    long now = System.nanoTime();
    if (running) {
      played = Math.min(written, played + (now - lastNanos) * bytesPerNano);
    }
    lastNanos = now;
    return written - (long) played;
  }

  @Override
  public int write(byte[] b, int off, int len) {
    int done = 0;
    while (done < len) {
      int room = (int) (bufferBytes - buffered());
      if (room > 0) {
        int n = Math.min(room, len - done);
        int keep = Math.min(n, captured.length - capturedBytes);
        if (keep > 0) {
          System.arraycopy(b, off + done, captured, capturedBytes, keep);
          capturedBytes += keep;
        }
        synchronized (this) {
          written += n;
        }
        done += n;
      } else if (!running) {
        return done; // as the javadoc says: a stopped line no longer blocks
      } else {
        LockSupport.parkNanos((long) ((len - done) / bytesPerNano));
      }
    }
    return done;
  }

  @Override
  public int available() {
    return (int) (bufferBytes - buffered());
  }

  @Override
  public int getBufferSize() {
    return bufferBytes;
  }

  @Override
  public synchronized void start() {
    buffered();
    running = true;
  }

  @Override
  public synchronized void stop() {
    buffered();
    running = false;
  }

  @Override
  public synchronized void flush() {
    played = written;
  }

  @Override
  public void drain() {
    while (running && buffered() > 0) {
      LockSupport.parkNanos(100_000);
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  @Override
  public boolean isActive() {
    return running;
  }

  @Override
  public AudioFormat getFormat() {
    return format;
  }

  @Override
  public int getFramePosition() {
    return (int) getLongFramePosition();
  }

  @Override
  public synchronized long getLongFramePosition() {
    buffered();
    return (long) played / format.getFrameSize();
  }

  @Override
  public long getMicrosecondPosition() {
    return (long) (getLongFramePosition() * 1e6 / format.getFrameRate());
  }

  @Override
  public float getLevel() {
    return AudioSystemNotSpecified.LEVEL;
  }

  @Override
  public DataLine.Info getLineInfo() {
    return new DataLine.Info(SourceDataLine.class, format, bufferBytes);
  }

  @Override
  public void open(AudioFormat format, int bufferSize) {
    open = true;
  }

  @Override
  public void open(AudioFormat format) {
    open = true;
  }

  @Override
  public void open() {
    open = true;
  }

  @Override
  public void close() {
    running = false;
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
  }

  @Override
  public Control[] getControls() {
    return new Control[0];
  }

  @Override
  public boolean isControlSupported(Control.Type control) {
    return false;
  }

  @Override
  public Control getControl(Control.Type control) {
    throw new IllegalArgumentException("no controls on a simulated line");
  }

  @Override
  public void addLineListener(LineListener listener) {}

  @Override
  public void removeLineListener(LineListener listener) {}

  private static final class AudioSystemNotSpecified {
    static final float LEVEL = javax.sound.sampled.AudioSystem.NOT_SPECIFIED;
  }
}

package org.patchwork.playback.internal;

import org.patchwork.drivers.AudioCallback;
import org.patchwork.drivers.AudioDriver;
import org.patchwork.drivers.DriverException;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.DriverStats;

/** A driver that keeps every frame another driver's callback writes to its left output. */
final class CapturingDriver implements AudioDriver {

  private final AudioDriver inner;
  final float[] left;
  volatile int written;

  CapturingDriver(AudioDriver inner, int seconds, int rate) {
    this.inner = inner;
    this.left = new float[seconds * rate];
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public void open(DriverSettings settings) throws DriverException {
    inner.open(settings);
  }

  @Override
  public void start(AudioCallback callback) throws DriverException {
    inner.start((in, out, frames) -> {
      callback.process(in, out, frames);
      int w = written;
      int n = Math.min(frames, left.length - w);
      if (n > 0) {
        System.arraycopy(out[0], 0, left, w, n);
        written = w + n;
      }
    });
  }

  /** Waits until {@code frames} frames have been captured. */
  void await(long frames) throws InterruptedException {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (written < Math.min(frames, left.length) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  @Override
  public void stop() {
    inner.stop();
  }

  @Override
  public void close() {
    inner.close();
  }

  @Override
  public boolean isRunning() {
    return inner.isRunning();
  }

  @Override
  public DriverSettings settings() {
    return inner.settings();
  }

  @Override
  public int sampleRate() {
    return inner.sampleRate();
  }

  @Override
  public int blockSize() {
    return inner.blockSize();
  }

  @Override
  public DriverStats stats() {
    return inner.stats();
  }
}

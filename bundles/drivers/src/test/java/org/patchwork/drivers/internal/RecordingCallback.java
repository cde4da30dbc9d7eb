package org.patchwork.drivers.internal;

import org.patchwork.drivers.AudioCallback;

/**
 * A sine writer that counts its calls without allocating; it can also sleep or allocate on
 * purpose, every {@code every}-th call, to provoke what the drivers must measure.
 */
final class RecordingCallback implements AudioCallback {

  static volatile Object sink;

  private final double increment;
  private final int every;
  private final long sleepNanos;
  private final int allocateBytes;
  private double phase;
  volatile long calls;
  volatile long sleeps;
  volatile long maxFrames;

  RecordingCallback(double frequency, int sampleRate) {
    this(frequency, sampleRate, 0, 0, 0);
  }

  RecordingCallback(double frequency, int sampleRate, int every, long sleepNanos, int allocateBytes) {
    this.increment = 2 * Math.PI * frequency / sampleRate;
    this.every = every;
    this.sleepNanos = sleepNanos;
    this.allocateBytes = allocateBytes;
  }

  @Override
  public void process(float[][] inputs, float[][] outputs, int frames) {
    double p = phase;
    for (int f = 0; f < frames; f++) {
      float v = (float) (0.5 * Math.sin(p));
      for (float[] channel : outputs) {
        channel[f] = v;
      }
      p += increment;
    }
    phase = p % (2 * Math.PI);
    long n = calls + 1;
    calls = n;
    if (frames > maxFrames) {
      maxFrames = frames;
    }
    if (every > 0 && n % every == 0) {
      if (sleepNanos > 0) {
        sleeps = sleeps + 1;
        java.util.concurrent.locks.LockSupport.parkNanos(sleepNanos);
      }
      if (allocateBytes > 0) {
        sink = new byte[allocateBytes];
      }
    }
  }
}

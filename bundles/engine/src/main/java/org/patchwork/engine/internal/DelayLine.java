package org.patchwork.engine.internal;

/**
 * A circular buffer addressed by absolute engine frame: {@code write} stores frames
 * {@code [t, t+n)}, {@code readAdd} adds frames {@code [t-d, t-d+n)} into a buffer. Addressing by
 * frame rather than by a moving pointer makes the result the same whether the reader runs
 * before or after the writer within a block, which feedback edges need.
 */
final class DelayLine {

  private final float[] buffer;
  private final int mask;

  /** A line that can delay by up to {@code maxDelay} frames in blocks of up to {@code maxFrames}. */
  DelayLine(int maxDelay, int maxFrames) {
    int size = Integer.highestOneBit(Math.max(2, maxDelay + maxFrames) - 1) << 1;
    buffer = new float[size];
    mask = size - 1;
  }

  void write(long frame, float[] source, int frames) {
    int at = (int) (frame & mask);
    for (int i = 0; i < frames; i++) {
      buffer[(at + i) & mask] = source[i];
    }
  }

  /** Adds frames {@code [frame, frame+frames)} into {@code dest}, scaled from g0 to g1. */
  void readAdd(long frame, float[] dest, int frames, float g0, float g1) {
    // Frames before the engine started read as the zeros the buffer was born with.
    int at = (int) (frame & mask);
    if (g0 == g1) {
      for (int i = 0; i < frames; i++) {
        dest[i] += g0 * buffer[(at + i) & mask];
      }
    } else {
      float step = (g1 - g0) / frames;
      for (int i = 0; i < frames; i++) {
        dest[i] += (g0 + step * (i + 1)) * buffer[(at + i) & mask];
      }
    }
  }
}

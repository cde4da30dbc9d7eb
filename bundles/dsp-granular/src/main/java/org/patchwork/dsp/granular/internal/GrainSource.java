package org.patchwork.dsp.granular.internal;

import org.patchwork.dsp.sampler.data.Sample;

/**
 * A circular buffer grains read from with 4-point interpolation: a loaded sample (played as
 * a loop, so a grain may run over its end) or the ring that live input is captured into.
 * Frame j of the logical signal is stored at {@code data[c][j + 1]}, with guard frames
 * {@code data[c][0] = x[N−1]}, {@code data[c][N+1] = x[0]}, {@code data[c][N+2] = x[1]}, so
 * the four taps x[i−1..i+2] of any i in [0, N) are read without a wrap test.
 *
 * <p>The interpolator is the 4-point, 3rd-order Hermite (Catmull-Rom) spline. Grains are
 * short, windowed and many, so its image rejection (about −50 dB on material well below
 * fs/4) is buried in the texture, and it costs a tenth of the sampler's windowed sinc.
 */
final class GrainSource {

  final float[][] data;
  final int frames;
  /** Frames per second of the material. */
  final double sampleRate;
  /** The key at which the material plays at its own pitch (fractional: fine tuning). */
  final double rootKey;

  /** An empty ring of {@code frames} mono frames. */
  GrainSource(int frames, double sampleRate) {
    data = new float[1][frames + 3];
    this.frames = frames;
    this.sampleRate = sampleRate;
    rootKey = 60;
  }

  /** A copy of {@code sample}. */
  GrainSource(Sample sample, double rootKey) {
    frames = sample.frames();
    data = new float[sample.channels()][frames + 3];
    for (int c = 0; c < data.length; c++) {
      sample.copy(c, 0, data[c], 1, frames);
      for (int j = 1; j <= frames; j++) {
        // Denormals in a file are silence, and would stay denormal through the window.
        if (Math.abs(data[c][j]) < Float.MIN_NORMAL) {
          data[c][j] = 0;
        }
      }
      guard(data[c], frames);
    }
    sampleRate = sample.sampleRate();
    this.rootKey = rootKey;
  }

  private static void guard(float[] d, int n) {
    d[0] = d[n];
    d[n + 1] = d[1];
    d[n + 2] = d[1 % n + 1];
  }

  /** Writes frame {@code j} (0..frames−1) of a mono ring and its guard copies. Thread: audio. */
  void write(int j, float x) {
    float[] d = data[0];
    d[j + 1] = x;
    if (j == frames - 1) {
      d[0] = x;
    }
    if (j < 2) {
      d[frames + 1 + j] = x;
    }
  }

  /** Silences a ring. Thread: audio. */
  void clear() {
    float[] d = data[0];
    for (int i = 0; i < d.length; i++) {
      d[i] = 0;
    }
  }

  /** The value at {@code i + f} (0 ≤ i &lt; frames, 0 ≤ f &lt; 1) of channel data {@code d}. */
  static float read(float[] d, int i, float f) {
    float xm1 = d[i];
    float x0 = d[i + 1];
    float x1 = d[i + 2];
    float x2 = d[i + 3];
    float c1 = 0.5f * (x1 - xm1);
    float c2 = xm1 - 2.5f * x0 + 2 * x1 - 0.5f * x2;
    float c3 = 0.5f * (x2 - xm1) + 1.5f * (x0 - x1);
    return ((c3 * f + c2) * f + c1) * f + x0;
  }
}

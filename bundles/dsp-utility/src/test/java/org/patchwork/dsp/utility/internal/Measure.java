package org.patchwork.dsp.utility.internal;

import java.util.Arrays;
import java.util.Random;
import org.patchwork.sdk.testkit.Signals;

/** Test signals and the measurements the utility tests make on them. */
final class Measure {

  static final int RATE = 48_000;

  private Measure() {
  }

  static float[] sine(double hz, double amplitude, int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  static float[] constant(double value, int frames) {
    float[] x = new float[frames];
    Arrays.fill(x, (float) value);
    return x;
  }

  static float[] noise(long seed, double amplitude, int frames) {
    Random random = new Random(seed);
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (amplitude * (2 * random.nextDouble() - 1));
    }
    return x;
  }

  /** The amplitude at {@code hz} of frames {@code from..} of a signal, Hann-windowed. */
  static double amplitude(float[] signal, int from, double hz) {
    double[] w = Signals.hann(Arrays.copyOfRange(signal, from, signal.length));
    // A Hann window halves a sine's DFT magnitude, and magnitude() reports A/2 of it.
    return 4 * Signals.magnitude(w, hz, RATE);
  }

  /** Output level over input level in dB, from RMS over frames {@code from..}. */
  static double gainDb(float[] out, float[] in, int from) {
    return db(Signals.rms(out, from, out.length) / Signals.rms(in, from, in.length));
  }

  static double db(double gain) {
    return 20 * Math.log10(gain);
  }

  /** Whether every sample is finite and either 0 or a normal float (no denormals). */
  static boolean clean(float[] signal) {
    for (float x : signal) {
      if (!Float.isFinite(x) || x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }
}

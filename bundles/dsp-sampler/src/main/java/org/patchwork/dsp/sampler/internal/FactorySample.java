package org.patchwork.dsp.sampler.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;

/**
 * The sampler's built-in set, synthesised (the same bytes every time) so that a new Sampler
 * sounds without any file: an electric-piano-like tone recorded at roots C2, C3, C4, C5 and C6,
 * one zone each, looped on its sustained part. Each sample is 48 kHz mono:
 *
 * <pre>  x(t) = Σ_h A_h·(S_h + (1 − S_h)·d(t))·sin(2π·h·f·t) + 0.2·d(t)^6·sin(2π·7.1·f·t),   d(t) = (1 − t/T)³ for t &lt; T, else 0</pre>
 *
 * a pluck whose bright partials and inharmonic "tine" die away over T = 0.5 s into a steady
 * tone of sustain levels S_h. From T on the tone is exactly periodic in M frames, M chosen
 * near 0.25 s so that a whole number of cycles N fits, i.e. f = N·48000/M is within 0.05 cent
 * of the root's equal-tempered pitch; the loop [T, T + M) is therefore seamless.
 */
final class FactorySample {

  static final int RATE = 48_000;
  static final int[] ROOTS = {36, 48, 60, 72, 84};
  private static final int T = RATE / 2;
  private static final double[] AMPLITUDE = {1.0, 0.45, 0.22, 0.12, 0.06, 0.03};
  private static final double[] SUSTAIN = {0.45, 0.15, 0.06, 0.02, 0.0, 0.0};

  private FactorySample() {
  }

  /** The prepared factory set, built once per JVM when first asked for (on a control thread). */
  static Keymap keymap() {
    return Holder.KEYMAP;
  }

  /** The factory set. */
  static SampleSet create() {
    List<Sample> samples = new ArrayList<>();
    List<Zone> zones = new ArrayList<>();
    for (int r = 0; r < ROOTS.length; r++) {
      int root = ROOTS[r];
      double target = 440 * Math.pow(2, (root - 69) / 12.0);
      int m = loopLength(target);
      int cycles = (int) Math.round(target * m / RATE);
      samples.add(new Sample(RATE, tone((double) cycles * RATE / m, T + m)));
      // Each zone covers the keys nearest its root: up to 5 below, 6 above.
      int low = r == 0 ? 0 : root - 6 + 1;
      int high = r == ROOTS.length - 1 ? 127 : root + 6;
      zones.add(Zone.of(r, root).withKeys(low, high).withLoop(Zone.Loop.FORWARD, T, T + m));
    }
    return new SampleSet(samples, zones);
  }

  /** The loop length near 0.25 s whose whole number of cycles comes closest to {@code hz}. */
  static int loopLength(double hz) {
    int best = RATE / 4;
    double bestError = Double.MAX_VALUE;
    for (int m = RATE / 5; m <= RATE * 3 / 10; m++) {
      double cycles = Math.max(1, Math.round(hz * m / RATE));
      double error = Math.abs(Math.log(cycles * RATE / m / hz));
      if (error < bestError) {
        bestError = error;
        best = m;
      }
    }
    return best;
  }

  private static float[] tone(double hz, int frames) {
    double[] x = new double[frames];
    double peak = 0;
    for (int i = 0; i < frames; i++) {
      double d = i < T ? Math.pow(1 - (double) i / T, 3) : 0;
      double phase = 2 * Math.PI * hz * i / RATE;
      double sum = 0;
      for (int h = 0; h < AMPLITUDE.length; h++) {
        if ((h + 1) * hz < 0.45 * RATE) {
          sum += AMPLITUDE[h] * (SUSTAIN[h] + (1 - SUSTAIN[h]) * d) * Math.sin((h + 1) * phase);
        }
      }
      if (7.1 * hz < 0.45 * RATE) {
        sum += 0.2 * Math.pow(d, 6) * Math.sin(7.1 * phase);
      }
      x[i] = sum;
      peak = Math.max(peak, Math.abs(sum));
    }
    float[] out = new float[frames];
    for (int i = 0; i < frames; i++) {
      out[i] = (float) (0.7 * x[i] / peak);
    }
    return out;
  }

  /** Lazy holder: the set is built on first use, thread-safely, without a lock on later reads. */
  private static final class Holder {
    static final Keymap KEYMAP = Keymap.of(create());
  }
}

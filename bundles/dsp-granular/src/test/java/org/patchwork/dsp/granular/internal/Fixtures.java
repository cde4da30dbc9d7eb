package org.patchwork.dsp.granular.internal;

import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import java.util.Arrays;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/** Test sources and a harness for a Granular that plays them. */
final class Fixtures {

  static final int RATE = 48_000;

  private Fixtures() {
  }

  /** A harness of a Granular whose source is {@code source} (root 60), blocks of 64. */
  static ModuleHarness harness(float[] source) {
    Granular g = new Granular();
    if (source != null) {
      g.restoreState(SampleSetFormat.encode(SampleSet.of(new Sample(RATE, source), 60)));
    }
    return new ModuleHarness(g, Granular.DESCRIPTOR, RATE, 64);
  }

  static float[] constant(float value, int frames) {
    float[] x = new float[frames];
    Arrays.fill(x, value);
    return x;
  }

  /** {@code x[n] = n / frames}. */
  static float[] ramp(int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) i / frames;
    }
    return x;
  }

  /** A sine of {@code period} frames over {@code frames} (a whole number of periods loops). */
  static float[] sine(double period, int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * i / period));
    }
    return x;
  }

  /** Frames at which {@code x} rises through {@code threshold}. */
  static int[] onsets(float[] x, int from, int to, double threshold) {
    int[] found = new int[to - from];
    int n = 0;
    for (int i = Math.max(1, from); i < to; i++) {
      if (x[i - 1] <= threshold && x[i] > threshold) {
        found[n++] = i;
      }
    }
    return Arrays.copyOf(found, n);
  }

  /**
   * Where a granular tone sits: the power-weighted mean frequency of the Hann-windowed
   * spectrum between {@code lo} and {@code hi} Hz. A grain cloud's spectrum is the source's
   * line smeared by the window and by the grains' random phases; its strongest bin wanders
   * within that smear, its centre of mass does not.
   */
  static double centroid(float[] x, double lo, double hi) {
    double[] power = Signals.powerSpectrum(Signals.hann(x));
    double binHz = RATE / (2.0 * (power.length - 1));
    double sum = 0;
    double weighted = 0;
    for (int k = (int) Math.ceil(lo / binHz); k <= Math.min(power.length - 1, hi / binHz); k++) {
      sum += power[k];
      weighted += power[k] * k * binHz;
    }
    return weighted / sum;
  }

  /** The frequency of the strongest bin of the Hann-windowed spectrum: coarse, for octaves. */
  static double strongest(float[] x) {
    double[] power = Signals.powerSpectrum(Signals.hann(x));
    int best = 1;
    for (int k = 1; k < power.length; k++) {
      if (power[k] > power[best]) {
        best = k;
      }
    }
    return best * RATE / (2.0 * (power.length - 1));
  }
}

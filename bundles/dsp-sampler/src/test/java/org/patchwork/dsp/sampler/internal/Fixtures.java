package org.patchwork.dsp.sampler.internal;

import java.util.List;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.sdk.testkit.ModuleHarness;

/** Test samples and a harness for a sampler that plays them. */
final class Fixtures {

  static final int RATE = 48_000;

  private Fixtures() {
  }

  /** A sine of {@code hz} at {@code rate}, {@code frames} long, amplitude 0.5. */
  static float[] sine(double hz, int rate, int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (0.5 * Math.sin(2 * Math.PI * hz * i / rate));
    }
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

  /** A sine of whole period {@code period} frames, looped forward over 48 periods. */
  static Zone loopedSine(int sample, int root, int period) {
    return Zone.of(sample, root).withLoop(Zone.Loop.FORWARD, 0, 48 * period);
  }

  static Sample sineSample(int rate, int period) {
    return new Sample(rate, sine((double) rate / period, rate, 48 * period));
  }

  /** A harness of a sampler that plays {@code set}, blocks of 64. */
  static ModuleHarness harness(SampleSet set) {
    return harness(set, 64);
  }

  static ModuleHarness harness(SampleSet set, int block) {
    Sampler s = new Sampler();
    s.restoreState(SampleSetFormat.encode(set));
    return new ModuleHarness(s, Sampler.DESCRIPTOR, RATE, block);
  }

  static SampleSet set(List<Sample> samples, Zone... zones) {
    return new SampleSet(samples, List.of(zones));
  }

  /** Cents from {@code expected} to {@code hz}. */
  static double cents(double hz, double expected) {
    return 1200 * Math.log(hz / expected) / Math.log(2);
  }

  /**
   * THD+N of {@code x[from..to)} as a sine of {@code hz}: the residual after a least-squares
   * fit of a sine, a cosine and DC at that frequency, relative to the fitted sine, in dB.
   */
  static double thdN(float[] x, int from, int to, double hz, double rate) {
    double[][] a = new double[3][3];
    double[] b = new double[3];
    double w = 2 * Math.PI * hz / rate;
    for (int i = from; i < to; i++) {
      double[] basis = {Math.sin(w * i), Math.cos(w * i), 1};
      for (int r = 0; r < 3; r++) {
        b[r] += basis[r] * x[i];
        for (int c = 0; c < 3; c++) {
          a[r][c] += basis[r] * basis[c];
        }
      }
    }
    double[] k = solve(a, b);
    double residual = 0;
    double signal = 0;
    for (int i = from; i < to; i++) {
      double s = k[0] * Math.sin(w * i) + k[1] * Math.cos(w * i);
      double e = x[i] - s - k[2];
      residual += e * e;
      signal += s * s;
    }
    return 10 * Math.log10(residual / signal);
  }

  private static double[] solve(double[][] a, double[] b) {
    int n = b.length;
    for (int p = 0; p < n; p++) {
      for (int r = p + 1; r < n; r++) {
        double f = a[r][p] / a[p][p];
        b[r] -= f * b[p];
        for (int c = p; c < n; c++) {
          a[r][c] -= f * a[p][c];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double s = b[r];
      for (int c = r + 1; c < n; c++) {
        s -= a[r][c] * x[c];
      }
      x[r] = s / a[r][r];
    }
    return x;
  }
}

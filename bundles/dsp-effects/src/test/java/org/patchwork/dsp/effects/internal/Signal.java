package org.patchwork.dsp.effects.internal;

import java.util.Random;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/** Test signals and measurements the effect tests share. */
final class Signal {

  static final int RATE = 48_000;

  private Signal() {
  }

  static ModuleHarness harness(AudioModule module, ModuleDescriptor descriptor) {
    return new ModuleHarness(module, descriptor, RATE, 64);
  }

  /** The same signal on both channels (what the engine feeds a stereo input from a mono cable). */
  static float[][] mono(float[] x) {
    return new float[][] {x, x};
  }

  static float[] impulse(int length) {
    float[] x = new float[length];
    x[0] = 1;
    return x;
  }

  /** Full-scale uniform white noise for {@code frames}, then {@code silence} frames of zeros. */
  static float[] noise(long seed, int frames, int silence) {
    Random random = new Random(seed);
    float[] x = new float[frames + silence];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    return x;
  }

  static float[] sine(double hz, int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * hz * i / RATE);
    }
    return x;
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

  /** Normalised correlation Σab / √(Σa²·Σb²). */
  static double correlation(float[] a, float[] b) {
    double ab = 0;
    double aa = 0;
    double bb = 0;
    for (int i = 0; i < a.length; i++) {
      ab += (double) a[i] * b[i];
      aa += (double) a[i] * a[i];
      bb += (double) b[i] * b[i];
    }
    return ab / Math.sqrt(aa * bb);
  }

  /** The centre of mass of |x| over frames {@code from..to−1}. */
  static double centroid(float[] x, int from, int to) {
    double moment = 0;
    double mass = 0;
    for (int i = from; i < to; i++) {
      moment += (double) i * x[i];
      mass += x[i];
    }
    return moment / mass;
  }

  /**
   * Reverberation time from an impulse response by Schroeder's backward integration (ISO
   * 3382-1): the energy decay curve EDC(t) = Σ_{n ≥ t} h², in dB re its start, is fitted by
   * least squares between −5 and −35 dB and the line extrapolated to −60 dB ("T30").
   */
  static double rt60(float[] left, float[] right) {
    int n = left.length;
    double[] edc = new double[n];
    double sum = 0;
    for (int i = n - 1; i >= 0; i--) {
      sum += (double) left[i] * left[i] + (double) right[i] * right[i];
      edc[i] = sum;
    }
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    int count = 0;
    for (int i = 0; i < n; i++) {
      double db = 10 * Math.log10(edc[i] / edc[0]);
      if (db <= -5 && db >= -35) {
        double t = (double) i / RATE;
        sx += t;
        sy += db;
        sxx += t * t;
        sxy += t * db;
        count++;
      }
    }
    double slope = (count * sxy - sx * sy) / (count * sxx - sx * sx);
    return -60 / slope;
  }

  /** {@code x} through an RBJ constant-peak band-pass at {@code hz} with quality {@code q}. */
  static float[] bandPass(float[] x, double hz, double q) {
    double w = 2 * Math.PI * hz / RATE;
    double alpha = Math.sin(w) / (2 * q);
    double a0 = 1 + alpha;
    double b0 = alpha / a0;
    double b2 = -alpha / a0;
    double a1 = -2 * Math.cos(w) / a0;
    double a2 = (1 - alpha) / a0;
    float[] y = new float[x.length];
    double x1 = 0;
    double x2 = 0;
    double y1 = 0;
    double y2 = 0;
    for (int i = 0; i < x.length; i++) {
      double v = b0 * x[i] + b2 * x2 - a1 * y1 - a2 * y2;
      x2 = x1;
      x1 = x[i];
      y2 = y1;
      y1 = v;
      y[i] = (float) v;
    }
    return y;
  }
}

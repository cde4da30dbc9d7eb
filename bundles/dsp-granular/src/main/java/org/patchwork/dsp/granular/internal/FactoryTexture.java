package org.patchwork.dsp.granular.internal;

import org.patchwork.dsp.sampler.data.Sample;

/**
 * The factory grain source, synthesised (the same bytes every time) so that a new Granular
 * sounds without any file: about 2.5 s of a sung-vowel pad on C4, mono, 48 kHz. Three
 * slightly detuned harmonic voices (the chorus of a choir) pass through three formant
 * resonances that morph cyclically a → o → i → a over the buffer, so position picks a vowel:
 *
 * <pre>  x[n] = Σ_{v=−1..1} Σ_h (1/h) · F(h·f_v, n/N) · sin(2π·h·c_v·n/N + φ_{v,h}),   c_v = c + v
 *  F(f, τ) = 0.02 + Σ_k A_k / (1 + ((f − F_k(τ))/B_k)²)</pre>
 *
 * with formants (F1, F2, F3) of a (700, 1220, 2600), o (570, 840, 2410) and i (300, 2300,
 * 3000) Hz, amplitudes 1, 0.5, 0.25 and bandwidths 80, 90, 120 Hz (Peterson and Barney's
 * averages, 1952). N is chosen near 2.5 s so that c = f·N/48000 cycles of C4 (261.63 Hz) is a
 * whole number within 0.05 cent; every partial then has whole cycles in N, the morph is
 * periodic too, and the buffer loops seamlessly, as the grain reader treats it.
 */
final class FactoryTexture {

  static final int RATE = 48_000;
  static final double ROOT_HZ = 440 * Math.pow(2, (60 - 69) / 12.0);
  private static final double[][] FORMANTS = {{700, 1220, 2600}, {570, 840, 2410}, {300, 2300, 3000}};
  private static final double[] AMPLITUDES = {1, 0.5, 0.25};
  private static final double[] BANDWIDTHS = {80, 90, 120};
  private static final int CHUNK = 256;
  private static final double HIGHEST = 8000;

  private FactoryTexture() {
  }

  /** The prepared texture, built once per JVM when first asked for (on a control thread). */
  static GrainSource source() {
    return Holder.SOURCE;
  }

  /** Buffer length near 2.5 s whose whole number of C4 cycles is closest to 261.63 Hz. */
  static int length() {
    int best = RATE * 5 / 2;
    double bestError = Double.MAX_VALUE;
    for (int n = RATE * 2; n <= RATE * 3; n++) {
      double cycles = Math.round(ROOT_HZ * n / RATE);
      double error = Math.abs(Math.log(cycles * RATE / n / ROOT_HZ));
      if (error < bestError) {
        bestError = error;
        best = n;
      }
    }
    return best;
  }

  static Sample create() {
    int n = length();
    long cycles = Math.round(ROOT_HZ * n / RATE);
    double[] sine = new double[n];
    for (int k = 0; k < n; k++) {
      sine[k] = Math.sin(2 * Math.PI * k / n);
    }
    double[] x = new double[n];
    long seed = 12345;
    for (int voice = -1; voice <= 1; voice++) {
      long c = cycles + voice;
      for (int h = 1; h * c * RATE / (double) n < HIGHEST; h++) {
        seed = seed * 6364136223846793005L + 1442695040888963407L;
        long phase = (seed >>> 33) % n;
        double hz = (double) h * c * RATE / n;
        long step = h * c;
        for (int start = 0; start < n; start += CHUNK) {
          int end = Math.min(n, start + CHUNK);
          double a = formant(hz, (double) start / n) / h;
          double b = formant(hz, (double) end / n) / h;
          for (int k = start; k < end; k++) {
            double gain = a + (b - a) * (k - start) / CHUNK;
            x[k] += gain * sine[(int) ((step * k + phase) % n)];
          }
        }
      }
    }
    double peak = 0;
    for (double v : x) {
      peak = Math.max(peak, Math.abs(v));
    }
    float[] out = new float[n];
    for (int k = 0; k < n; k++) {
      out[k] = (float) (0.5 * x[k] / peak);
    }
    return new Sample(RATE, out);
  }

  /** The formant filter's gain at {@code hz} at point {@code tau} (0..1) of the morph. */
  private static double formant(double hz, double tau) {
    double t = 3 * (tau - Math.floor(tau));
    int from = (int) t % 3;
    int to = (from + 1) % 3;
    double blend = t - Math.floor(t);
    blend = blend * blend * (3 - 2 * blend);
    double gain = 0.02;
    for (int k = 0; k < 3; k++) {
      double f = FORMANTS[from][k] + blend * (FORMANTS[to][k] - FORMANTS[from][k]);
      double d = (hz - f) / BANDWIDTHS[k];
      gain += AMPLITUDES[k] / (1 + d * d);
    }
    return gain;
  }

  /** Lazy holder: built on first use, thread-safely, with no lock on later reads. */
  private static final class Holder {
    static final GrainSource SOURCE = new GrainSource(create(), 60 + detune());
  }

  /** The texture's tuning error in semitones, 12·log2(f/ROOT_HZ), so its root key is exact. */
  private static double detune() {
    int n = length();
    double f = Math.round(ROOT_HZ * n / RATE) * (double) RATE / n;
    return 12 * Math.log(f / ROOT_HZ) / Math.log(2);
  }
}

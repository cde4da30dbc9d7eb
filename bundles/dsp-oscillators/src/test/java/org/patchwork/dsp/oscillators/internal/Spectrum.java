package org.patchwork.dsp.oscillators.internal;

import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/** Spectral measurements the test kit does not offer: alias levels and harmonic levels. */
final class Spectrum {

  /** Analysis length: 65 536 frames, 0.73 Hz bins at 48 kHz. */
  static final int SIZE = 1 << 16;
  /** Bins either side of a peak that belong to it (the window's main lobe is ±4). */
  private static final int LOBE = 5;
  /** Bins either side of a harmonic that a lobe and its near side-lobes may occupy. */
  private static final int GUARD = 10;

  private Spectrum() {
  }

  /**
   * Plays A4 at frame 0 and returns {@code h}: an oscillator is an instrument, silent until
   * played, and key 69 leaves the {@code freq} parameter's frequency as it is.
   */
  static ModuleHarness played(ModuleHarness h) {
    h.noteOn(0, 69, 1f);
    return h;
  }

  /**
   * Power spectrum of {@code SIZE} frames from {@code from}, under a 4-term Blackman-Harris
   * window (side lobes below −92 dB, so alias components 90 dB down are still visible).
   */
  static double[] power(float[] signal, int from) {
    double[] w = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      double x = 2 * Math.PI * i / (SIZE - 1);
      double window = 0.35875 - 0.48829 * Math.cos(x) + 0.14128 * Math.cos(2 * x) - 0.01168 * Math.cos(3 * x);
      w[i] = signal[from + i] * window;
    }
    return Signals.powerSpectrum(w);
  }

  /** Power of the component nearest {@code hz}: the sum over its main lobe. */
  static double component(double[] power, double hz, double sampleRate) {
    int centre = (int) Math.round(hz * SIZE / sampleRate);
    int best = centre;
    for (int k = Math.max(1, centre - 2); k <= Math.min(power.length - 1, centre + 2); k++) {
      if (power[k] > power[best]) {
        best = k;
      }
    }
    return lobe(power, best);
  }

  /**
   * Level in dB, relative to the fundamental {@code f0}, of the strongest component that is
   * neither a harmonic below Nyquist nor DC: the strongest alias.
   */
  static double strongestAliasDb(double[] power, double f0, double sampleRate) {
    return strongestAliasDb(power, f0, sampleRate, sampleRate / 2);
  }

  /** As {@link #strongestAliasDb(double[], double, double)}, among components below {@code belowHz}. */
  static double strongestAliasDb(double[] power, double f0, double sampleRate, double belowHz) {
    double binHz = sampleRate / SIZE;
    boolean[] harmonic = new boolean[power.length];
    for (int k = 0; k <= GUARD; k++) {
      harmonic[k] = true;
    }
    for (double h = f0; h < sampleRate / 2; h += f0) {
      int centre = (int) Math.round(h / binHz);
      for (int k = Math.max(0, centre - GUARD); k <= Math.min(power.length - 1, centre + GUARD); k++) {
        harmonic[k] = true;
      }
    }
    int best = -1;
    for (int k = 0; k < Math.min(power.length, belowHz / binHz); k++) {
      if (!harmonic[k] && (best < 0 || power[k] > power[best])) {
        best = k;
      }
    }
    return 10 * Math.log10(lobe(power, best) / component(power, f0, sampleRate));
  }

  /** Frequency in Hz of the strongest alias, for reports. */
  static double strongestAliasHz(double[] power, double f0, double sampleRate) {
    double binHz = sampleRate / SIZE;
    double bestPower = -1;
    double bestHz = 0;
    for (int k = GUARD + 1; k < power.length; k++) {
      double hz = k * binHz;
      double nearest = Math.round(hz / f0) * f0;
      boolean isHarmonic = nearest > 0 && nearest < sampleRate / 2 && Math.abs(hz - nearest) <= GUARD * binHz;
      if (!isHarmonic && power[k] > bestPower) {
        bestPower = power[k];
        bestHz = hz;
      }
    }
    return bestHz;
  }

  private static double lobe(double[] power, int centre) {
    double sum = 0;
    for (int k = Math.max(0, centre - LOBE); k <= Math.min(power.length - 1, centre + LOBE); k++) {
      sum += power[k];
    }
    return sum;
  }

  /** The distance from {@code expected} to {@code hz} in cents. */
  static double cents(double hz, double expected) {
    return 1200 * Math.log(hz / expected) / Math.log(2);
  }

  /** 440·2^((key−69)/12). */
  static double keyHz(int key) {
    return 440 * Math.pow(2, (key - 69) / 12.0);
  }

  /** A constant signal of {@code frames} frames, for CV inputs. */
  static float[][] constant(float value, int frames) {
    float[] x = new float[frames];
    java.util.Arrays.fill(x, value);
    return new float[][] {x};
  }

  /** Whether every sample is finite and no larger than {@code bound} in magnitude. */
  static boolean finiteWithin(float[] signal, double bound) {
    for (float x : signal) {
      if (!Float.isFinite(x) || Math.abs(x) > bound || x != 0 && Math.abs(x) < Float.MIN_NORMAL) {
        return false;
      }
    }
    return true;
  }
}

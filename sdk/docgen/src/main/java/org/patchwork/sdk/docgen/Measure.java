package org.patchwork.sdk.docgen;

import java.util.Arrays;
import java.util.Locale;
import org.patchwork.sdk.testkit.Signals;

/** Spectra and the few figures a module's page states, computed from a {@link Render.Result}. */
final class Measure {

  /** Frames per Welch segment. */
  static final int SEGMENT = 4096;
  /** Where a note's steady part is measured. */
  static final double HELD_FROM = 0.1;
  static final double HELD_TO = 0.6;
  /** Below this level a signal counts as silent (-60 dBFS). */
  static final double QUIET = 1e-3;

  private Measure() {
  }

  /**
   * Level per frequency bin in dBFS (a full-scale sine reads 0 dB at its bin): one Hann window
   * over a note's steady part for notes (fine resolution for partials), else Welch's average
   * of half-overlapping {@value #SEGMENT}-frame Hann segments (a smooth noise response).
   * Bin {@code k} is at {@code k·rate/(2·(length-1))}.
   */
  static double[] spectrum(float[] signal, Render.Mode mode) {
    if (mode == Render.Mode.NOTE) {
      int from = (int) (HELD_FROM * Render.RATE);
      int to = (int) (HELD_TO * Render.RATE);
      double[] power = Signals.powerSpectrum(Signals.hann(Arrays.copyOfRange(signal, from, to)));
      return decibels(power, to - from, 1);
    }
    int to = signal.length;
    if (mode == Render.Mode.SIGNAL) {
      to = (int) (Render.BURST_SECONDS * Render.RATE);
    }
    double[] sum = null;
    int segments = 0;
    for (int start = 0; start + SEGMENT <= to; start += SEGMENT / 2) {
      double[] p = Signals.powerSpectrum(Signals.hann(Arrays.copyOfRange(signal, start, start + SEGMENT)));
      if (sum == null) {
        sum = p;
      } else {
        for (int k = 0; k < p.length; k++) {
          sum[k] += p[k];
        }
      }
      segments++;
    }
    return decibels(sum, SEGMENT, segments);
  }

  private static double[] decibels(double[] power, int windowLength, int segments) {
    double[] db = new double[power.length];
    // A Hann window of length N turns a sine of amplitude A into a bin of magnitude A·N/4.
    double scale = 4.0 / windowLength;
    for (int k = 0; k < db.length; k++) {
      double amplitude = Math.sqrt(power[k] / segments) * scale;
      db[k] = amplitude > 1e-10 ? 20 * Math.log10(amplitude) : -200;
    }
    return db;
  }

  /** One line of figures for the page. */
  static String summary(Render.Result r) {
    float[] y = r.output();
    double peak = Signals.peak(y);
    // A note's pitch is worth stating, and a free-running modulator's rate; an envelope's
    // "frequency" or a noise's strongest bin is not.
    boolean pitched = r.descriptor().kind() != org.patchwork.sdk.module.ModuleKind.MODULATOR;
    return switch (r.mode()) {
      case NOTE -> {
        int from = (int) (HELD_FROM * Render.RATE);
        int to = (int) (HELD_TO * Render.RATE);
        double rms = Signals.rms(y, from, to);
        yield "peak " + db(peak) + ", RMS " + db(rms) + " from " + HELD_FROM + " to " + HELD_TO + " s"
            + (rms > QUIET / 100 && pitched ? ", strongest frequency "
                + hz(Signals.peakFrequency(Arrays.copyOfRange(y, from, to), Render.RATE)) : "")
            + ", " + tail(y, (int) (Render.RELEASE_AT * Render.RATE), "the release");
      }
      case SIGNAL -> {
        int burst = (int) (Render.BURST_SECONDS * Render.RATE);
        double out = Signals.rms(y, 0, burst);
        double in = Signals.rms(r.input(), 0, burst);
        yield "RMS during the burst " + db(out) + " (input " + db(in) + ", so "
            + String.format(Locale.ROOT, "%+.1f dB", 20 * Math.log10(Math.max(out, 1e-10) / in))
            + "), peak " + db(peak) + ", " + tail(y, burst, "the burst");
      }
      case FREE -> {
        double min = 0;
        double max = 0;
        for (float x : y) {
          min = Math.min(min, x);
          max = Math.max(max, x);
        }
        double rms = Signals.rms(y, 0, y.length);
        yield "range " + String.format(Locale.ROOT, "%.3f to %.3f", min, max) + ", RMS " + db(rms)
            + (rms > QUIET / 100 && !pitched ? ", strongest frequency " + hz(Signals.peakFrequency(y, Render.RATE)) : "");
      }
    };
  }

  /** How long after {@code from} the signal stays below -60 dBFS for good. */
  private static String tail(float[] y, int from, String event) {
    int last = -1;
    for (int i = y.length - 1; i >= from; i--) {
      if (Math.abs(y[i]) > QUIET) {
        last = i;
        break;
      }
    }
    if (last < 0) {
      return "below -60 dBFS from " + event + " on";
    }
    if (last >= y.length - 1 - (int) (0.01 * Render.RATE)) {
      return "still above -60 dBFS at " + (int) Render.SECONDS + " s";
    }
    return "below -60 dBFS " + Math.round((last + 1 - from) * 1000 / Render.RATE) + " ms after " + event;
  }

  static String db(double linear) {
    return linear > 1e-10 ? String.format(Locale.ROOT, "%.1f dBFS", 20 * Math.log10(linear)) : "silence";
  }

  private static String hz(double hz) {
    return String.format(Locale.ROOT, hz < 100 ? "%.2f Hz" : "%.1f Hz", hz);
  }
}

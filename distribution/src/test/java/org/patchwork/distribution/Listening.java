package org.patchwork.distribution;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchwork.sdk.testkit.Signals;

/**
 * Measurements that stand in for listening to a render: where the onsets are (spectral flux
 * peaks, compared with the song's swung line grid), how the energy spreads over five frequency
 * bands, the peak, and the loudness of each four-bar section.
 */
final class Listening {

  private static final int HOP = 256;
  private static final int SIZE = 1024;
  private static final double[][] BANDS = {{20, 150}, {150, 500}, {500, 2000}, {2000, 6000}, {6000, 16000}};

  /**
   * @param onsets onsets found
   * @param onGrid the fraction of them within 20 ms of a line of the swung grid
   * @param bandsDb each band's energy relative to the loudest band, dB
   * @param peakDb the highest sample, dBFS
   * @param sectionRmsDb the RMS level of each four-bar section, dBFS
   */
  record Report(int onsets, double onGrid, double[] bandsDb, double peakDb, double[] sectionRmsDb) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%d onsets, %.0f %% on the grid, peak %.2f dBFS, bands",
          onsets, onGrid * 100, peakDb));
      for (int i = 0; i < bandsDb.length; i++) {
        b.append(String.format(Locale.ROOT, " %.0f-%.0f Hz %.1f dB", BANDS[i][0], BANDS[i][1], bandsDb[i]));
      }
      b.append(", sections");
      for (double s : sectionRmsDb) {
        b.append(String.format(Locale.ROOT, " %.1f", s));
      }
      return b.append(" dBFS").toString();
    }
  }

  private Listening() {
  }

  /** Measures {@code wave}, a song at {@code bpm} with {@code lpb} lines per beat and a groove of [0, swing]. */
  static Report measure(Wave wave, double bpm, int lpb, double swing) {
    float[] m = wave.mono(0, wave.seconds());
    double rate = wave.sampleRate();
    // Onsets: half-wave rectified log-magnitude flux, peaks above median + 1.5 standard deviations.
    int frames = (m.length - SIZE) / HOP;
    double[] previous = null;
    double[] flux = new double[frames];
    for (int f = 0; f < frames; f++) {
      float[] block = new float[SIZE];
      System.arraycopy(m, f * HOP, block, 0, SIZE);
      double[] p = Signals.powerSpectrum(Signals.hann(block));
      double[] mag = new double[p.length];
      for (int k = 0; k < p.length; k++) {
        mag[k] = Math.log1p(10 * Math.sqrt(p[k]));
      }
      if (previous != null) {
        double sum = 0;
        for (int k = 0; k < mag.length; k++) {
          sum += Math.max(0, mag[k] - previous[k]);
        }
        flux[f] = sum;
      }
      previous = mag;
    }
    double[] sorted = flux.clone();
    java.util.Arrays.sort(sorted);
    double mean = 0;
    for (double v : flux) {
      mean += v / flux.length;
    }
    double var = 0;
    for (double v : flux) {
      var += (v - mean) * (v - mean) / flux.length;
    }
    double threshold = sorted[sorted.length / 2] + 1.5 * Math.sqrt(var);
    double line = 60 / (bpm * lpb);
    List<Double> times = new ArrayList<>();
    for (int f = 1; f < frames - 1; f++) {
      if (flux[f] > threshold && flux[f] >= flux[f - 1] && flux[f] >= flux[f + 1]) {
        times.add((f * HOP + SIZE / 2.0) / rate);
      }
    }
    int near = 0;
    for (double t : times) {
      long n = Math.round(t / line);
      double best = Double.MAX_VALUE;
      for (long l = n - 1; l <= n + 1; l++) {
        double at = l * line + (l % 2 != 0 ? swing * line : 0);
        best = Math.min(best, Math.abs(t - at));
      }
      if (best < 0.02) {
        near++;
      }
    }
    // Bands: the power spectrum of the first minute (or all of it), Hann-windowed.
    int n = Integer.highestOneBit(Math.min(m.length, (int) (60 * rate)));
    float[] head = java.util.Arrays.copyOf(m, n);
    double[] p = Signals.powerSpectrum(Signals.hann(head));
    double[] bands = new double[BANDS.length];
    double loudest = 0;
    for (int i = 0; i < BANDS.length; i++) {
      for (int k = 0; k < p.length; k++) {
        double hz = k * rate / n;
        if (hz >= BANDS[i][0] && hz < BANDS[i][1]) {
          bands[i] += p[k];
        }
      }
      loudest = Math.max(loudest, bands[i]);
    }
    for (int i = 0; i < bands.length; i++) {
      bands[i] = 10 * Math.log10(bands[i] / loudest);
    }
    double peak = 0;
    for (float[] ch : wave.samples()) {
      peak = Math.max(peak, Signals.peak(ch));
    }
    double section = 16 * 4 * line;
    int sections = (int) Math.ceil(wave.seconds() / section);
    double[] rms = new double[sections];
    for (int s = 0; s < sections; s++) {
      int from = (int) (s * section * rate);
      int to = (int) Math.min(m.length, (s + 1) * section * rate);
      rms[s] = 20 * Math.log10(Math.max(1e-9, Signals.rms(m, from, to)));
    }
    return new Report(times.size(), times.isEmpty() ? 0 : near / (double) times.size(), bands,
        20 * Math.log10(peak), rms);
  }
}

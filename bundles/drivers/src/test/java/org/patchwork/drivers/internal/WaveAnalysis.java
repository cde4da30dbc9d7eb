package org.patchwork.drivers.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads a mono 16-bit WAV and measures a sine in it. */
record WaveAnalysis(float sampleRate, double[] samples) {

  static WaveAnalysis read(Path wav) throws IOException, UnsupportedAudioFileException {
    try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
      AudioFormat f = in.getFormat();
      if (f.getSampleSizeInBits() != 16 || f.getChannels() != 1 || f.isBigEndian()) {
        throw new IllegalArgumentException("expected mono 16-bit little-endian, got " + f);
      }
      byte[] b = in.readAllBytes();
      double[] s = new double[b.length / 2];
      for (int i = 0; i < s.length; i++) {
        s[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768.0;
      }
      return new WaveAnalysis(f.getSampleRate(), s);
    }
  }

  double peak() {
    double p = 0;
    for (double v : samples) {
      p = Math.max(p, Math.abs(v));
    }
    return p;
  }

  /**
   * The lengths of the periods between upward zero crossings (interpolated between samples),
   * in seconds. A sine gives one length throughout; a dropout gives outliers.
   */
  double[] periods() {
    double[] crossings = new double[samples.length];
    int n = 0;
    for (int i = 1; i < samples.length; i++) {
      if (samples[i - 1] < 0 && samples[i] >= 0) {
        crossings[n++] = (i - 1 + samples[i - 1] / (samples[i - 1] - samples[i])) / sampleRate;
      }
    }
    double[] periods = new double[Math.max(0, n - 1)];
    for (int i = 1; i < n; i++) {
      periods[i - 1] = crossings[i] - crossings[i - 1];
    }
    return periods;
  }

  /** The frequency from the median period, robust against a few glitches. */
  double frequency() {
    double[] p = periods();
    if (p.length == 0) {
      return 0;
    }
    double[] sorted = p.clone();
    Arrays.sort(sorted);
    return 1 / sorted[sorted.length / 2];
  }
}

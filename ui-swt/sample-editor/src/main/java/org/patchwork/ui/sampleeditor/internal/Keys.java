package org.patchwork.ui.sampleeditor.internal;

import java.util.Locale;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;

/**
 * Names shown by the sample editor: keys as the tracker writes them ({@code C-4} is MIDI key 60,
 * so the keys below {@code C-0}, 0..11, are in octave -1), loop modes, zones and lengths.
 */
final class Keys {

  private static final String[] NAMES = {"C-", "C#", "D-", "D#", "E-", "F-", "F#", "G-", "G#", "A-", "A#", "B-"};

  private Keys() {
  }

  /** {@code C-4} for 60, {@code A-4} for 69, {@code C-(-1)} for 0. */
  static String name(int key) {
    int octave = Math.floorDiv(key, 12) - 1;
    return NAMES[Math.floorMod(key, 12)] + (octave < 0 ? "(" + octave + ")" : String.valueOf(octave));
  }

  static String loopName(Zone.Loop mode) {
    return switch (mode) {
      case OFF -> "Off";
      case FORWARD -> "Forward";
      case PING_PONG -> "Ping-pong";
    };
  }

  /** "Zone 2: C-3..B-3, root C-3, sample 2". */
  static String zone(SampleSet set, int index) {
    Zone z = set.zones().get(index);
    return "Zone " + (index + 1) + ": " + name(z.keyLow()) + ".." + name(z.keyHigh()) + ", root " + name(z.rootKey())
        + (set.samples().size() > 1 ? ", sample " + (z.sample() + 1) : "");
  }

  /** "48000 Hz, stereo, 96000 frames (2.000 s)". */
  static String describe(Sample s) {
    return s.sampleRate() + " Hz, " + (s.channels() == 2 ? "stereo" : "mono") + ", " + s.frames() + " frames ("
        + seconds(s.frames(), s.sampleRate()) + ")";
  }

  static String seconds(long frames, int rate) {
    return String.format(Locale.ROOT, "%.3f s", (double) frames / rate);
  }

  /** A linear level in dBFS, "-inf" for silence. */
  static String dbfs(double peak) {
    return peak <= 0 ? "-inf dBFS" : String.format(Locale.ROOT, "%.1f dBFS", 20 * Math.log10(peak));
  }
}

package org.patchwork.dsp.sampler.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;

/**
 * A {@link SampleSet} prepared for playing: per zone a {@link Playback} whose buffer has the
 * loop unrolled, so the interpolator never needs to know about loops. Immutable; built on a
 * control thread, read by the audio thread.
 *
 * <p>The unrolled buffer holds the sample up to the loop's end and then the loop's periodic
 * continuation: for a forward loop [s, e) of length L, frame n ≥ s holds
 * {@code x[s + (n − s) mod L]}; for ping-pong, with period P = 2(L − 1) and t = (n − s) mod P,
 * it holds {@code x[s + t]} for t &lt; L and {@code x[s + P − t]} after, i.e.
 * …, e−2, e−1, e−2, …, s+1, s, s+1, … (the turning frames are not repeated). A voice wraps its
 * position by the period once it passes {@code wrapAt}; every tap the 32-tap kernel reads is
 * then on the periodic part, so the seam is interpolated exactly like the rest.
 */
final class Keymap {

  /** Zeros before frame 0, so the kernel's taps never leave the buffer. */
  static final int PAD = SincKernel.HALF;

  /** One zone, ready to play. */
  static final class Playback {
    final int keyLow;
    final int keyHigh;
    final int velocityLow;
    final int velocityHigh;
    final int rootKey;
    final double cents;
    final double gain;
    final int sampleRate;
    /** [channel][PAD + frame]. */
    final float[][] data;
    final boolean looped;
    /** Looped: the position at which the voice steps back by {@link #period}. */
    final double wrapAt;
    final double period;
    /** Unlooped: the position after which every tap reads zeros and the voice ends. */
    final double end;

    Playback(Zone z, Sample s, float[][] data, double period) {
      keyLow = z.keyLow();
      keyHigh = z.keyHigh();
      velocityLow = z.velocityLow();
      velocityHigh = z.velocityHigh();
      rootKey = z.rootKey();
      cents = z.fineTuneCents();
      gain = Math.pow(10, z.gainDb() / 20.0);
      sampleRate = s.sampleRate();
      this.data = data;
      looped = z.loop() != Zone.Loop.OFF;
      this.period = period;
      wrapAt = looped ? z.loopEnd() + SincKernel.HALF + period : 0;
      end = looped ? 0 : s.frames() + SincKernel.HALF;
    }

    boolean matches(int key, int velocity) {
      return key >= keyLow && key <= keyHigh && velocity >= velocityLow && velocity <= velocityHigh;
    }
  }

  final Playback[] zones;

  private Keymap(Playback[] zones) {
    this.zones = zones;
  }

  /** Prepares every zone of {@code set}; zones that share a sample and loop share a buffer. */
  static Keymap of(SampleSet set) {
    Map<List<Integer>, float[][]> built = new HashMap<>();
    List<Playback> zones = new ArrayList<>();
    for (Zone z : set.zones()) {
      Sample s = set.samples().get(z.sample());
      double period = switch (z.loop()) {
        case OFF -> 0;
        case FORWARD -> z.loopEnd() - z.loopStart();
        case PING_PONG -> 2 * (z.loopEnd() - z.loopStart() - 1);
      };
      List<Integer> key = List.of(z.sample(), z.loop().ordinal(), z.loopStart(), z.loopEnd());
      float[][] data = built.computeIfAbsent(key, k -> unroll(s, z, (int) period));
      zones.add(new Playback(z, s, data, period));
    }
    return new Keymap(zones.toArray(new Playback[0]));
  }

  private static float[][] unroll(Sample s, Zone z, int period) {
    int frames = s.frames();
    int s0 = z.loopStart();
    int e = z.loopEnd();
    int loop = e - s0;
    // Unlooped: the sample and 2·HALF + 1 zeros after it (reads end at frames + 2·HALF).
    // Looped: up to wrapAt + HALF + 1, with 2 frames to spare.
    int length = z.loop() == Zone.Loop.OFF ? frames + 2 * SincKernel.HALF + 2 : e + 2 * SincKernel.HALF + period + 3;
    float[][] out = new float[s.channels()][PAD + length];
    for (int c = 0; c < s.channels(); c++) {
      float[] o = out[c];
      for (int n = 0; n < length; n++) {
        int from;
        if (z.loop() == Zone.Loop.OFF) {
          from = n < frames ? n : -1;
        } else if (n < e) {
          from = n;
        } else if (z.loop() == Zone.Loop.FORWARD) {
          from = s0 + (n - s0) % loop;
        } else {
          int t = (n - s0) % period;
          from = t < loop ? s0 + t : s0 + period - t;
        }
        float x = from < 0 ? 0 : s.value(c, from);
        // Denormal values in a file would stay denormal through the filter; they are silence.
        o[PAD + n] = Math.abs(x) < Float.MIN_NORMAL ? 0 : x;
      }
    }
    return out;
  }
}

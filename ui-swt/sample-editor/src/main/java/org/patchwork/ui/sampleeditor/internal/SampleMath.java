package org.patchwork.ui.sampleeditor.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;

/**
 * The sample editor's maths on immutable sample data: peak, normalize, trim, and replacing a
 * sample while keeping every zone's loop inside it. Frame ranges are half-open,
 * {@code [from, to)}. Every method returns new data and refuses, with a message for the user,
 * what it cannot do (an empty range, a silent selection).
 */
final class SampleMath {

  private SampleMath() {
  }

  /** The largest magnitude over both channels of frames {@code [from, to)}. */
  static double peak(Sample s, int from, int to) {
    checkRange(s, from, to);
    double peak = 0;
    for (int c = 0; c < s.channels(); c++) {
      for (int i = from; i < to; i++) {
        peak = Math.max(peak, Math.abs(s.value(c, i)));
      }
    }
    return peak;
  }

  /**
   * The sample with frames {@code [from, to)} of every channel scaled by one factor so that
   * their peak is 1.0 (0 dBFS); frames outside the range are kept as they are.
   *
   * @throws IllegalArgumentException if the range is empty or silent
   */
  static Sample normalize(Sample s, int from, int to) {
    double peak = peak(s, from, to);
    if (peak == 0) {
      throw new IllegalArgumentException("the selection is silent: there is nothing to normalize");
    }
    double gain = 1.0 / peak;
    float[][] out = new float[s.channels()][];
    for (int c = 0; c < out.length; c++) {
      float[] data = s.channel(c);
      for (int i = from; i < to; i++) {
        data[i] = (float) (data[i] * gain);
      }
      out[c] = data;
    }
    return new Sample(s.sampleRate(), out);
  }

  /** Only frames {@code [from, to)} of the sample. */
  static Sample trim(Sample s, int from, int to) {
    checkRange(s, from, to);
    float[][] out = new float[s.channels()][to - from];
    for (int c = 0; c < out.length; c++) {
      s.copy(c, from, out[c], 0, to - from);
    }
    return new Sample(s.sampleRate(), out);
  }

  /**
   * The set with sample {@code index} trimmed to {@code [from, to)}; the loops of the zones
   * playing it move with the kept frames and are cut to fit (a loop left with fewer than two
   * frames is switched off).
   */
  static SampleSet trim(SampleSet set, int index, int from, int to) {
    Sample trimmed = trim(sample(set, index), from, to);
    List<Zone> zones = new ArrayList<>();
    for (Zone z : set.zones()) {
      zones.add(z.sample() == index ? shiftLoop(z, -from, trimmed.frames()) : z);
    }
    return new SampleSet(replace(set.samples(), index, trimmed), zones);
  }

  /** The set with sample {@code index}'s frames {@code [from, to)} normalized. */
  static SampleSet normalize(SampleSet set, int index, int from, int to) {
    return new SampleSet(replace(set.samples(), index, normalize(sample(set, index), from, to)), set.zones());
  }

  /**
   * The set with sample {@code index} replaced by {@code next}; loops of the zones playing it
   * that no longer fit are cut to its length, or switched off when less than two frames remain.
   */
  static SampleSet replaceSample(SampleSet set, int index, Sample next) {
    sample(set, index);
    List<Zone> zones = new ArrayList<>();
    for (Zone z : set.zones()) {
      zones.add(z.sample() == index ? shiftLoop(z, 0, next.frames()) : z);
    }
    return new SampleSet(replace(set.samples(), index, next), zones);
  }

  /** {@code z} with its loop moved by {@code offset} frames and kept within {@code [0, frames]}. */
  static Zone shiftLoop(Zone z, int offset, int frames) {
    if (z.loop() == Zone.Loop.OFF) {
      return z;
    }
    int start = clamp((long) z.loopStart() + offset, frames);
    int end = clamp((long) z.loopEnd() + offset, frames);
    return end - start >= 2 ? z.withLoop(z.loop(), start, end) : z.withLoop(Zone.Loop.OFF, 0, 0);
  }

  private static int clamp(long frame, int frames) {
    return (int) Math.max(0, Math.min(frames, frame));
  }

  private static Sample sample(SampleSet set, int index) {
    if (index < 0 || index >= set.samples().size()) {
      throw new IllegalArgumentException("there is no sample " + index + " (the set has " + set.samples().size() + ")");
    }
    return set.samples().get(index);
  }

  private static List<Sample> replace(List<Sample> samples, int index, Sample s) {
    List<Sample> out = new ArrayList<>(samples);
    out.set(index, s);
    return out;
  }

  private static void checkRange(Sample s, int from, int to) {
    if (from < 0 || to > s.frames() || from >= to) {
      throw new IllegalArgumentException("frames " + from + ".." + to + " are not a range within the sample's "
          + s.frames() + " frames");
    }
  }
}

package org.patchwork.dsp.sampler.internal;

/**
 * What every voice of a {@link Sampler} reads in one block, written by the sampler before it
 * renders: the pitch factors per frame and the envelope and filter settings, already clamped.
 * Allocated once, in activate.
 */
final class Settings {

  /** Frames between the filter's coefficient updates. */
  static final int CONTROL = 16;
  /** Highest increment, source frames per output frame (six octaves up at equal rates). */
  static final double MAX_INCREMENT = 64;

  final double sampleRate;
  /** Per frame: {@code 2^(tune/12 + pitch)}. */
  final double[] factor;
  /** Per frame: {@code fm_depth · fm} in Hz. */
  final double[] fmHz;
  /** True when {@link #factor} is the same all block and {@link #fmHz} is 0. */
  boolean constantPitch;

  double attackStep;
  double decayCoefficient;
  int decayFrames;
  double sustain;
  double releaseCoefficient;
  int releaseFrames;
  double killStep;
  double cutoff;
  double damping;
  double filterEnvelopeOctaves;
  /** The filter envelope's factor per control period. */
  double filterDecay;
  double keytrack;
  double velocitySensitivity;
  /** Highest cutoff: 0.45·fs keeps tan(π·fc/fs) finite and the filter stable. */
  final double maxCutoff;

  Settings(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    factor = new double[maxFrames];
    fmHz = new double[maxFrames];
    maxCutoff = 0.45 * sampleRate;
    killStep = 1 / Math.max(1, 0.003 * sampleRate); // a stolen voice fades out in 3 ms
  }

  /** Frames of a segment of {@code millis}, at least one so a zero time is a jump. */
  int frames(double millis) {
    return (int) Math.max(1, Math.round(millis * sampleRate / 1000));
  }

  /** The factor per frame of an exponential that falls by 80 dB in {@code frames}. */
  static double fall80(double frames) {
    return Math.exp(Math.log(1e-4) / frames);
  }

  /** {@code x} limited to [lo, hi]; NaN gives lo. */
  static double clamp(double x, double lo, double hi) {
    if (!(x >= lo)) {
      return lo;
    }
    return x > hi ? hi : x;
  }
}

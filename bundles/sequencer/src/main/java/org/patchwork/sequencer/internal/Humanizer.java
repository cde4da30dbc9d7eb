package org.patchwork.sequencer.internal;

import org.patchwork.sequencer.Humanize;

/**
 * The random numbers of {@link Humanize}: a SplitMix64 hash of the seed and the note's place
 * (order index, line, track, column), so they depend on nothing played before.
 */
final class Humanizer {

  /** Timing steps per line. */
  static final int STEPS = 65_536;

  private Humanizer() {
  }

  /** The note's delay in 1/{@link #STEPS} of a line, 0..STEPS-1, before scaling by the amount. */
  static int timingStep(long seed, int order, int line, int track, int column) {
    return (int) (hash(seed, order, line, track, column, 1) >>> 48);
  }

  /** A uniform number in [0, 1) for the note's velocity. */
  static double velocityUnit(long seed, int order, int line, int track, int column) {
    return (hash(seed, order, line, track, column, 2) >>> 11) * 0x1.0p-53;
  }

  private static long hash(long seed, int order, int line, int track, int column, int stream) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L * stream);
    h = mix(h ^ order);
    h = mix(h ^ ((long) line << 20 ^ (long) track << 8 ^ column));
    return h;
  }

  private static long mix(long z) {
    z += 0x9E3779B97F4A7C15L;
    z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
    z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
    return z ^ z >>> 31;
  }
}

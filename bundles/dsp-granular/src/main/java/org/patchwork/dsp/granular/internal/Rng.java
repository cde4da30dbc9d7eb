package org.patchwork.dsp.granular.internal;

/**
 * The granular engine's random numbers: Marsaglia's xorshift64* (Vigna, "An experimental
 * exploration of Marsaglia's xorshift generators, scrambled", ACM TOMS 42(4), 2016), seeded
 * through SplitMix64 so that neighbouring seeds give unrelated sequences and no seed gives the
 * all-zero state. One long of state, no allocation, so it may run on the audio thread.
 */
final class Rng {

  private long state = 1;

  /** Restarts the sequence of {@code seed}. */
  void seed(long seed) {
    long z = seed + 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    state = z == 0 ? 0x9E3779B97F4A7C15L : z;
  }

  /** A uniform double in [0, 1). */
  double next() {
    long x = state;
    x ^= x >>> 12;
    x ^= x << 25;
    x ^= x >>> 27;
    state = x;
    return ((x * 0x2545F4914F6CDD1DL) >>> 11) * 0x1p-53;
  }
}

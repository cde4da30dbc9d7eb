package org.patchwork.drivers.internal;

/**
 * Callback durations in microseconds, counted into buckets allocated once, so that recording
 * on the audio thread allocates nothing and takes constant time.
 *
 * <p>Buckets are log-linear (as in HdrHistogram): values below {@value #EXACT} µs each have
 * their own bucket; above, every power of two is split into {@value #SUB} buckets, so a
 * percentile is exact below about a millisecond and within 0.2 % above. Values beyond
 * {@code 2^MAX_EXP} µs (about 19 hours) fall into the last bucket; the maximum is kept exactly.
 *
 * <p>Single writer (the audio thread); readers on other threads see a possibly torn mix of two
 * adjacent blocks, which is fine for monitoring and exact once the writer has stopped.
 */
public final class LatencyHistogram {

  static final int EXACT = 1024;
  static final int SUB = 512;
  private static final int EXACT_BITS = 10; // log2(EXACT)
  private static final int MAX_EXP = 36;
  private static final int BUCKETS = EXACT + (MAX_EXP - EXACT_BITS + 1) * SUB;

  private final long[] counts = new long[BUCKETS];
  private long total;
  private long max;

  /** Audio thread. Records one duration. */
  public void record(long micros) {
    long v = Math.max(0, micros);
    counts[index(v)]++;
    total++;
    if (v > max) {
      max = v;
    }
  }

  /** Control thread, writer stopped. Forgets everything recorded. */
  public void reset() {
    java.util.Arrays.fill(counts, 0);
    total = 0;
    max = 0;
  }

  public long count() {
    return total;
  }

  public long max() {
    return max;
  }

  /**
   * The nearest-rank percentile: the smallest recorded value (to bucket precision) such that at
   * least {@code percent} % of all values are less than or equal to it; 0 if nothing was recorded.
   */
  public long percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("percent must be in (0, 100], was " + percent);
    }
    long n = total;
    if (n == 0) {
      return 0;
    }
    long rank = (long) Math.ceil(percent / 100.0 * n);
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return Math.min(highestValueIn(i), max);
      }
    }
    return max;
  }

  static int index(long v) {
    if (v < EXACT) {
      return (int) v;
    }
    int exp = 63 - Long.numberOfLeadingZeros(v);
    if (exp > MAX_EXP) {
      return BUCKETS - 1;
    }
    int shift = exp - (EXACT_BITS - 1); // keeps the top 10 bits: a mantissa in [512, 1023]
    int mantissa = (int) (v >>> shift);
    return EXACT + (exp - EXACT_BITS) * SUB + (mantissa - SUB);
  }

  static long highestValueIn(int index) {
    if (index < EXACT) {
      return index;
    }
    int exp = (index - EXACT) / SUB + EXACT_BITS;
    int mantissa = (index - EXACT) % SUB + SUB;
    int shift = exp - (EXACT_BITS - 1);
    return ((long) (mantissa + 1) << shift) - 1;
  }
}

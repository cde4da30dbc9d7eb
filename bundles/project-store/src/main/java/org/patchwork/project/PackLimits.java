package org.patchwork.project;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What unpacking accepts at most, against zip bombs. Sizes are counted as the bytes actually
 * inflated, not as the archive declares them.
 *
 * @param maxEntries entries in the archive
 * @param maxTotalBytes bytes of all entries together, inflated
 * @param maxRatio inflated to compressed size of one entry, checked for entries over 1 MiB
 */
@ProviderType
public record PackLimits(int maxEntries, long maxTotalBytes, int maxRatio) {

  /** 100,000 entries, 8 GiB, 200:1. */
  public static final PackLimits DEFAULT = new PackLimits(100_000, 8L << 30, 200);

  /** Entries smaller than this may compress better than {@code maxRatio} (JSON does). */
  public static final long RATIO_FLOOR = 1 << 20;

  /** Checks the limits are positive. */
  public PackLimits {
    if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1) {
      throw new IllegalArgumentException("pack limits must be positive");
    }
  }
}

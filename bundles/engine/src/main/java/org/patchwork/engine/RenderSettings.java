package org.patchwork.engine;

import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * How {@link OfflineRenderer} renders.
 *
 * @param sampleRate frames per second, 8000..384000; 0 for the project's own rate
 * @param blockSize frames per engine block, 1..8192 (the result does not depend on it)
 * @param seconds length to render; 0 for "until the last note ends, plus {@link #TAIL_SECONDS}"
 * @param format the file's sample format
 * @param threads threads rendering each block, 1..64 (independent tracks run in parallel; the
 *     bytes do not depend on it); 0 for the default: the system property
 *     {@code patchwork.render.threads}, else one per available processor
 */
@ProviderType
public record RenderSettings(double sampleRate, int blockSize, double seconds, WavFormat format, int threads) {

  /** Seconds rendered after the last note when {@code seconds} is 0, for release tails. */
  public static final double TAIL_SECONDS = 2.0;

  /** Checks each setting and names the one that is wrong. */
  public RenderSettings {
    if (!(sampleRate == 0 || sampleRate >= 8000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("sampleRate must be 0 (the project's) or within 8000..384000 Hz: " + sampleRate);
    }
    if (blockSize < 1 || blockSize > 8192) {
      throw new IllegalArgumentException("blockSize must be within 1..8192: " + blockSize);
    }
    if (!(seconds >= 0 && seconds <= 86_400)) {
      throw new IllegalArgumentException("seconds must be within 0..86400 (0 = to the end): " + seconds);
    }
    Objects.requireNonNull(format, "format");
    if (threads < 0 || threads > 64) {
      throw new IllegalArgumentException("threads must be within 0..64 (0 = one per processor): " + threads);
    }
  }

  /** Settings with the default number of threads. */
  public RenderSettings(double sampleRate, int blockSize, double seconds, WavFormat format) {
    this(sampleRate, blockSize, seconds, format, 0);
  }

  /** These settings with {@code count} threads (0 for the default). */
  public RenderSettings withThreads(int count) {
    return new RenderSettings(sampleRate, blockSize, seconds, format, count);
  }

  /** The threads to use: {@link #threads()}, or the default for 0. */
  public int effectiveThreads() {
    if (threads > 0) {
      return threads;
    }
    int n = Integer.getInteger("patchwork.render.threads", Runtime.getRuntime().availableProcessors());
    return Math.max(1, Math.min(64, n));
  }

  /** The project's rate, blocks of 256, to the end, 24-bit. */
  public static RenderSettings defaults() {
    return new RenderSettings(0, 256, 0, WavFormat.PCM_24);
  }
}

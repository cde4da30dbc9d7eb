package org.patchwork.dsp.sampler.data;

import java.util.Arrays;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One recording: mono or stereo float PCM at its own sample rate. Immutable; the arrays given
 * to the constructor are copied and those it returns are copies.
 *
 * <pre>{@code
 * float[] tone = new float[48_000];
 * for (int i = 0; i < tone.length; i++) tone[i] = (float) Math.sin(2 * Math.PI * 440 * i / 48_000);
 * Sample a4 = new Sample(48_000, tone);
 * }</pre>
 */
@ProviderType
public final class Sample {

  /** Most channels a sample has: stereo. */
  public static final int MAX_CHANNELS = 2;
  /** Longest sample: 2^25 frames, 11.6 minutes at 48 kHz (128 MB of floats per channel). */
  public static final int MAX_FRAMES = 1 << 25;
  /** Lowest and highest sample rate, in Hz. */
  public static final int MIN_RATE = 1000;
  public static final int MAX_RATE = 768_000;
  /** Largest magnitude of a value: +24 dB over full scale, room for hot float files. */
  public static final float MAX_VALUE = 16f;

  private final int sampleRate;
  private final float[][] channels;

  /**
   * A sample of one channel array (mono) or two of equal length (stereo).
   *
   * @throws IllegalArgumentException if the rate, channel count or length is out of range, or a
   *     value is not finite or beyond {@link #MAX_VALUE}
   */
  public Sample(int sampleRate, float[]... channels) {
    this(sampleRate, copy(channels), true);
  }

  /** Takes {@code channels} without copying; for this package's parsers. */
  Sample(int sampleRate, float[][] channels, boolean check) {
    require(sampleRate >= MIN_RATE && sampleRate <= MAX_RATE,
        "sample rate " + sampleRate + " Hz is outside " + MIN_RATE + ".." + MAX_RATE);
    require(channels.length >= 1 && channels.length <= MAX_CHANNELS,
        "a sample has 1 or 2 channels, not " + channels.length);
    int frames = channels[0].length;
    require(frames >= 1 && frames <= MAX_FRAMES,
        "a sample has 1.." + MAX_FRAMES + " frames, not " + frames);
    for (int c = 0; c < channels.length; c++) {
      float[] data = channels[c];
      require(data.length == frames, "channel " + c + " has " + data.length + " frames, channel 0 " + frames);
      if (check) {
        for (int i = 0; i < frames; i++) {
          float x = data[i];
          // Written so that NaN fails too.
          require(x >= -MAX_VALUE && x <= MAX_VALUE,
              "value " + x + " at frame " + i + " of channel " + c + " is not finite or beyond ±" + MAX_VALUE);
        }
      }
    }
    this.sampleRate = sampleRate;
    this.channels = channels;
  }

  /** Frames per second at which the sample was recorded. */
  public int sampleRate() {
    return sampleRate;
  }

  /** 1 (mono) or 2 (stereo). */
  public int channels() {
    return channels.length;
  }

  /** Length in frames. */
  public int frames() {
    return channels[0].length;
  }

  /** The value of one frame of one channel. */
  public float value(int channel, int frame) {
    return channels[channel][frame];
  }

  /** A copy of one channel. */
  public float[] channel(int channel) {
    return channels[channel].clone();
  }

  /** Copies {@code length} frames of a channel from {@code from} into {@code target} at {@code at}. */
  public void copy(int channel, int from, float[] target, int at, int length) {
    System.arraycopy(channels[channel], from, target, at, length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sample s && s.sampleRate == sampleRate && Arrays.deepEquals(s.channels, channels);
  }

  @Override
  public int hashCode() {
    return 31 * sampleRate + Arrays.deepHashCode(channels);
  }

  @Override
  public String toString() {
    return "Sample[" + channels.length + " ch, " + frames() + " frames, " + sampleRate + " Hz]";
  }

  private static float[][] copy(float[][] channels) {
    require(channels != null, "channels are missing");
    float[][] copy = new float[channels.length][];
    for (int c = 0; c < channels.length; c++) {
      require(channels[c] != null, "channel " + c + " is missing");
      copy[c] = channels[c].clone();
    }
    return copy;
  }

  static void require(boolean rule, String message) {
    if (!rule) {
      throw new IllegalArgumentException(message);
    }
  }
}

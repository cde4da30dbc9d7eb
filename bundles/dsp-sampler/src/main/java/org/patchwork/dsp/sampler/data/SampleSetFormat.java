package org.patchwork.dsp.sampler.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The binary form of a {@link SampleSet}: what a sampler's {@code saveState} returns and a
 * project stores (base64) as a node's {@code state}. Version 1, all numbers little-endian:
 *
 * <pre>
 *  header, 12 bytes   magic "PWSS" · u16 version = 1 · u16 zones Z · u16 samples S · u16 0
 *  Z zones, 24 bytes  u16 sample · u8 keyLow · u8 keyHigh · u8 velocityLow · u8 velocityHigh
 *                     · u8 rootKey · u8 loop (0 off, 1 forward, 2 ping-pong) · f32 fineTuneCents
 *                     · f32 gainDb · i32 loopStart · i32 loopEnd
 *  S samples          i32 sampleRate · u8 channels · 3 bytes 0 · i32 frames
 *                     · frames × channels f32, interleaved
 * </pre>
 *
 * and nothing after. {@link #decode} trusts no length: it checks each against the bytes that
 * remain before allocating, then every rule of {@link Sample}, {@link Zone} and
 * {@link SampleSet}, and throws an {@link IllegalArgumentException} naming the first problem
 * (bad magic, an unknown version, truncation, a length or value out of range, a loop outside
 * its sample, an empty key range). A later version will get a new version number and this
 * class will keep reading version 1.
 *
 * <pre>{@code
 * byte[] state = SampleSetFormat.encode(set);
 * SampleSet again = SampleSetFormat.decode(state);   // equal to set
 * }</pre>
 */
@ProviderType
public final class SampleSetFormat {

  /** "PWSS", Patchwork sample set. */
  public static final int MAGIC = 'P' | 'W' << 8 | 'S' << 16 | 'S' << 24;
  /** The version {@link #encode} writes and the newest {@link #decode} reads. */
  public static final int VERSION = 1;

  private static final int HEADER = 12;
  private static final int ZONE = 24;
  private static final int SAMPLE_HEADER = 12;

  private SampleSetFormat() {
  }

  /** The bytes of {@code set} in the newest version. */
  public static byte[] encode(SampleSet set) {
    long size = HEADER + (long) ZONE * set.zones().size();
    for (Sample s : set.samples()) {
      size += SAMPLE_HEADER + 4L * s.frames() * s.channels();
    }
    if (size > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("sample set of " + size + " bytes is too large to encode (2 GB at most)");
    }
    ByteBuffer b = ByteBuffer.allocate((int) size).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(MAGIC).putShort((short) VERSION).putShort((short) set.zones().size())
        .putShort((short) set.samples().size()).putShort((short) 0);
    for (Zone z : set.zones()) {
      b.putShort((short) z.sample()).put((byte) z.keyLow()).put((byte) z.keyHigh())
          .put((byte) z.velocityLow()).put((byte) z.velocityHigh()).put((byte) z.rootKey())
          .put((byte) z.loop().ordinal()).putFloat(z.fineTuneCents()).putFloat(z.gainDb())
          .putInt(z.loopStart()).putInt(z.loopEnd());
    }
    for (Sample s : set.samples()) {
      b.putInt(s.sampleRate()).put((byte) s.channels()).put((byte) 0).putShort((short) 0).putInt(s.frames());
      for (int i = 0; i < s.frames(); i++) {
        for (int c = 0; c < s.channels(); c++) {
          b.putFloat(s.value(c, i));
        }
      }
    }
    return b.array();
  }

  /**
   * The set stored in {@code bytes}.
   *
   * @throws IllegalArgumentException naming the first problem found; nothing else
   */
  public static SampleSet decode(byte[] bytes) {
    try {
      return read(bytes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("sample set state: " + e.getMessage(), e);
    }
  }

  private static SampleSet read(byte[] bytes) {
    Sample.require(bytes != null, "no bytes");
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    need(b, 4, "the magic number");
    Sample.require(b.getInt() == MAGIC, "bad magic: this is not a Patchwork sample set (PWSS)");
    need(b, HEADER - 4, "the header");
    int version = Short.toUnsignedInt(b.getShort());
    Sample.require(version == VERSION, "unsupported version " + version + " (this build reads " + VERSION + ")");
    int zoneCount = Short.toUnsignedInt(b.getShort());
    int sampleCount = Short.toUnsignedInt(b.getShort());
    Sample.require(b.getShort() == 0, "reserved header bytes are not 0");
    Sample.require(zoneCount >= 1 && zoneCount <= SampleSet.MAX_ZONES,
        "zone count " + zoneCount + " is outside 1.." + SampleSet.MAX_ZONES);
    Sample.require(sampleCount >= 1 && sampleCount <= SampleSet.MAX_SAMPLES,
        "sample count " + sampleCount + " is outside 1.." + SampleSet.MAX_SAMPLES);
    need(b, (long) zoneCount * ZONE, zoneCount + " zones");
    List<Zone> zones = new ArrayList<>(zoneCount);
    Zone.Loop[] loops = Zone.Loop.values();
    for (int z = 0; z < zoneCount; z++) {
      int sample = Short.toUnsignedInt(b.getShort());
      int keyLow = Byte.toUnsignedInt(b.get());
      int keyHigh = Byte.toUnsignedInt(b.get());
      int velocityLow = Byte.toUnsignedInt(b.get());
      int velocityHigh = Byte.toUnsignedInt(b.get());
      int root = Byte.toUnsignedInt(b.get());
      int loop = Byte.toUnsignedInt(b.get());
      float cents = b.getFloat();
      float gain = b.getFloat();
      int loopStart = b.getInt();
      int loopEnd = b.getInt();
      Sample.require(loop < loops.length, "zone " + z + ": unknown loop mode " + loop);
      try {
        zones.add(new Zone(sample, keyLow, keyHigh, velocityLow, velocityHigh, root, cents, gain,
            loops[loop], loopStart, loopEnd));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("zone " + z + ": " + e.getMessage(), e);
      }
    }
    List<Sample> samples = new ArrayList<>(sampleCount);
    for (int s = 0; s < sampleCount; s++) {
      need(b, SAMPLE_HEADER, "the header of sample " + s);
      int rate = b.getInt();
      int channels = Byte.toUnsignedInt(b.get());
      Sample.require(b.get() == 0 && b.getShort() == 0, "sample " + s + ": reserved bytes are not 0");
      int frames = b.getInt();
      Sample.require(channels >= 1 && channels <= Sample.MAX_CHANNELS,
          "sample " + s + ": " + channels + " channels (1 or 2 allowed)");
      Sample.require(frames >= 1 && frames <= Sample.MAX_FRAMES,
          "sample " + s + ": " + frames + " frames is outside 1.." + Sample.MAX_FRAMES);
      need(b, 4L * frames * channels, "the " + frames + " frames of sample " + s);
      float[][] data = new float[channels][frames];
      for (int i = 0; i < frames; i++) {
        for (int c = 0; c < channels; c++) {
          data[c][i] = b.getFloat();
        }
      }
      try {
        samples.add(new Sample(rate, data, true));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("sample " + s + ": " + e.getMessage(), e);
      }
    }
    Sample.require(!b.hasRemaining(), b.remaining() + " unexpected bytes after the last sample");
    return new SampleSet(samples, zones);
  }

  private static void need(ByteBuffer b, long bytes, String what) {
    if (b.remaining() < bytes) {
      throw new IllegalArgumentException("truncated: " + what + " need " + bytes + " bytes at offset "
          + b.position() + ", only " + b.remaining() + " remain");
    }
  }
}

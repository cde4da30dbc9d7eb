package org.patchwork.dsp.sampler.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Reads RIFF/WAVE files into a {@link Sample}: integer PCM of 8 (unsigned), 16, 24 or 32 bits
 * and IEEE float of 32 bits, mono or stereo, also in WAVE_FORMAT_EXTENSIBLE wrapping. Integers
 * are scaled by 2^-(bits−1), so full scale is ±1. Other chunks (LIST, cue, smpl, ...) are
 * skipped. What is tolerated: a RIFF size that disagrees with the file (common in files written
 * by streaming recorders; the chunks are read up to the file's end) and a last frame cut short
 * (dropped). Anything else malformed (not RIFF/WAVE, no fmt or data chunk, a chunk running past
 * the end, an unsupported encoding, a block size that disagrees with the format, no frames, a
 * float that is not finite) is rejected with an {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * Sample s = WavReader.read(Path.of("kick.wav"));
 * byte[] state = SampleSetFormat.encode(SampleSet.of(s, 36));
 * }</pre>
 */
@ProviderType
public final class WavReader {

  private static final int PCM = 1;
  private static final int FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;
  /** Largest file {@link #read(Path)} loads: 1 GiB. */
  private static final long MAX_FILE = 1L << 30;

  private WavReader() {
  }

  /**
   * Reads a WAV file.
   *
   * @throws IOException if the file cannot be read
   * @throws IllegalArgumentException if it is not a WAV file this reader understands
   */
  public static Sample read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_FILE) {
      throw new IllegalArgumentException(file + ": " + size + " bytes is larger than the 1 GiB limit");
    }
    try {
      return read(Files.readAllBytes(file));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Reads the bytes of a WAV file.
   *
   * @throws IllegalArgumentException naming what is wrong; nothing else
   */
  public static Sample read(byte[] wav) {
    try {
      return parse(wav);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("WAV: " + e.getMessage(), e);
    }
  }

  private static Sample parse(byte[] wav) {
    Sample.require(wav != null, "no bytes");
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    Sample.require(wav.length >= 12 && b.getInt(0) == fourCc("RIFF") && b.getInt(8) == fourCc("WAVE"),
        "not a RIFF/WAVE file");
    int position = 12;
    int format = -1;
    int channels = 0;
    int rate = 0;
    int blockAlign = 0;
    int bits = 0;
    while (wav.length - position >= 8) {
      int id = b.getInt(position);
      long size = Integer.toUnsignedLong(b.getInt(position + 4));
      int body = position + 8;
      String name = name(id);
      Sample.require(size <= wav.length - body,
          "truncated: chunk '" + name + "' says " + size + " bytes, only " + (wav.length - body) + " remain");
      if (id == fourCc("fmt ")) {
        Sample.require(size >= 16, "fmt chunk of " + size + " bytes is shorter than 16");
        format = Short.toUnsignedInt(b.getShort(body));
        channels = Short.toUnsignedInt(b.getShort(body + 2));
        rate = b.getInt(body + 4);
        blockAlign = Short.toUnsignedInt(b.getShort(body + 12));
        bits = Short.toUnsignedInt(b.getShort(body + 14));
        if (format == EXTENSIBLE) {
          // cbSize ≥ 22, then valid bits, channel mask and the sub-format GUID, whose first
          // two bytes are the plain format tag.
          Sample.require(size >= 40, "extensible fmt chunk of " + size + " bytes is shorter than 40");
          format = Short.toUnsignedInt(b.getShort(body + 24));
        }
      } else if (id == fourCc("data")) {
        Sample.require(format >= 0, "the data chunk comes before any fmt chunk");
        return decode(b, body, (int) size, format, channels, rate, blockAlign, bits);
      }
      // Chunks are padded to an even size.
      position = (int) Math.min(wav.length, body + size + (size & 1));
    }
    throw new IllegalArgumentException(format < 0 ? "no fmt chunk" : "no data chunk");
  }

  private static Sample decode(ByteBuffer b, int at, int size, int format, int channels, int rate,
      int blockAlign, int bits) {
    Sample.require(format == PCM || format == FLOAT,
        "encoding " + format + " is not supported (integer PCM 1 or IEEE float 3)");
    Sample.require(channels >= 1 && channels <= Sample.MAX_CHANNELS, channels + " channels (mono or stereo only)");
    Sample.require(format == PCM ? bits == 8 || bits == 16 || bits == 24 || bits == 32 : bits == 32,
        bits + "-bit " + (format == PCM ? "PCM" : "float") + " is not supported (PCM 8/16/24/32, float 32)");
    Sample.require(rate >= Sample.MIN_RATE && rate <= Sample.MAX_RATE,
        "sample rate " + rate + " Hz is outside " + Sample.MIN_RATE + ".." + Sample.MAX_RATE);
    int bytes = bits / 8;
    Sample.require(blockAlign == bytes * channels,
        "block size " + blockAlign + " disagrees with " + channels + " channels of " + bits + " bits");
    int frames = size / blockAlign;
    Sample.require(frames >= 1, "the data chunk holds no whole frame");
    Sample.require(frames <= Sample.MAX_FRAMES, frames + " frames is more than " + Sample.MAX_FRAMES);
    float[][] data = new float[channels][frames];
    int p = at;
    for (int i = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        data[c][i] = switch (bits) {
          case 8 -> ((b.get(p) & 0xFF) - 128) * 0x1p-7f;
          case 16 -> b.getShort(p) * 0x1p-15f;
          case 24 -> ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) * 0x1p-23f;
          default -> format == FLOAT ? b.getFloat(p) : (float) (b.getInt(p) * 0x1p-31);
        };
        p += bytes;
      }
    }
    // Integer PCM is within ±1 by construction; floats are checked.
    return new Sample(rate, data, format == FLOAT);
  }

  private static int fourCc(String s) {
    return s.charAt(0) | s.charAt(1) << 8 | s.charAt(2) << 16 | s.charAt(3) << 24;
  }

  private static String name(int id) {
    StringBuilder s = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      int c = id >>> (8 * i) & 0xFF;
      s.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
    }
    return s.toString();
  }
}

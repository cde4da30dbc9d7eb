package org.patchwork.playback.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a WAV file into floats: integer PCM of 8, 16, 24 or 32 bits and 32-bit IEEE float, mono
 * or stereo, plain or {@code WAVE_FORMAT_EXTENSIBLE}. Anything else, and every damaged file
 * (truncated chunks, sizes that do not add up, a missing fmt or data chunk, non-finite float
 * samples), is refused with an {@link IllegalArgumentException} naming the problem; nothing
 * is guessed.
 *
 * <pre>{@code
 * WavReader.Audio a = WavReader.read(Path.of("loop.wav"));
 * float[] left = a.samples()[0];
 * }</pre>
 */
final class WavReader {

  /** Largest file read, so a huge file fails with a message instead of exhausting memory. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private static final int PCM = 1;
  private static final int FLOAT = 3;
  private static final int EXTENSIBLE = 0xFFFE;

  /**
   * Decoded audio.
   *
   * @param sampleRate frames per second
   * @param samples {@code [channel][frame]}, each within [-1, 1) for PCM
   */
  record Audio(int sampleRate, float[][] samples) {
    int channels() {
      return samples.length;
    }

    int frames() {
      return samples[0].length;
    }
  }

  private WavReader() {
  }

  /**
   * Reads {@code file}.
   *
   * @throws IOException if the file cannot be read at all
   * @throws IllegalArgumentException if it is not a WAV file this reader understands
   */
  static Audio read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > MAX_BYTES) {
      throw new IllegalArgumentException("file is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
    }
    return decode(Files.readAllBytes(file));
  }

  /** Decodes the bytes of a whole WAV file. */
  static Audio decode(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (bytes.length < 12 || b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IllegalArgumentException("not a WAV file (no RIFF/WAVE header)");
    }
    long pos = 12;
    int format = -1;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (pos + 8 <= bytes.length) {
      int id = b.getInt((int) pos);
      long length = b.getInt((int) pos + 4) & 0xFFFF_FFFFL;
      long body = pos + 8;
      if (body + length > bytes.length) {
        throw new IllegalArgumentException("chunk '" + fourCc(id) + "' at byte " + pos + " claims " + length
            + " bytes but the file ends after " + (bytes.length - body) + " (truncated?)");
      }
      if (id == 0x20746d66) { // "fmt "
        if (format >= 0) {
          throw new IllegalArgumentException("two fmt chunks");
        }
        if (length < 16) {
          throw new IllegalArgumentException("fmt chunk is " + length + " bytes, at least 16 are needed");
        }
        int at = (int) body;
        format = b.getShort(at) & 0xFFFF;
        channels = b.getShort(at + 2) & 0xFFFF;
        long rateField = b.getInt(at + 4) & 0xFFFF_FFFFL;
        int blockAlign = b.getShort(at + 12) & 0xFFFF;
        bits = b.getShort(at + 14) & 0xFFFF;
        if (format == EXTENSIBLE) {
          if (length < 40) {
            throw new IllegalArgumentException("WAVE_FORMAT_EXTENSIBLE fmt chunk is " + length + " bytes, not 40");
          }
          format = b.getShort(at + 24) & 0xFFFF; // the sub-format GUID starts with the format tag
        }
        check(format, channels, rateField, bits, blockAlign);
        rate = (int) rateField;
      } else if (id == 0x61746164) { // "data"
        if (format < 0) {
          throw new IllegalArgumentException("data chunk comes before the fmt chunk");
        }
        return new Audio(rate, samples(b, (int) body, length, format, channels, bits));
      }
      pos = body + length + (length & 1);
    }
    throw new IllegalArgumentException(format < 0 ? "no fmt chunk" : "no data chunk");
  }

  private static void check(int format, int channels, long rate, int bits, int blockAlign) {
    if (format != PCM && format != FLOAT) {
      throw new IllegalArgumentException("sample format " + format
          + " is not supported (integer PCM or 32-bit float only)");
    }
    if (channels < 1 || channels > 2) {
      throw new IllegalArgumentException(channels + " channels: only mono and stereo are supported");
    }
    if (rate < 8000 || rate > 384_000) {
      throw new IllegalArgumentException("sample rate " + rate + " Hz is outside 8000..384000");
    }
    boolean ok = format == FLOAT ? bits == 32 : bits == 8 || bits == 16 || bits == 24 || bits == 32;
    if (!ok) {
      throw new IllegalArgumentException(bits + "-bit " + (format == FLOAT ? "float" : "PCM")
          + " is not supported (PCM 8/16/24/32, float 32)");
    }
    if (blockAlign != channels * bits / 8) {
      throw new IllegalArgumentException("block align " + blockAlign + " does not match " + channels
          + " channel(s) of " + bits + " bits");
    }
  }

  private static float[][] samples(ByteBuffer b, int at, long length, int format, int channels, int bits) {
    int bytes = bits / 8;
    long frames = length / ((long) bytes * channels);
    if (frames == 0) {
      throw new IllegalArgumentException("the data chunk holds no complete frame");
    }
    float[][] s = new float[channels][(int) frames];
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        int p = at + (f * channels + c) * bytes;
        float x = switch (bits) {
          case 8 -> ((b.get(p) & 0xFF) - 128) / 128f;
          case 16 -> b.getShort(p) / 32768f;
          case 24 -> ((b.get(p) & 0xFF) | (b.get(p + 1) & 0xFF) << 8 | b.get(p + 2) << 16) / 8388608f;
          default -> format == FLOAT ? b.getFloat(p) : (float) (b.getInt(p) / 2147483648.0);
        };
        if (!Float.isFinite(x)) {
          throw new IllegalArgumentException("sample " + f + " of channel " + c + " is not a finite number");
        }
        s[c][f] = x;
      }
    }
    return s;
  }

  private static String fourCc(int id) {
    StringBuilder s = new StringBuilder(4);
    for (int i = 0; i < 4; i++) {
      char c = (char) (id >>> 8 * i & 0xFF);
      s.append(c >= 32 && c < 127 ? c : '?');
    }
    return s.toString();
  }
}

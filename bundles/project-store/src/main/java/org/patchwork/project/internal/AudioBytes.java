package org.patchwork.project.internal;

import org.patchwork.project.AudioData;
import org.patchwork.project.AudioFiles;
import org.patchwork.project.ProjectFormatException;

/**
 * Bounds-checked access to an audio file's bytes and the sample decoding WAV and AIFF share.
 * Every read past the end is a {@link ProjectFormatException} naming the file, never an
 * index exception.
 */
public final class AudioBytes {

  final String source;
  final byte[] b;

  /** The bytes of {@code source}. */
  public AudioBytes(String source, byte[] bytes) {
    this.source = source;
    this.b = bytes;
  }

  int length() {
    return b.length;
  }

  /** Four bytes as ASCII (non-ASCII shown as '?'). */
  public String tag(int at) {
    need(at, 4, "a chunk id");
    char[] c = new char[4];
    for (int i = 0; i < 4; i++) {
      int v = b[at + i] & 0xff;
      c[i] = v >= 0x20 && v < 0x7f ? (char) v : '?';
    }
    return new String(c);
  }

  /** Up to {@code n} bytes for a message, printable or hex. */
  public String printable(int at, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = at; i < Math.min(b.length, at + n); i++) {
      int v = b[i] & 0xff;
      s.append(v >= 0x20 && v < 0x7f ? String.valueOf((char) v) : String.format("\\x%02x", v));
    }
    return "'" + s + "'";
  }

  int u8(int at) {
    need(at, 1, "a byte");
    return b[at] & 0xff;
  }

  int u16le(int at) {
    need(at, 2, "a 16-bit number");
    return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
  }

  long u32le(int at) {
    need(at, 4, "a 32-bit number");
    return (b[at] & 0xffL) | (b[at + 1] & 0xffL) << 8 | (b[at + 2] & 0xffL) << 16 | (b[at + 3] & 0xffL) << 24;
  }

  int u16be(int at) {
    need(at, 2, "a 16-bit number");
    return (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
  }

  long u32be(int at) {
    need(at, 4, "a 32-bit number");
    return (b[at] & 0xffL) << 24 | (b[at + 1] & 0xffL) << 16 | (b[at + 2] & 0xffL) << 8 | (b[at + 3] & 0xffL);
  }

  void need(long at, long n, String what) {
    if (at < 0 || n < 0 || at + n > b.length) {
      throw fail("truncated: the file ends before " + what + " at byte " + at);
    }
  }

  ProjectFormatException fail(String reason) {
    return new ProjectFormatException(source, null, reason);
  }

  /**
   * Decodes interleaved samples.
   *
   * @param bytesPerSample 1..8
   * @param isFloat IEEE float (4 or 8 bytes) rather than two's complement PCM
   * @param bigEndian byte order
   * @param unsigned8 8-bit PCM is unsigned (WAV) rather than signed (AIFF)
   */
  AudioData decode(String container, String encoding, int at, int channels, double rate, long frames,
      int bytesPerSample, boolean isFloat, boolean bigEndian, boolean unsigned8) {
    if (frames > AudioFiles.MAX_FRAMES) {
      throw fail("too long: " + frames + " frames (at most " + AudioFiles.MAX_FRAMES + ")");
    }
    long bytes = frames * channels * bytesPerSample;
    need(at, bytes, "the end of the audio data");
    int n = (int) frames;
    float[][] out = new float[channels][n];
    int p = at;
    for (int f = 0; f < n; f++) {
      for (int c = 0; c < channels; c++) {
        long raw = 0;
        for (int i = 0; i < bytesPerSample; i++) {
          int v = b[p + (bigEndian ? i : bytesPerSample - 1 - i)] & 0xff;
          raw = raw << 8 | v;
        }
        p += bytesPerSample;
        float x;
        if (isFloat) {
          double d = bytesPerSample == 4 ? Float.intBitsToFloat((int) raw) : Double.longBitsToDouble(raw);
          x = (float) d;
          if (!Float.isFinite(x)) {
            // NaN, infinity, or a 64-bit value too large for 32 bits (found by fuzzing)
            throw fail("sample " + f + " of channel " + c + " is not a finite number (or too large): " + d);
          }
        } else if (bytesPerSample == 1 && unsigned8) {
          x = (raw - 128) / 128f;
        } else {
          int bits = bytesPerSample * 8;
          long signed = raw << (64 - bits) >> (64 - bits);
          x = (float) (signed / (double) (1L << (bits - 1)));
        }
        out[c][f] = x;
      }
    }
    return new AudioData(container, encoding, channels, rate, n, out);
  }
}

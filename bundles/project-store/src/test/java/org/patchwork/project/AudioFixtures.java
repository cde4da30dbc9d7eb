package org.patchwork.project;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;

/** Writes WAV and AIFF test files of every supported encoding, and the signal they hold. */
public final class AudioFixtures {

  private AudioFixtures() {
  }

  /** The test signal: a 440 Hz sine at half scale plus a little seeded noise, per channel. */
  public static double signal(int channel, int frame, double rate, long seed) {
    double noise = new Random(seed * 31 + frame * 7L + channel).nextDouble() * 0.01;
    return 0.5 * Math.sin(2 * Math.PI * 440 * frame / rate + channel) + noise;
  }

  /** A PCM WAV (format 1) of {@code bits} 8/16/24/32. */
  public static byte[] wav(int channels, int rate, int bits, int frames, long seed) {
    return wav(channels, rate, bits, frames, seed, false, false);
  }

  /** A WAV; {@code isFloat} for IEEE float (32/64 bits), {@code extensible} for WAVE_FORMAT_EXTENSIBLE. */
  public static byte[] wav(int channels, int rate, int bits, int frames, long seed, boolean isFloat, boolean extensible) {
    int bytes = bits / 8;
    ByteBuffer data = ByteBuffer.allocate(frames * channels * bytes).order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        putSample(data, signal(c, f, rate, seed), bits, isFloat, false, true);
      }
    }
    int fmtSize = extensible ? 40 : 16;
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + data.capacity()).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : isFloat ? 3 : 1))
        .putShort((short) channels).putInt(rate).putInt(rate * channels * bytes)
        .putShort((short) (channels * bytes)).putShort((short) bits);
    if (extensible) {
      b.putShort((short) 22).putShort((short) bits).putInt(channels == 2 ? 3 : 4)
          .putShort((short) (isFloat ? 3 : 1))
          .put(new byte[] {0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
              (byte) 0x9B, 0x71});
    }
    b.put("data".getBytes()).putInt(data.capacity()).put(data.array());
    return b.array();
  }

  /**
   * An AIFF ({@code compression} null) or AIFC file with compression NONE, twos, sowt, fl32 or fl64.
   */
  public static byte[] aiff(int channels, int rate, int bits, int frames, long seed, String compression) {
    boolean isFloat = compression != null && compression.startsWith("fl");
    boolean little = "sowt".equals(compression);
    int bytes = (bits + 7) / 8;
    ByteBuffer data = ByteBuffer.allocate(frames * channels * bytes).order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
    for (int f = 0; f < frames; f++) {
      for (int c = 0; c < channels; c++) {
        putSample(data, signal(c, f, rate, seed), bits, isFloat, true, false);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int commSize = compression == null ? 18 : 18 + 4 + 2; // empty pascal string, padded
    ByteBuffer comm = ByteBuffer.allocate(8 + commSize).order(ByteOrder.BIG_ENDIAN);
    comm.put("COMM".getBytes()).putInt(commSize).putShort((short) channels).putInt(frames).putShort((short) bits)
        .put(extended(rate));
    if (compression != null) {
      comm.put(compression.getBytes()).put((byte) 0).put((byte) 0);
    }
    ByteBuffer ssnd = ByteBuffer.allocate(16).order(ByteOrder.BIG_ENDIAN);
    ssnd.put("SSND".getBytes()).putInt(8 + data.capacity()).putInt(0).putInt(0);
    int formSize = 4 + comm.capacity() + ssnd.capacity() + data.capacity();
    ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.BIG_ENDIAN);
    head.put("FORM".getBytes()).putInt(formSize).put((compression == null ? "AIFF" : "AIFC").getBytes());
    out.writeBytes(head.array());
    out.writeBytes(comm.array());
    out.writeBytes(ssnd.array());
    out.writeBytes(data.array());
    return out.toByteArray();
  }

  /** The quantisation step of an encoding, for comparing decoded samples. */
  public static double step(int bits, boolean isFloat) {
    return isFloat ? 1e-7 : 1.0 / (1L << (bits - 1));
  }

  private static void putSample(ByteBuffer b, double x, int bits, boolean isFloat, boolean signed8, boolean wav) {
    if (isFloat) {
      if (bits == 32) {
        b.putFloat((float) x);
      } else {
        b.putDouble(x);
      }
      return;
    }
    int bytes = (bits + 7) / 8;
    long v = Math.round(x * ((1L << (bits - 1)) - 1));
    v <<= bytes * 8 - bits; // AIFF: left-justified
    if (bytes == 1 && !signed8) {
      b.put((byte) (v + 128));
      return;
    }
    for (int i = 0; i < bytes; i++) {
      int shift = b.order() == ByteOrder.LITTLE_ENDIAN ? 8 * i : 8 * (bytes - 1 - i);
      b.put((byte) (v >> shift));
    }
  }

  /** An 80-bit extended of a whole positive number. */
  static byte[] extended(int value) {
    int exponent = 63 - Long.numberOfLeadingZeros(value) + 16383;
    long mantissa = (long) value << Long.numberOfLeadingZeros(value);
    ByteBuffer b = ByteBuffer.allocate(10).order(ByteOrder.BIG_ENDIAN);
    b.putShort((short) exponent).putLong(mantissa);
    return b.array();
  }
}

package org.patchwork.dsp.sampler.data;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes test WAV files: PCM 8/16/24/32 or float 32, optionally WAVE_FORMAT_EXTENSIBLE. */
final class Wavs {

  private Wavs() {
  }

  static byte[] write(int format, int bits, int rate, boolean extensible, float[]... channels) {
    int frames = channels[0].length;
    int block = bits / 8 * channels.length;
    int fmtSize = extensible ? 40 : 16;
    int dataSize = frames * block;
    ByteBuffer b = ByteBuffer.allocate(12 + 8 + fmtSize + 8 + dataSize + (dataSize & 1)).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    b.put("fmt ".getBytes()).putInt(fmtSize).putShort((short) (extensible ? 0xFFFE : format))
        .putShort((short) channels.length).putInt(rate).putInt(rate * block).putShort((short) block)
        .putShort((short) bits);
    if (extensible) {
      b.putShort((short) 22).putShort((short) bits).putInt(channels.length == 1 ? 4 : 3)
          .putShort((short) format).put(new byte[] {0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71});
    }
    b.put("data".getBytes()).putInt(dataSize);
    for (int i = 0; i < frames; i++) {
      for (float[] channel : channels) {
        double x = channel[i];
        switch (bits) {
          case 8 -> b.put((byte) (Math.round(x * 128) + 128));
          case 16 -> b.putShort((short) Math.round(x * 32768));
          case 24 -> {
            int v = (int) Math.round(x * 8388608);
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
          }
          default -> {
            if (format == 3) {
              b.putFloat((float) x);
            } else {
              b.putInt((int) Math.round(x * 2147483648.0));
            }
          }
        }
      }
    }
    return b.array();
  }

  /** A short test signal within [−1, 1): a ramp through the range. */
  static float[] signal(int frames, float offset) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (((i * 37 + offset * 100) % 200) / 100.0 - 1) * 0.99f;
    }
    return x;
  }
}

package org.patchwork.distribution;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the PCM (16/24-bit) and float WAV files the renderer writes, for measurements. */
record Wave(int sampleRate, int channels, float[][] samples) {

  static Wave read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != 0x46464952 || b.getInt(8) != 0x45564157) {
      throw new IOException(file + " is not a RIFF/WAVE file");
    }
    int pos = 12;
    int format = 0;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    while (pos + 8 <= b.limit()) {
      int id = b.getInt(pos);
      int size = b.getInt(pos + 4);
      if (id == 0x20746d66) { // "fmt "
        format = b.getShort(pos + 8) & 0xffff;
        channels = b.getShort(pos + 10);
        rate = b.getInt(pos + 12);
        bits = b.getShort(pos + 22);
      } else if (id == 0x61746164) { // "data"
        int bytes = bits / 8;
        int frames = size / (bytes * channels);
        float[][] s = new float[channels][frames];
        for (int f = 0; f < frames; f++) {
          for (int c = 0; c < channels; c++) {
            int at = pos + 8 + (f * channels + c) * bytes;
            s[c][f] = switch (bits) {
              case 16 -> b.getShort(at) / 32768f;
              case 24 -> ((b.get(at) & 0xff) | (b.get(at + 1) & 0xff) << 8 | b.get(at + 2) << 16) / 8388608f;
              case 32 -> format == 3 ? b.getFloat(at) : b.getInt(at) / 2147483648f;
              default -> throw new IllegalStateException("unsupported bits: " + bits);
            };
          }
        }
        return new Wave(rate, channels, s);
      }
      pos += 8 + size + (size & 1);
    }
    throw new IOException(file + " has no data chunk");
  }

  double seconds() {
    return samples[0].length / (double) sampleRate;
  }

  /** The average of all channels between two times. */
  float[] mono(double from, double to) {
    int a = (int) (from * sampleRate);
    int z = Math.min(samples[0].length, (int) (to * sampleRate));
    float[] m = new float[z - a];
    for (float[] ch : samples) {
      for (int i = a; i < z; i++) {
        m[i - a] += ch[i] / channels;
      }
    }
    return m;
  }
}

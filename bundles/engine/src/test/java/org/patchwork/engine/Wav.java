package org.patchwork.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads back what {@link WavWriter} wrote, chunk by chunk, for tests. */
record Wav(int format, int channels, int sampleRate, int bits, long factFrames, ByteBuffer data) {

  static Wav read(Path file) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt() != 0x46464952 || b.getInt() != b.capacity() - 8 || b.getInt() != 0x45564157) {
      throw new IOException("not a RIFF/WAVE file with a correct size: " + file);
    }
    int format = 0;
    int channels = 0;
    int rate = 0;
    int bits = 0;
    long fact = -1;
    ByteBuffer data = null;
    while (b.remaining() >= 8) {
      int id = b.getInt();
      int size = b.getInt();
      int start = b.position();
      switch (id) {
        case 0x20746d66 -> { // "fmt "
          format = b.getShort();
          channels = b.getShort();
          rate = b.getInt();
          b.getInt();
          b.getShort();
          bits = b.getShort();
        }
        case 0x74636166 -> fact = Integer.toUnsignedLong(b.getInt()); // "fact"
        case 0x61746164 -> data = b.slice(start, size).order(ByteOrder.LITTLE_ENDIAN); // "data"
        default -> { }
      }
      b.position(start + size + (size & 1));
    }
    return new Wav(format, channels, rate, bits, fact, data);
  }

  /** Channel {@code ch} of a float file. */
  float[] floats(int ch) {
    int frames = data.capacity() / 4 / channels;
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = data.getFloat((i * channels + ch) * 4);
    }
    return x;
  }

  int frames() {
    return data.capacity() / (bits / 8) / channels;
  }
}

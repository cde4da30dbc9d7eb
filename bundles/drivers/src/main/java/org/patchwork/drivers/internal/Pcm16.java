package org.patchwork.drivers.internal;

/** Float blocks to interleaved signed 16-bit little-endian PCM, the format every line takes. */
final class Pcm16 {

  private Pcm16() {}

  /** Audio thread. Writes {@code frames × channels × 2} bytes into {@code out}. */
  static void interleave(float[][] channels, int frames, byte[] out) {
    int i = 0;
    for (int f = 0; f < frames; f++) {
      for (float[] channel : channels) {
        float v = channel[f];
        // clamp, so that an overshoot clips instead of wrapping around; NaN rounds to 0
        v = v > 1f ? 1f : (v < -1f ? -1f : v);
        int s = Math.round(v * 32767f);
        out[i++] = (byte) s;
        out[i++] = (byte) (s >> 8);
      }
    }
  }
}

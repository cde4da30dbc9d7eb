package org.patchwork.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TapBufferTest {

  @Test
  void readsTheNewestFramesAcrossTheWrap() {
    TapBuffer tap = new TapBuffer("t", 48_000);
    float[] l = new float[1000];
    float[] r = new float[1000];
    long n = 0;
    // Write past the end of the ring several times with a ramp, in odd-sized blocks.
    while (n < TapBuffer.CAPACITY * 3L + 123) {
      int block = 997;
      for (int i = 0; i < block; i++) {
        l[i] = n + i;
        r[i] = -(n + i);
      }
      tap.write(l, r, block);
      n += block;
    }
    assertEquals(n, tap.written());
    float[] outL = new float[256];
    float[] outR = new float[256];
    int got = tap.read(n - 256, outL, outR);
    assertEquals(256, got);
    for (int i = 0; i < 256; i++) {
      assertEquals(n - 256 + i, outL[i], 0.5f);
      assertEquals(-(n - 256 + i), outR[i], 0.5f);
    }
    assertEquals(256, tap.read(0, outL, outR), "asking for too much gives the newest that fit");
    assertEquals(n - 256, outL[0], 0.5f);
    assertEquals(0, tap.read(n, outL, outR), "nothing new");
  }
}

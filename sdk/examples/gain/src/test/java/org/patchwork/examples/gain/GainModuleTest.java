package org.patchwork.examples.gain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class GainModuleTest {

  private static float[][] sine(double hz, int frames) {
    float[][] s = new float[2][frames];
    for (int i = 0; i < frames; i++) {
      s[0][i] = (float) Math.sin(2 * Math.PI * hz * i / 48_000);
      s[1][i] = -s[0][i];
    }
    return s;
  }

  @Test
  void minusSixDecibelsHalvesTheAmplitude() {
    ModuleHarness h = new ModuleHarness(new GainModule(), GainModule.DESCRIPTOR, 48_000, 128);
    h.input("in", sine(1000, 48_000)).set("gain", -20 * Math.log10(2));
    float[][] out = h.render(48_000);
    assertEquals(0.5, Signals.peak(out[0]), 1e-4);
    assertEquals(0.5, Signals.peak(out[1]), 1e-4);
  }

  @Test
  void gainChangeGlidesOverFiveMillisecondsWithoutAJump() {
    ModuleHarness h = new ModuleHarness(new GainModule(), GainModule.DESCRIPTOR, 48_000, 64);
    float[][] dc = {new float[9600], new float[9600]};
    java.util.Arrays.fill(dc[0], 1f);
    java.util.Arrays.fill(dc[1], 1f);
    h.input("in", dc);
    h.render(4800);
    h.set("gain", -60);
    float[] out = h.render(4800)[0];
    assertEquals(Math.pow(10, -0.25 / 20), out[0], 1e-5, "first frame is one step (60 dB / 240) down");
    assertEquals(0.001, out[240], 1e-6, "after 5 ms (240 frames) the gain is -60 dB");
    for (int i = 1; i < 240; i++) {
      assertEquals(true, out[i] <= out[i - 1], "gain falls monotonically, frame " + i);
    }
  }
}

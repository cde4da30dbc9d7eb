package org.patchwork.dsp.modulators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.ModuleHarness;

class SampleHoldTest {

  private static final int RATE = 48_000;

  private static ModuleHarness sh() {
    return new ModuleHarness(new SampleHold(), SampleHold.DESCRIPTOR, RATE, 64);
  }

  private static float[] sweep() {
    float[] in = new float[RATE];
    for (int i = 0; i < in.length; i++) {
      in[i] = (float) Math.sin(2 * Math.PI * 3.7 * i / RATE);
    }
    return in;
  }

  /** Between two rising edges the output is, bit for bit, the input at the first edge. */
  @Test
  void holdsTheInputAtEachRisingTriggerExactly() {
    float[] in = sweep();
    float[] trigger = new float[RATE];
    int[] edges = {100, 5000, 5001, 17_333, 30_000, 47_000};
    for (int e : edges) {
      java.util.Arrays.fill(trigger, e, Math.min(RATE, e + 40), 1f); // 40-frame pulses
    }
    trigger[5001] = 0.5f; // 5000 and 5001 touch: only one rise
    trigger[20_000] = -1f; // a fall below zero with no rise is no clock
    float[] out = sh().input("in", new float[][] {in}).input("trigger", new float[][] {trigger}).render(RATE)[0];
    for (int i = 0; i < 100; i++) {
      assertEquals(0f, out[i], "0 before the first clock");
    }
    int[] clocks = {100, 5000, 17_333, 30_000, 47_000};
    for (int c = 0; c < clocks.length; c++) {
      int end = c + 1 < clocks.length ? clocks[c + 1] : RATE;
      for (int i = clocks[c]; i < end; i++) {
        assertEquals(in[clocks[c]], out[i], 0f, "frame " + i + " holds the value of frame " + clocks[c]);
      }
    }
  }

  @Test
  void internalRateClocksEveryPeriod() {
    float[] in = new float[RATE];
    for (int i = 0; i < in.length; i++) {
      in[i] = i;
    }
    float[] out = sh().set("rate", 100).input("in", new float[][] {in}).render(RATE)[0];
    int changes = 0;
    for (int i = 0; i < RATE; i++) {
      assertEquals(480 * (i / 480), out[i], 0f, "frame " + i);
      if (i > 0 && out[i] != out[i - 1]) {
        changes++;
      }
    }
    assertEquals(99, changes, "100 Hz: a new value every 480 frames");
  }

  @Test
  void withNothingConnectedItSteppsThroughReproducibleNoise() {
    ModuleHarness h = sh().set("rate", 50);
    float[] out = h.render(RATE)[0];
    double sum = 0;
    int distinct = 0;
    for (int step = 0; step < 50; step++) {
      float v = out[step * 960];
      assertTrue(v >= -1 && v < 1);
      for (int i = step * 960; i < (step + 1) * 960; i++) {
        assertEquals(v, out[i], 0f, "held through the step");
      }
      if (step > 0 && v != out[(step - 1) * 960]) {
        distinct++;
      }
      sum += v;
    }
    assertEquals(49, distinct, "every clock draws a new value");
    assertEquals(0, sum / 50, 0.25, "centred on 0");
    h.reset();
    assertArrayEquals(out, h.render(RATE)[0], "reset re-seeds the noise");
  }

  /** Glide follows a one-pole: 1 − 1/e of a step after one time constant. */
  @Test
  void glideFollowsTheHeldValueWithItsTimeConstant() {
    float[] in = new float[RATE];
    java.util.Arrays.fill(in, 1f);
    float[] trigger = new float[RATE];
    trigger[1000] = 1f;
    float[] out = sh().set("glide", 50).input("in", new float[][] {in}).input("trigger", new float[][] {trigger})
        .render(RATE)[0];
    int crossing = 1000;
    while (out[crossing] < 1 - Math.exp(-1)) {
      crossing++;
    }
    double ms = (crossing - 1000 + 1) * 1000.0 / RATE;
    System.out.printf("sample & hold glide 50 ms: 63.2 %% after %.3f ms%n", ms);
    assertEquals(50, ms, 0.5);
    assertEquals(1f, out[RATE - 1], 0f, "lands exactly");
  }

  @Test
  void extremeInputsStayFinite() {
    float[] wild = new float[RATE];
    java.util.Random random = new java.util.Random(4);
    for (int i = 0; i < wild.length; i++) {
      wild[i] = i % 3 == 0 ? Float.NaN : (float) (random.nextGaussian() * 1e30);
    }
    for (double glide : new double[] {0, SampleHold.MAX_GLIDE}) {
      float[] out = sh().set("glide", glide).set("rate", SampleHold.MAX_RATE).input("in", new float[][] {wild})
          .render(RATE)[0];
      for (float x : out) {
        assertTrue(Float.isFinite(x) && (x == 0 || Math.abs(x) >= Float.MIN_NORMAL), "glide " + glide + ": " + x);
      }
    }
  }
}

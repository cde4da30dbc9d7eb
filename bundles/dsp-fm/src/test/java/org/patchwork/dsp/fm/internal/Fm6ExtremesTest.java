package org.patchwork.dsp.fm.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.fm.internal.Tones.RATE;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * Every parameter at its minimum and at its maximum, all at once at either end, against wild
 * pitch and FM inputs (noise, ±1 DC, an impulse, huge values): the output stays finite and has
 * no subnormal samples, and the notes still end.
 */
class Fm6ExtremesTest {

  private static final int FRAMES = RATE / 2;
  private static final List<ParameterDescriptor> PARAMS = Fm6Synth.DESCRIPTOR.parameters();

  @Test
  void eachParameterAtEitherEnd() {
    for (ParameterDescriptor p : PARAMS) {
      for (double value : new double[] {p.min(), p.max()}) {
        ModuleHarness h = Fm6SynthTest.harness(64).set("op3_level", 0.7).set("feedback", 0.5).set(p.id(), value);
        check(h, p.id() + " = " + value, signals()[0]);
      }
    }
  }

  @Test
  void allParametersAtEitherEnd() {
    for (boolean max : new boolean[] {false, true}) {
      for (float[] input : signals()) {
        ModuleHarness h = Fm6SynthTest.harness(37);
        for (ParameterDescriptor p : PARAMS) {
          h.set(p.id(), max ? p.max() : p.min());
        }
        check(h, (max ? "all at max" : "all at min"), input);
      }
    }
  }

  @Test
  void everyAlgorithmWithEveryOperatorLoud() {
    for (int a = 0; a < Fm6Algorithms.COUNT; a++) {
      ModuleHarness h = Fm6SynthTest.harness(64).set("algorithm", a).set("feedback", 1);
      for (int op = 1; op <= 6; op++) {
        h.set("op" + op + "_level", 1).set("op" + op + "_ratio", op * 1.5);
      }
      check(h, Fm6Algorithms.NAMES[a], signals()[0]);
    }
  }

  private static void check(ModuleHarness h, String what, float[] input) {
    h.input("pitch", new float[][] {input}).input("fm", new float[][] {input});
    int a = h.noteOn(0, 0, 1f);
    int b = h.noteOn(100, 127, 0f);
    int c = h.noteOn(2000, 69, 0.5f);
    h.noteOff(FRAMES / 2, 0, a);
    h.noteOff(FRAMES / 2, 127, b);
    h.noteOff(FRAMES / 2, 69, c);
    float[] out = h.render(FRAMES)[0];
    assertTrue(Tones.clean(out), what + ": finite, no subnormals");
  }

  /** Full-scale noise, +1 and −1 DC, an impulse, huge alternating values with NaN. */
  private static float[][] signals() {
    float[] noise = new float[FRAMES];
    float[] plus = new float[FRAMES];
    float[] minus = new float[FRAMES];
    float[] impulse = new float[FRAMES];
    float[] wild = new float[FRAMES];
    Random random = new Random(1);
    for (int i = 0; i < FRAMES; i++) {
      noise[i] = random.nextFloat() * 2 - 1;
      plus[i] = 1;
      minus[i] = -1;
      wild[i] = i % 3 == 0 ? 1e30f : i % 3 == 1 ? -1e30f : Float.NaN;
    }
    impulse[100] = 1;
    return new float[][] {noise, plus, minus, impulse, wild};
  }
}

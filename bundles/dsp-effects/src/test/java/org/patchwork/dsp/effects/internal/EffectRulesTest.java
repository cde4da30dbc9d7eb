package org.patchwork.dsp.effects.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.effects.internal.Signal.RATE;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

/**
 * What every effect of this bundle must do whatever its parameters: stay finite and free of
 * denormals at every extreme, let silence decay, reproduce itself after reset, and allocate
 * nothing while processing.
 */
class EffectRulesTest {

  record Effect(String name, Supplier<AudioModule> make, ModuleDescriptor descriptor) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Effect> effects() {
    return Stream.of(
        new Effect("delay", Delay::new, Delay.DESCRIPTOR),
        new Effect("reverb", Reverb::new, Reverb.DESCRIPTOR),
        new Effect("chorus", Chorus::new, Chorus.DESCRIPTOR));
  }

  @ParameterizedTest
  @MethodSource("effects")
  void isAStereoEffectWithADescribedParameterSet(Effect e) {
    ModuleDescriptor d = e.descriptor();
    assertEquals(ModuleKind.EFFECT, d.kind());
    assertTrue(d.tags().contains("effect"));
    assertEquals(List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)), d.ports());
    assertTrue(d.id().startsWith("org.patchwork.dsp."));
  }

  /** Each parameter at its min and its max, all at min, all at max; five kinds of input. */
  @ParameterizedTest
  @MethodSource("effects")
  void extremeParametersAndInputsGiveCleanOutput(Effect e) {
    List<ParameterDescriptor> params = e.descriptor().parameters();
    List<double[]> settings = new ArrayList<>();
    double[] allMin = new double[params.size()];
    double[] allMax = new double[params.size()];
    for (int p = 0; p < params.size(); p++) {
      allMin[p] = params.get(p).min();
      allMax[p] = params.get(p).max();
      for (double v : new double[] {params.get(p).min(), params.get(p).max()}) {
        double[] s = defaults(params);
        s[p] = v;
        settings.add(s);
      }
    }
    settings.add(allMin);
    settings.add(allMax);
    float[] dcUp = new float[RATE];
    float[] dcDown = new float[RATE];
    java.util.Arrays.fill(dcUp, 1f);
    java.util.Arrays.fill(dcDown, -1f);
    float[][][] inputs = {
        {Signal.noise(1, RATE, 0), Signal.noise(2, RATE, 0)}, Signal.mono(dcUp), Signal.mono(dcDown),
        Signal.mono(Signal.impulse(1)), Signal.mono(new float[1])};
    for (double[] s : settings) {
      for (int k = 0; k < inputs.length; k++) {
        ModuleHarness h = Signal.harness(e.make().get(), e.descriptor());
        for (int p = 0; p < params.size(); p++) {
          h.set(params.get(p).id(), s[p]);
        }
        float[][] out = h.input("in", inputs[k]).render(3 * RATE);
        String what = e + " input " + k + " settings " + java.util.Arrays.toString(s);
        assertTrue(Signal.clean(out[0]) && Signal.clean(out[1]), what);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("effects")
  void silenceAfterNoiseDecaysBelowTheFloorWithinTwentySeconds(Effect e) {
    float[] noise = Signal.noise(5, RATE, 0);
    float[][] out = Signal.harness(e.make().get(), e.descriptor())
        .input("in", Signal.mono(noise)).render(22 * RATE);
    assertTrue(Signal.clean(out[0]) && Signal.clean(out[1]));
    int last = 0;
    for (int i = 0; i < out[0].length; i++) {
      if (Math.abs(out[0][i]) >= 1e-4 || Math.abs(out[1][i]) >= 1e-4) {
        last = i;
      }
    }
    double seconds = (last + 1.0 - RATE) / RATE;
    System.out.printf("%s: below 1e-4 %.2f s after the noise stops%n", e, seconds);
    assertTrue(seconds < 20, e + " still above 1e-4 after " + seconds + " s");
  }

  @ParameterizedTest
  @MethodSource("effects")
  void resetReproducesTheOutputByteForByte(Effect e) {
    float[][] noise = {Signal.noise(7, RATE, RATE / 2), Signal.noise(8, RATE, RATE / 2)};
    ModuleHarness h = Signal.harness(e.make().get(), e.descriptor()).input("in", noise);
    float[][] first = h.render(noise[0].length);
    assertTrue(Signals.peak(first[0]) > 0.01);
    h.reset();
    float[][] second = h.render(noise[0].length);
    assertArrayEquals(first[0], second[0]);
    assertArrayEquals(first[1], second[1]);
  }

  @ParameterizedTest
  @MethodSource("effects")
  void processingAllocatesNothing(Effect e) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    DirectContext ctx = new DirectContext(e.make().get(), e.descriptor(), RATE, 256);
    float[] noise = Signal.noise(9, 256, 0);
    System.arraycopy(noise, 0, ctx.in[0], 0, 256);
    System.arraycopy(noise, 0, ctx.in[1], 0, 256);
    threads.getThreadAllocatedBytes(id);
    long allocated;
    int rounds = 0;
    // JIT compilation allocates a little on this thread at first; a module that allocates per
    // block never gets a clean round.
    do {
      long before = threads.getThreadAllocatedBytes(id);
      for (int b = 0; b < 2000; b++) {
        ctx.block(256);
        if (b % 500 == 0) {
          ctx.module.reset();
        }
      }
      allocated = threads.getThreadAllocatedBytes(id) - before;
    } while (allocated != 0 && ++rounds < 20);
    assertEquals(0, allocated, e + ": bytes allocated by 2000 blocks of process and 4 resets");
  }

  private static double[] defaults(List<ParameterDescriptor> params) {
    double[] s = new double[params.size()];
    for (int p = 0; p < s.length; p++) {
      s[p] = params.get(p).defaultValue();
    }
    return s;
  }
}

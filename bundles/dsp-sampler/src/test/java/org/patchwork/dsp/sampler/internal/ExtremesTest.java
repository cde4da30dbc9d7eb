package org.patchwork.dsp.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.sampler.internal.Fixtures.RATE;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * Until the conformance kit runs it: every parameter at its minimum and maximum (and all at
 * either end), with full-scale noise, ±1 DC and an impulse on the pitch and fm inputs, notes
 * across the keyboard: every output frame is finite and never denormal.
 */
class ExtremesTest {

  @Test
  void noNanInfOrDenormalAtAnyParameterExtreme() {
    List<ParameterDescriptor> params = Sampler.DESCRIPTOR.parameters();
    int cases = 0;
    for (int p = -2; p < params.size(); p++) {
      for (int end = 0; end < 2; end++) {
        for (int input = 0; input < 5; input++) {
          ModuleHarness h = new ModuleHarness(new Sampler(), Sampler.DESCRIPTOR, RATE, 128);
          // p = −2: all at their minimum; p = −1: all at their maximum; else p at one end.
          for (int q = 0; q < params.size(); q++) {
            ParameterDescriptor d = params.get(q);
            if (p < 0 || q == p) {
              h.set(d.id(), p == -2 || p >= 0 && end == 0 ? d.min() : d.max());
            }
          }
          float[] cv = signal(input, RATE);
          h.input("pitch", new float[][] {cv});
          h.input("fm", new float[][] {cv});
          int id = 0;
          for (int k = 0; k <= 127; k += 9) {
            id = h.noteOn(k * 50L, k, k / 127f);
          }
          h.noteOff(RATE / 2, 126, id);
          float[][] out = h.render(RATE);
          for (float[] channel : out) {
            for (int i = 0; i < channel.length; i++) {
              float x = channel[i];
              assertTrue(Float.isFinite(x) && (x == 0 || Math.abs(x) >= Float.MIN_NORMAL),
                  "parameter " + p + " end " + end + " input " + input + ": frame " + i + " = " + x);
            }
          }
          cases++;
        }
      }
    }
    System.out.printf("sampler extremes: %d cases clean%n", cases);
  }

  /** 0 silence, 1 full-scale white noise, 2 +1 DC, 3 −1 DC, 4 an impulse. */
  static float[] signal(int kind, int frames) {
    float[] x = new float[frames];
    Random r = new Random(kind);
    for (int i = 0; i < frames; i++) {
      x[i] = switch (kind) {
        case 1 -> r.nextFloat() * 2 - 1;
        case 2 -> 1;
        case 3 -> -1;
        case 4 -> i == 0 ? 1 : 0;
        default -> 0;
      };
    }
    return x;
  }
}

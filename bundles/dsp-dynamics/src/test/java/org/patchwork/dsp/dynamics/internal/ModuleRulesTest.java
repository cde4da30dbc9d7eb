package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.dynamics.internal.Measure.RATE;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * What every module of the bundle must do, whatever it is: stay finite and denormal-free at
 * extreme settings and inputs, let silence decay, reproduce its output after reset, and
 * allocate nothing while processing.
 */
class ModuleRulesTest {

  record Subject(String name, Supplier<AudioModule> create, ModuleDescriptor descriptor) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Subject> modules() {
    return Stream.of(
        new Subject("compressor", Compressor::new, Compressor.DESCRIPTOR),
        new Subject("limiter", Limiter::new, Limiter.DESCRIPTOR),
        new Subject("waveshaper", Waveshaper::new, Waveshaper.DESCRIPTOR),
        new Subject("eq", ParametricEq::new, ParametricEq.DESCRIPTOR));
  }

  /** Each parameter at its min and at its max, then all at min, then all at max. */
  private static List<double[]> extremeSettings(ModuleDescriptor d) {
    List<ParameterDescriptor> ps = d.parameters();
    List<double[]> settings = new ArrayList<>();
    double[] defaults = ps.stream().mapToDouble(ParameterDescriptor::defaultValue).toArray();
    for (int i = 0; i < ps.size(); i++) {
      double[] lo = defaults.clone();
      lo[i] = ps.get(i).min();
      settings.add(lo);
      double[] hi = defaults.clone();
      hi[i] = ps.get(i).max();
      settings.add(hi);
    }
    settings.add(ps.stream().mapToDouble(ParameterDescriptor::min).toArray());
    settings.add(ps.stream().mapToDouble(ParameterDescriptor::max).toArray());
    return settings;
  }

  private static float[] extremeInput(int kind, int frames) {
    float[] x = new float[frames];
    java.util.Random random = new java.util.Random(kind);
    for (int i = 0; i < frames; i++) {
      x[i] = switch (kind) {
        case 0 -> (float) (2 * random.nextDouble() - 1);  // full-scale white noise
        case 1 -> 1f;
        case 2 -> -1f;
        case 3 -> i == 0 ? 1f : 0f;
        default -> 0f;
      };
    }
    return x;
  }

  private static ModuleHarness harness(Subject s, double[] values) {
    ModuleHarness h = new ModuleHarness(s.create().get(), s.descriptor(), RATE, 64);
    for (int i = 0; i < values.length; i++) {
      h.set(s.descriptor().parameters().get(i).id(), values[i]);
    }
    return h;
  }

  private static ModuleHarness feed(ModuleHarness h, ModuleDescriptor d, float[] signal) {
    for (PortDescriptor p : d.ports()) {
      if (p.direction() == PortDescriptor.Direction.INPUT && p.type() != PortDescriptor.Type.EVENTS) {
        h.input(p.id(), Measure.both(signal));
      }
    }
    return h;
  }

  private static List<Integer> outputs(ModuleDescriptor d) {
    List<Integer> out = new ArrayList<>();
    for (int p = 0; p < d.ports().size(); p++) {
      if (d.ports().get(p).direction() == PortDescriptor.Direction.OUTPUT) {
        out.add(p);
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("modules")
  void extremeParametersAndInputsGiveCleanOutput(Subject s) {
    int frames = RATE / 4;
    int cases = 0;
    for (double[] setting : extremeSettings(s.descriptor())) {
      for (int kind = 0; kind < 5; kind++) {
        float[] in = extremeInput(kind, frames);
        for (int port : outputs(s.descriptor())) {
          float[][] out = feed(harness(s, setting), s.descriptor(), in).renderPort(port, frames);
          for (float[] channel : out) {
            assertTrue(Measure.clean(channel), s + " " + java.util.Arrays.toString(setting) + " input " + kind);
            assertTrue(Measure.peak(channel, 0, frames) < 1e4, s + " bounded");
          }
          cases++;
        }
      }
    }
    System.out.printf("%s: %d extreme cases clean%n", s, cases);
  }

  @ParameterizedTest
  @MethodSource("modules")
  void silenceAfterNoiseDecaysBelowMinus80DbWithinTwentySeconds(Subject s) {
    float[] in = new float[21 * RATE];
    System.arraycopy(extremeInput(0, RATE), 0, in, 0, RATE);
    for (int port : outputs(s.descriptor())) {
      ModuleHarness h = feed(new ModuleHarness(s.create().get(), s.descriptor(), RATE, 64), s.descriptor(), in);
      float[][] out = h.renderPort(port, in.length);
      for (float[] channel : out) {
        assertTrue(Measure.clean(channel));
        double tail = Measure.peak(channel, 20 * RATE, 21 * RATE);
        int quiet = -1;
        for (int i = channel.length - 1; i >= RATE; i--) {
          if (Math.abs(channel[i]) >= 1e-4) {
            quiet = i + 1;
            break;
          }
        }
        System.out.printf("%s port %d: below 1e-4 from %.3f s after the noise stops; peak in 20..21 s %.1e%n",
            s, port, Math.max(0, quiet - RATE) / (double) RATE, tail);
        assertTrue(tail < 1e-4, s + " tail " + tail);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("modules")
  void resetReproducesTheOutputByteForByte(Subject s) {
    float[] in = Measure.noise(7, 0.7, RATE);
    double[] values = s.descriptor().parameters().stream()
        .mapToDouble(p -> p.has(org.patchwork.sdk.module.ParameterFlag.STEPPED) ? p.defaultValue()
            : p.min() + 0.6 * (p.max() - p.min()))
        .toArray();
    for (int port : outputs(s.descriptor())) {
      ModuleHarness h = feed(harness(s, values), s.descriptor(), in);
      float[][] first = h.renderPort(port, in.length);
      h.reset();
      float[][] second = h.renderPort(port, in.length);
      for (int ch = 0; ch < first.length; ch++) {
        assertArrayEquals(first[ch], second[ch], s + " port " + port + " channel " + ch);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("modules")
  void processingAllocatesNothing(Subject s) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().threadId();
    AudioModule m = s.create().get();
    FixedContext ctx = new FixedContext(s.descriptor(), RATE, 256);
    m.activate(RATE, 256);
    threads.getThreadAllocatedBytes(id);
    long allocated = -1;
    for (int round = 0; round < 10 && allocated != 0; round++) {
      ctx.ramping = round % 2 == 1; // both the constant and the gliding paths
      long before = threads.getThreadAllocatedBytes(id);
      for (int block = 0; block < 2000; block++) {
        ctx.fill(block);
        m.process(ctx);
        if (block % 500 == 0) {
          m.reset();
        }
      }
      allocated = threads.getThreadAllocatedBytes(id) - before;
    }
    assertEquals(0, allocated, s + " allocated in process/reset");
  }
}

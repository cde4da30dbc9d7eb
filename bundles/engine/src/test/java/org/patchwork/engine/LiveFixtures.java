package org.patchwork.engine;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * Module versions for the live-lifecycle tests: a second version of the example gain that
 * behaves differently, a second sine, a module with saved state, and modules that misbehave on
 * cue (from their first note on).
 */
final class LiveFixtures {

  static final String STATEFUL = "test.stateful";
  static final String SPIN = "test.spin";
  static final int RATE = 48_000;

  private LiveFixtures() {
  }

  /** {@code d} with another version. */
  static ModuleDescriptor version(ModuleDescriptor d, String version) {
    return new ModuleDescriptor(d.id(), d.name(), d.vendor(), version, d.kind(), d.tags(), d.ports(),
        d.parameters(), d.latencySamples());
  }

  static ModuleFactory factory(ModuleDescriptor d, Supplier<AudioModule> make) {
    return new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return d;
      }

      @Override
      public AudioModule create() {
        return make.get();
      }

      @Override
      public String toString() {
        return d.id() + " " + d.version();
      }
    };
  }

  /** The example gain's descriptor at {@code version}, scaling its output by {@code factor} too. */
  static ModuleFactory gain(String version, float factor) {
    return factory(version(new GainFactory().descriptor(), version), () -> new ScaledGain(factor));
  }

  /** The example sine's module under another version. */
  static ModuleFactory sine(String version) {
    SineFactory sine = new SineFactory();
    return factory(version(sine.descriptor(), version), sine::create);
  }

  /**
   * An effect: {@code out = in · m · factor}, where {@code m} is its state (a float, saved and
   * restored as 4 bytes; 1 by default).
   */
  static ModuleFactory stateful(String version, float factor) {
    return factory(new ModuleDescriptor(STATEFUL, "Stateful", "Patchwork tests", version, ModuleKind.EFFECT,
        Set.of("test"), List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.audioOut("out", 1)), List.of(), 0),
        () -> new Stateful(factor));
  }

  static byte[] state(float m) {
    return ByteBuffer.allocate(4).putFloat(m).array();
  }

  /**
   * An instrument writing 0.5 until its first note; from then on each block spins for
   * {@code blockPeriods} block periods before writing, like a module stuck in a slow path.
   */
  static ModuleFactory spinner(double blockPeriods) {
    return factory(new ModuleDescriptor(SPIN, "Spin", "Patchwork tests", "1.0.0", ModuleKind.INSTRUMENT,
        Set.of("test"), List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)), List.of(), 0),
        () -> new Spinner(blockPeriods));
  }

  /** The example gain's arithmetic, times a factor: a "new version" that sounds different. */
  static final class ScaledGain implements AudioModule {
    private final float factor;

    ScaledGain(float factor) {
      this.factor = factor;
    }

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float g = (float) Math.pow(10, Math.max(-60, Math.min(24, ctx.parameter(0))) / 20) * factor;
      boolean constant = ctx.isParameterConstant(0);
      float[] ramp = ctx.parameterRamp(0);
      for (int ch = 0; ch < 2; ch++) {
        float[] in = ctx.input(0, ch);
        float[] out = ctx.output(1, ch);
        for (int i = 0; i < ctx.frames(); i++) {
          float gi = constant ? g : (float) Math.pow(10, ramp[i] / 20) * factor;
          out[i] = in[i] * gi;
        }
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }

  /** See {@link #stateful}. */
  static final class Stateful implements AudioModule {
    private final float factor;
    private float m = 1f;

    Stateful(float factor) {
      this.factor = factor;
    }

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] in = ctx.input(0, 0);
      float[] out = ctx.output(1, 0);
      for (int i = 0; i < ctx.frames(); i++) {
        out[i] = in[i] * m * factor;
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public byte[] saveState() {
      return state(m);
    }

    @Override
    public void restoreState(byte[] state) {
      if (state.length != 4) {
        throw new IllegalArgumentException("4 bytes expected, not " + state.length);
      }
      m = ByteBuffer.wrap(state).getFloat();
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }

  /** See {@link #spinner}. */
  static final class Spinner implements AudioModule {
    private final double periods;
    private double sampleRate;
    private boolean triggered;

    Spinner(double periods) {
      this.periods = periods;
    }

    @Override
    public void activate(double rate, int maxFrames) {
      sampleRate = rate;
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      triggered |= ctx.eventCount() > 0;
      if (triggered) {
        long until = System.nanoTime() + (long) (periods * ctx.frames() * 1e9 / sampleRate);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
      }
      java.util.Arrays.fill(ctx.output(1, 0), 0, ctx.frames(), 0.5f);
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }
}

package org.patchwork.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/** Small modules whose output is easy to predict, for measuring what the engine does. */
public final class TestModules {

  public static final String SINE = "org.patchwork.examples.sine";
  public static final String GAIN = "org.patchwork.examples.gain";
  public static final String THRU = "test.thru";
  public static final String DELAY = "test.delay";
  public static final String LEVEL = "test.level";
  public static final String ECHO = "test.echo";
  public static final String FAULTY = "test.faulty";
  public static final String CLICK = "test.click";
  public static final String CLOCK = "test.clock";

  /** Frames {@link #DELAY} delays by, and declares as its latency. */
  public static final int DELAY_FRAMES = 100;

  private TestModules() {
  }

  /** Every example and test module. */
  public static ModuleRegistry registry() {
    return ModuleRegistry.of(new SineFactory(), new GainFactory(),
        factory(descriptor(THRU, ModuleKind.EFFECT, 0, List.of(
            PortDescriptor.audioIn("in", 1), PortDescriptor.audioOut("out", 1)), List.of()), Thru::new),
        factory(descriptor(DELAY, ModuleKind.EFFECT, DELAY_FRAMES, List.of(
            PortDescriptor.audioIn("in", 1), PortDescriptor.audioOut("out", 1)), List.of()), Delay::new),
        factory(descriptor(LEVEL, ModuleKind.UTILITY, 0, List.of(
            PortDescriptor.audioOut("out", 1), PortDescriptor.audioOut("steps", 1)), List.of(
            ParameterDescriptor.of("level", "Level", -10, 10, 0, ""),
            ParameterDescriptor.choice("mode", "Mode", 0, "a", "b", "c"))), Level::new),
        factory(descriptor(ECHO, ModuleKind.EFFECT, 0, List.of(
            PortDescriptor.audioIn("in", 1), PortDescriptor.audioOut("out", 1)), List.of(
            ParameterDescriptor.of("feedback", "Feedback", 0, 1, 0.5, ""))), Echo::new),
        factory(descriptor(FAULTY, ModuleKind.INSTRUMENT, 0, List.of(
            PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)), List.of(
            ParameterDescriptor.choice("mode", "Mode", 0, "throw", "nan", "error"))), Faulty::new),
        factory(descriptor(CLICK, ModuleKind.INSTRUMENT, 0, List.of(
            PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)), List.of()), Click::new),
        factory(descriptor(CLOCK, ModuleKind.UTILITY, 0, List.of(
            PortDescriptor.audioOut("tempo", 1), PortDescriptor.audioOut("beat", 1)), List.of()), Clock::new));
  }

  private static ModuleDescriptor descriptor(String id, ModuleKind kind, int latency,
      List<PortDescriptor> ports, List<ParameterDescriptor> params) {
    return new ModuleDescriptor(id, id.substring(5), "Patchwork tests", "1.0.0", kind, Set.of("test"),
        ports, params, latency);
  }

  private static ModuleFactory factory(ModuleDescriptor d, Supplier<AudioModule> make) {
    return new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return d;
      }

      @Override
      public AudioModule create() {
        return make.get();
      }
    };
  }

  private abstract static class Base implements AudioModule {
    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public void reset() {
    }

    @Override
    public void deactivate() {
    }
  }

  /** out = in. */
  static final class Thru extends Base {
    @Override
    public ProcessStatus process(ProcessContext ctx) {
      System.arraycopy(ctx.input(0, 0), 0, ctx.output(1, 0), 0, ctx.frames());
      return ProcessStatus.CONTINUE;
    }
  }

  /** out[n] = in[n - 100], declaring 100 frames of latency. */
  static final class Delay extends Base {
    private final float[] line = new float[DELAY_FRAMES];
    private int at;

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] in = ctx.input(0, 0);
      float[] out = ctx.output(1, 0);
      for (int i = 0; i < ctx.frames(); i++) {
        out[i] = line[at];
        line[at] = in[i];
        at = (at + 1) % DELAY_FRAMES;
      }
      return ProcessStatus.CONTINUE;
    }
  }

  /** out = the "level" parameter per frame; steps = the stepped "mode" parameter per frame. */
  static final class Level extends Base {
    @Override
    public ProcessStatus process(ProcessContext ctx) {
      write(ctx, 0, ctx.output(0, 0));
      write(ctx, 1, ctx.output(1, 0));
      return ProcessStatus.CONTINUE;
    }

    private static void write(ProcessContext ctx, int param, float[] out) {
      if (ctx.isParameterConstant(param)) {
        java.util.Arrays.fill(out, 0, ctx.frames(), (float) ctx.parameter(param));
      } else {
        System.arraycopy(ctx.parameterRamp(param), 0, out, 0, ctx.frames());
      }
    }
  }

  /** out = (1 on the very first frame) + feedback × in: with its output fed back, an echo train. */
  static final class Echo extends Base {
    private boolean fired;

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] in = ctx.input(0, 0);
      float[] out = ctx.output(1, 0);
      float fb = (float) ctx.parameter(0);
      for (int i = 0; i < ctx.frames(); i++) {
        out[i] = fb * in[i];
      }
      if (!fired) {
        out[0] += 1f;
        fired = true;
      }
      return ProcessStatus.CONTINUE;
    }
  }

  /** Writes 0.5 until its first note, then fails the way its "mode" says, within that block. */
  static final class Faulty extends Base {
    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] out = ctx.output(1, 0);
      java.util.Arrays.fill(out, 0, ctx.frames(), 0.5f);
      if (ctx.eventCount() > 0) {
        switch ((int) ctx.parameter(0)) {
          case 0 -> throw new IllegalStateException("faulty module");
          case 1 -> out[ctx.event(0).frame()] = Float.NaN;
          default -> {
            return ProcessStatus.ERROR;
          }
        }
      }
      return ProcessStatus.CONTINUE;
    }
  }

  /** Writes each note-on's velocity at its frame and minus each note-off's key/1000 at its frame. */
  static final class Click extends Base {
    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] out = ctx.output(1, 0);
      java.util.Arrays.fill(out, 0, ctx.frames(), 0f);
      for (int e = 0; e < ctx.eventCount(); e++) {
        Event ev = ctx.event(e);
        if (ev.type() == Event.Type.NOTE_ON) {
          out[ev.frame()] += ev.velocity();
        } else if (ev.type() == Event.Type.NOTE_OFF) {
          out[ev.frame()] -= ev.key() / 1000f;
        }
      }
      return ProcessStatus.CONTINUE;
    }
  }

  /** Writes what the transport says at the block's first frame: tempo, and the song beat. */
  static final class Clock extends Base {
    @Override
    public ProcessStatus process(ProcessContext ctx) {
      java.util.Arrays.fill(ctx.output(0, 0), 0, ctx.frames(),
          ctx.transport().isPlaying() ? (float) ctx.transport().tempo() : 0f);
      java.util.Arrays.fill(ctx.output(1, 0), 0, ctx.frames(), (float) ctx.transport().songBeat());
      return ProcessStatus.CONTINUE;
    }
  }
}

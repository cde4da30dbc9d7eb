package org.patchwork.examples.sine;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * An eight-voice sine instrument with a linear attack/release envelope.
 *
 * <p>Each voice is a phase accumulator: {@code y[n] = sin(2π·φ[n])},
 * {@code φ[n+1] = φ[n] + f/fs (mod 1)}, with {@code f = 440·2^((key−69)/12)}. Notes start and end
 * at their event's frame; when all eight voices sound, the oldest one is taken over.
 */
public final class SineModule implements AudioModule {

  static final int NOTES = 0;
  static final int OUT = 1;
  static final int GAIN = 0;
  static final int ATTACK = 1;
  static final int RELEASE = 2;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.examples.sine", "Sine", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator", "example"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)),
      List.of(
          ParameterDescriptor.of("gain", "Gain", 0, 1, 0.25, ""),
          ParameterDescriptor.of("attack", "Attack", 0, 2000, 5, "ms"),
          ParameterDescriptor.of("release", "Release", 0, 5000, 200, "ms")),
      0);

  private static final int VOICES = 8;
  private static final double TWO_PI = 2 * Math.PI;

  private final int[] key = new int[VOICES];
  private final int[] noteId = new int[VOICES];
  private final double[] phase = new double[VOICES];
  private final double[] increment = new double[VOICES];
  private final double[] level = new double[VOICES];
  private final double[] velocity = new double[VOICES];
  private final boolean[] held = new boolean[VOICES];
  private final long[] startedAt = new long[VOICES];
  private double sampleRate;
  private long clock;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    float[] out = ctx.output(OUT, 0);
    int frames = ctx.frames();
    double gain = ctx.parameter(GAIN);
    double attackStep = 1000.0 / (Math.max(ctx.parameter(ATTACK), 0.05) * sampleRate);
    double releaseStep = 1000.0 / (Math.max(ctx.parameter(RELEASE), 0.05) * sampleRate);
    int from = 0;
    for (int e = 0, n = ctx.eventCount(); e < n; e++) {
      Event event = ctx.event(e);
      int at = Math.min(event.frame(), frames);
      render(out, from, at, gain, attackStep, releaseStep);
      from = at;
      handle(event);
    }
    render(out, from, frames, gain, attackStep, releaseStep);
    clock += frames;
    return ProcessStatus.CONTINUE;
  }

  private void handle(Event event) {
    switch (event.type()) {
      case NOTE_ON -> start(event.key(), event.noteId(), event.velocity());
      case NOTE_OFF -> {
        for (int v = 0; v < VOICES; v++) {
          if (held[v] && (noteId[v] == event.noteId() || noteId[v] < 0 && key[v] == event.key())) {
            held[v] = false;
          }
        }
      }
      case ALL_NOTES_OFF -> reset();
      default -> { }
    }
  }

  private void start(int k, int id, float vel) {
    int chosen = 0;
    for (int v = 0; v < VOICES; v++) {
      if (level[v] == 0 && !held[v]) {
        chosen = v;
        break;
      }
      if (startedAt[v] < startedAt[chosen]) {
        chosen = v;
      }
    }
    key[chosen] = k;
    noteId[chosen] = id;
    velocity[chosen] = vel;
    held[chosen] = true;
    startedAt[chosen] = clock;
    increment[chosen] = 440.0 * Math.pow(2, (k - 69) / 12.0) / sampleRate;
  }

  private void render(float[] out, int from, int to, double gain, double up, double down) {
    for (int i = from; i < to; i++) {
      out[i] = 0f;
    }
    for (int v = 0; v < VOICES; v++) {
      if (!held[v] && level[v] == 0) {
        continue;
      }
      double p = phase[v];
      double inc = increment[v];
      double lvl = level[v];
      double amp = gain * velocity[v];
      boolean on = held[v];
      for (int i = from; i < to; i++) {
        lvl = on ? Math.min(1, lvl + up) : Math.max(0, lvl - down);
        out[i] += (float) (amp * lvl * Math.sin(TWO_PI * p));
        p += inc;
        if (p >= 1) {
          p -= 1;
        }
      }
      phase[v] = p;
      level[v] = lvl;
    }
  }

  @Override
  public void reset() {
    for (int v = 0; v < VOICES; v++) {
      held[v] = false;
      level[v] = 0;
      phase[v] = 0;
      noteId[v] = -1;
    }
    clock = 0;
  }

  @Override
  public void deactivate() {
    reset();
  }
}

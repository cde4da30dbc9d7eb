package org.patchwork.dsp.fm.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * "FM6": a polyphonic six-operator FM instrument in the manner of the Yamaha DX7 (phase
 * modulation of sines, as in Chowning, "The Synthesis of Complex Audio Spectra by Means of
 * Frequency Modulation", JAES 21(7), 1973). The sound of a carrier modulated by one sine is
 *
 * <pre>  sin(ωc·t + I·sin(ωm·t)) = Σ_k J_k(I)·sin((ωc + k·ωm)·t)</pre>
 *
 * so a modulator of index I puts sidebands of relative amplitude J_k(I)/J_0(I) at ωc ± k·ωm.
 * The graph of operators is one of the 33 {@link Fm6Algorithms}; the DSP is in
 * {@link Fm6Voices}.
 *
 * <p>Pitch follows the convention of the Patchwork oscillators: a voice of key k plays
 * {@code f = freq · 2^((k − 69 + bend)/12 + pitch) + fm_depth · fm} with {@code pitch} the
 * 1 V/oct CV and {@code fm} the linear FM CV; an operator in ratio mode runs at
 * {@code f · ratio · 2^(detune/1200)}, one in fixed mode at {@code fixed · 2^(detune/1200)}
 * whatever the key, pitch CV or FM. An operator's amplitude is
 * {@code level · (1 − velocity_sens + velocity_sens · velocity) · envelope}: at sensitivity 1 a
 * velocity of 0.5 is 6 dB quieter than full velocity, and for a modulator it lowers the index.
 * Carriers are summed and scaled by {@code level}.
 *
 * <p>Notes start and end at their event's frame. A new note takes a free voice among the first
 * {@code voices}; when none is free it steals the oldest released voice, else the oldest held
 * one. ALL_NOTES_OFF silences at once; NOTE_EXPRESSION bends a note by semitones.
 */
public final class Fm6Synth implements AudioModule {

  static final int NOTES = 0;
  static final int PITCH = 1;
  static final int FM = 2;
  static final int OUT = 3;

  static final int FREQ = 0;
  static final int LEVEL = 1;
  static final int FM_DEPTH = 2;
  static final int VOICES = 3;
  static final int ALGORITHM = 4;
  static final int FEEDBACK = 5;
  /** Index of operator 1's first parameter; operator n's are at FIRST_OP + (n−1)·PER_OP. */
  static final int FIRST_OP = 6;
  static final int PER_OP = 10;
  static final int MODE = 0;
  static final int RATIO = 1;
  static final int FIXED = 2;
  static final int DETUNE = 3;
  static final int OP_LEVEL = 4;
  static final int VELOCITY = 5;
  static final int ATTACK = 6;
  static final int DECAY = 7;
  static final int SUSTAIN = 8;
  static final int RELEASE = 9;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.fm6", "FM6", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("fm", "instrument", "oscillator", "envelope"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("pitch"), PortDescriptor.cvIn("fm"),
          PortDescriptor.audioOut("out", 1)),
      parameters(), 0);

  private static final double[] MIN = new double[DESCRIPTOR.parameters().size()];
  private static final double[] MAX = new double[MIN.length];
  private static final double LN2 = Math.log(2);

  static {
    for (int i = 0; i < MIN.length; i++) {
      MIN[i] = DESCRIPTOR.parameters().get(i).min();
      MAX[i] = DESCRIPTOR.parameters().get(i).max();
    }
  }

  private Fm6Voices voices;
  private double[] mix;
  private double sampleRate;
  private long clock;

  private static List<ParameterDescriptor> parameters() {
    List<ParameterDescriptor> p = new ArrayList<>();
    p.add(ParameterDescriptor.of("freq", "Frequency", 0.1, 20000, 440, "Hz"));
    p.add(ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""));
    p.add(ParameterDescriptor.of("fm_depth", "FM depth", 0, 20000, 1000, "Hz"));
    // Voices are allocated once in activate; this only limits how many are used.
    p.add(new ParameterDescriptor("voices", "Voices", 1, Fm6Voices.MAX, 16, "",
        Set.of(ParameterFlag.STEPPED), 0, List.of()));
    p.add(ParameterDescriptor.choice("algorithm", "Algorithm", 4, Fm6Algorithms.NAMES));
    p.add(ParameterDescriptor.of("feedback", "Feedback", 0, 1, 0, ""));
    for (int n = 1; n <= Fm6Algorithms.OPS; n++) {
      String id = "op" + n + "_";
      String name = "Op " + n + " ";
      // A plain two-operator tone by default: operator 2 modulates operator 1 (index π/2).
      double level = n == 1 ? 1 : n == 2 ? 0.25 : 0;
      p.add(ParameterDescriptor.choice(id + "mode", name + "mode", 0, "Ratio", "Fixed"));
      p.add(ParameterDescriptor.of(id + "ratio", name + "ratio", 0.5, 32, 1, "x"));
      p.add(ParameterDescriptor.of(id + "fixed", name + "fixed frequency", 0.1, 20000, 440, "Hz"));
      p.add(ParameterDescriptor.of(id + "detune", name + "detune", -100, 100, 0, "cents"));
      p.add(ParameterDescriptor.of(id + "level", name + "level", 0, 1, level, ""));
      p.add(ParameterDescriptor.of(id + "velocity", name + "velocity sensitivity", 0, 1, 0.5, ""));
      p.add(ParameterDescriptor.of(id + "attack", name + "attack", 0, 10000, 2, "ms"));
      p.add(ParameterDescriptor.of(id + "decay", name + "decay", 0, 20000, 1000, "ms"));
      p.add(ParameterDescriptor.of(id + "sustain", name + "sustain", 0, 1, 0.5, ""));
      p.add(ParameterDescriptor.of(id + "release", name + "release", 0, 20000, 300, "ms"));
    }
    return p;
  }

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    voices = new Fm6Voices(sampleRate, maxFrames);
    mix = new double[maxFrames];
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    Fm6Voices vs = voices;
    int frames = ctx.frames();
    float[] out = ctx.output(OUT, 0);
    int events = ctx.eventCount();
    if (events == 0 && vs.active() == 0) {
      for (int i = 0; i < frames; i++) {
        out[i] = 0f;
      }
      clock += frames;
      return ProcessStatus.SILENT;
    }
    configure(vs, ctx);
    int limit = (int) param(ctx, VOICES);
    double[] sum = mix;
    for (int i = 0; i < frames; i++) {
      sum[i] = 0;
    }
    int from = 0;
    for (int e = 0; e < events; e++) {
      Event event = ctx.event(e);
      int at = Math.max(from, Math.min(event.frame(), frames));
      vs.render(sum, from, at);
      from = at;
      handle(vs, event, limit, clock + at);
    }
    vs.render(sum, from, frames);
    boolean levelConstant = ctx.isParameterConstant(LEVEL);
    float[] levelRamp = ctx.parameterRamp(LEVEL);
    double level = param(ctx, LEVEL);
    for (int i = 0; i < frames; i++) {
      double g = levelConstant ? level : clamp(levelRamp[i], MIN[LEVEL], MAX[LEVEL]);
      double y = sum[i] * g;
      // Flushes what would be a subnormal float (a release's last frames at a tiny level).
      out[i] = Math.abs(y) < 1e-30 ? 0f : (float) y;
    }
    clock += frames;
    return ProcessStatus.CONTINUE;
  }

  /** Reads the block's settings into the voices, each clamped to its declared range. */
  private void configure(Fm6Voices vs, ProcessContext ctx) {
    vs.algorithm = (int) Math.rint(param(ctx, ALGORITHM));
    vs.feedback = param(ctx, FEEDBACK);
    vs.tuning = param(ctx, FREQ);
    for (int op = 0; op < Fm6Voices.OPS; op++) {
      int base = FIRST_OP + op * PER_OP;
      double detune = Math.pow(2, param(ctx, base + DETUNE) / 1200);
      vs.fixed[op] = param(ctx, base + MODE) >= 0.5;
      vs.ratio[op] = param(ctx, base + RATIO) * detune;
      vs.fixedIncrement[op] = Fm6Voices.clampIncrement(param(ctx, base + FIXED) * detune / sampleRate);
      vs.level[op] = param(ctx, base + OP_LEVEL);
      vs.velocitySensitivity[op] = param(ctx, base + VELOCITY);
      vs.sustain[op] = param(ctx, base + SUSTAIN);
      vs.attackFrames[op] = frames(param(ctx, base + ATTACK));
      vs.decayFrames[op] = frames(param(ctx, base + DECAY));
      vs.releaseFrames[op] = frames(param(ctx, base + RELEASE));
    }
    int frames = ctx.frames();
    vs.pitchOn = ctx.isConnected(PITCH);
    if (vs.pitchOn) {
      float[] pitch = ctx.input(PITCH, 0);
      for (int i = 0; i < frames; i++) {
        vs.pitchFactor[i] = Math.exp(pitch[i] * LN2);
      }
    }
    vs.fmOn = ctx.isConnected(FM);
    if (vs.fmOn) {
      float[] fm = ctx.input(FM, 0);
      boolean depthConstant = ctx.isParameterConstant(FM_DEPTH);
      float[] depthRamp = ctx.parameterRamp(FM_DEPTH);
      double depth = param(ctx, FM_DEPTH);
      for (int i = 0; i < frames; i++) {
        vs.fmHz[i] = (depthConstant ? depth : clamp(depthRamp[i], MIN[FM_DEPTH], MAX[FM_DEPTH])) * fm[i];
      }
    }
  }

  /** At least one frame per segment, so a zero time is a jump and never a division by zero. */
  private int frames(double millis) {
    return (int) Math.max(1, Math.round(millis * sampleRate / 1000));
  }

  private static double param(ProcessContext ctx, int index) {
    return clamp(ctx.parameter(index), MIN[index], MAX[index]);
  }

  /** Limits x to [min, max]; NaN gives min. */
  private static double clamp(double x, double min, double max) {
    if (!(x >= min)) {
      return min;
    }
    return x > max ? max : x;
  }

  private void handle(Fm6Voices vs, Event event, int limit, long now) {
    switch (event.type()) {
      case NOTE_ON -> vs.start(allocate(vs, limit), Math.max(0, Math.min(127, event.key())),
          event.noteId(), clamp(event.velocity(), 0, 1), now);
      case NOTE_OFF -> {
        for (int v = 0; v < Fm6Voices.MAX; v++) {
          if (vs.active[v] && !vs.released[v] && matches(vs, v, event)) {
            vs.release(v);
          }
        }
      }
      case NOTE_EXPRESSION -> {
        for (int v = 0; v < Fm6Voices.MAX; v++) {
          if (vs.active[v] && vs.noteId[v] == event.noteId()) {
            vs.bend(v, event.value());
          }
        }
      }
      case ALL_NOTES_OFF -> vs.clear();
      default -> { }
    }
  }

  private static boolean matches(Fm6Voices vs, int v, Event event) {
    return event.noteId() >= 0 ? vs.noteId[v] == event.noteId() : vs.key[v] == event.key();
  }

  /** A free voice below {@code limit}, else the oldest released one, else the oldest held one. */
  private static int allocate(Fm6Voices vs, int limit) {
    int released = -1;
    int oldest = 0;
    for (int v = 0; v < limit; v++) {
      if (!vs.active[v]) {
        return v;
      }
      if (vs.released[v] && (released < 0 || vs.startedAt[v] < vs.startedAt[released])) {
        released = v;
      }
      if (vs.startedAt[v] < vs.startedAt[oldest]) {
        oldest = v;
      }
    }
    return released >= 0 ? released : oldest;
  }

  @Override
  public void reset() {
    voices.clear();
    clock = 0;
  }

  @Override
  public void deactivate() {
    voices = null;
    mix = null;
  }
}

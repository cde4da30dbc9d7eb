package org.patchwork.dsp.oscillators.internal;

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
 * "Subtractive": a polyphonic synthesizer of up to 256 voices, each a PolyBLEP saw or square
 * into a resonant TPT state-variable low-pass into a linear ADSR, with a per-voice sine LFO on
 * the cutoff:
 *
 * <pre>  fc(t) = (cutoff + lfo_depth · sin(2π·(lfo_rate + f_voice·lfo_keytrack)·t)) · 2^cutoff_cv
 *  y = gain · Σ_voices velocity · adsr(t) · svf_lp(osc(f_voice), fc, q)</pre>
 *
 * <p>The DSP and its cost choices are described in {@link Voices}. Notes start and end at their
 * event's frame. A new note takes a free voice among the first {@code voices}; when none is
 * free it steals the oldest released voice, else the oldest held one (both continue from their
 * current level, so stealing does not click). Released voices ring out their release;
 * ALL_NOTES_OFF silences at once. NOTE_EXPRESSION values bend a note by semitones.
 */
public final class SubtractiveSynth implements AudioModule {

  static final int NOTES = 0;
  static final int CUTOFF_CV = 1;
  static final int OUT = 2;

  static final int VOICES = 0;
  static final int WAVE = 1;
  static final int CUTOFF = 2;
  static final int RESONANCE = 3;
  static final int LFO_RATE = 4;
  static final int LFO_DEPTH = 5;
  static final int LFO_KEYTRACK = 6;
  static final int ATTACK = 7;
  static final int DECAY = 8;
  static final int SUSTAIN = 9;
  static final int RELEASE = 10;
  static final int GAIN = 11;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.subtractive", "Subtractive", "Patchwork", "1.0.0",
      ModuleKind.INSTRUMENT, Set.of("instrument", "oscillator", "filter", "envelope"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("cutoff_cv"),
          PortDescriptor.audioOut("out", 1)),
      List.of(
          // Voices are allocated once in activate; this only limits how many are used.
          new ParameterDescriptor("voices", "Voices", 1, Voices.MAX, 16, "",
              Set.of(ParameterFlag.STEPPED), 0, List.of()),
          ParameterDescriptor.choice("wave", "Wave", 0, "Saw", "Square"),
          ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 800, "Hz"),
          ParameterDescriptor.of("resonance", "Resonance (Q)", 0.5, 25, 2, ""),
          ParameterDescriptor.of("lfo_rate", "LFO rate", 0, 50, 0.2, "Hz"),
          ParameterDescriptor.of("lfo_depth", "LFO depth", 0, 10000, 600, "Hz"),
          ParameterDescriptor.of("lfo_keytrack", "LFO key tracking", 0, 1, 0, "Hz/Hz"),
          ParameterDescriptor.of("attack", "Attack", 0, 10000, 10, "ms"),
          ParameterDescriptor.of("decay", "Decay", 0, 10000, 100, "ms"),
          ParameterDescriptor.of("sustain", "Sustain", 0, 1, 0.7, ""),
          ParameterDescriptor.of("release", "Release", 0, 20000, 500, "ms"),
          ParameterDescriptor.of("gain", "Gain", 0, 1, 0.25, "")),
      // The oscillators' one-frame delay is inside the voice; onsets are still exact because
      // the envelope starts at the event's frame.
      0);

  private Voices voices;
  /** The voices are summed in double and rounded to float once, after the gain. */
  private double[] mix;
  private double sampleRate;
  private long clock;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    voices = new Voices(sampleRate);
    mix = new double[maxFrames];
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    Voices vs = voices;
    int frames = ctx.frames();
    int events = ctx.eventCount();
    if (events == 0 && vs.active() == 0) {
      clock += frames;
      return ProcessStatus.SILENT;
    }
    configure(vs, ctx);
    // Hosts clamp, but an unclamped count beyond MAX would index past the voice arrays.
    int limit = (int) clamp(ctx.parameter(VOICES), 1, Voices.MAX);
    float[] out = ctx.output(OUT, 0);
    double[] sum = mix;
    for (int i = 0; i < frames; i++) {
      sum[i] = 0;
    }
    int from = 0;
    for (int e = 0; e < events; e++) {
      Event event = ctx.event(e);
      int at = Math.max(from, Math.min(event.frame(), frames));
      vs.render(sum, from, at, clock);
      from = at;
      handle(vs, event, limit, clock + at);
    }
    vs.render(sum, from, frames, clock);
    if (ctx.isParameterConstant(GAIN)) {
      double gain = ctx.parameter(GAIN);
      for (int i = 0; i < frames; i++) {
        out[i] = (float) (sum[i] * gain);
      }
    } else {
      float[] gain = ctx.parameterRamp(GAIN);
      for (int i = 0; i < frames; i++) {
        out[i] = (float) (sum[i] * gain[i]);
      }
    }
    clock += frames;
    return ProcessStatus.CONTINUE;
  }

  private void configure(Voices vs, ProcessContext ctx) {
    vs.square = ctx.parameter(WAVE) >= 0.5;
    vs.cutoff = ctx.parameter(CUTOFF);
    vs.cutoffConstant = ctx.isParameterConstant(CUTOFF);
    vs.cutoffRamp = ctx.parameterRamp(CUTOFF);
    vs.cutoffCvOn = ctx.isConnected(CUTOFF_CV);
    vs.cutoffCv = ctx.input(CUTOFF_CV, 0);
    // A Q at or below 0 would make the filter unstable: keep the declared range.
    vs.damping = 1 / clamp(ctx.parameter(RESONANCE), 0.5, 25);
    vs.lfoRate = ctx.parameter(LFO_RATE);
    vs.lfoDepth = ctx.parameter(LFO_DEPTH);
    vs.lfoKeytrack = ctx.parameter(LFO_KEYTRACK);
    vs.sustain = ctx.parameter(SUSTAIN);
    // At least one frame per segment, so a zero time is a jump and never a division by zero.
    vs.attackFrames = frames(ctx.parameter(ATTACK));
    vs.decayFrames = frames(ctx.parameter(DECAY));
    vs.releaseFrames = frames(ctx.parameter(RELEASE));
  }

  /** Frames of a segment: at least one, at most 20 s, whatever value the host passed. */
  private int frames(double millis) {
    return (int) Math.max(1, Math.round(clamp(millis, 0, 20_000) * sampleRate / 1000));
  }

  /** Limits {@code x} to [min, max]; NaN gives min. */
  private static double clamp(double x, double min, double max) {
    return x >= min ? Math.min(x, max) : min;
  }

  private void handle(Voices vs, Event event, int limit, long now) {
    switch (event.type()) {
      case NOTE_ON -> vs.start(allocate(vs, limit), event.key(), event.noteId(), event.velocity(), now);
      case NOTE_OFF -> {
        for (int v = 0; v < Voices.MAX; v++) {
          if (vs.stage[v] != Voices.IDLE && vs.stage[v] != Voices.RELEASE && matches(vs, v, event)) {
            vs.release(v, now);
          }
        }
      }
      case NOTE_EXPRESSION -> {
        for (int v = 0; v < Voices.MAX; v++) {
          if (vs.stage[v] != Voices.IDLE && vs.noteId[v] == event.noteId()) {
            vs.tune(v, 440 * Math.pow(2, (vs.key[v] - 69 + event.value()) / 12.0));
          }
        }
      }
      case ALL_NOTES_OFF -> vs.clear();
      default -> { }
    }
  }

  private static boolean matches(Voices vs, int v, Event event) {
    return event.noteId() >= 0 ? vs.noteId[v] == event.noteId() : vs.key[v] == event.key();
  }

  /** A free voice below {@code limit}, else the oldest released one, else the oldest held one. */
  private static int allocate(Voices vs, int limit) {
    int released = -1;
    int oldest = 0;
    for (int v = 0; v < limit; v++) {
      int stage = vs.stage[v];
      if (stage == Voices.IDLE) {
        return v;
      }
      if (stage == Voices.RELEASE && (released < 0 || vs.startedAt[v] < vs.startedAt[released])) {
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

package org.patchwork.dsp.sampler.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
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
 * "Sampler": plays multi-sample zones chosen by key and velocity, up to 32 voices, each a
 * 32-tap windowed-sinc read of its zone ({@link SincKernel}, loops unrolled by {@link Keymap})
 * into a TPT SVF low-pass with its own envelope into an ADSR ({@link Voice}):
 *
 * <pre>  inc = 2^((k − root)/12 + cents/1200) · fs_sample/fs · (2^(tune/12 + pitch) + fm_depth·fm/f_k)
 *  out = level · Σ_voices adsr · velocity_gain · zone_gain · svf_lp(sinc_interpolate(u))</pre>
 *
 * <p>The pitch section follows the oscillators' convention: {@code pitch} is 1 V/octave and
 * {@code fm} adds {@code fm_depth·fm} Hz to the note's frequency f_k = 440·2^((k − 69)/12);
 * both are read every frame. A note plays every zone whose key and velocity range hold it (up
 * to {@link #MAX_LAYERS}, as layers). When {@code voices} notes sound, a new one steals the
 * oldest released voice, else the oldest held one, which fades out in 3 ms beside it. Loops
 * keep looping through the release. NOTE_EXPRESSION bends a note by semitones; ALL_NOTES_OFF
 * silences at once.
 *
 * <p>The samples come from {@link #restoreState}, in {@link SampleSetFormat}; without it the
 * sampler plays its factory set ({@link FactorySample}), so it sounds out of the box. Output
 * is stereo; mono zones play on both channels.
 */
public final class Sampler implements AudioModule {

  static final int NOTES = 0;
  static final int PITCH = 1;
  static final int FM = 2;
  static final int OUT = 3;

  static final int VOICES = 0;
  static final int TUNE = 1;
  static final int LEVEL = 2;
  static final int FM_DEPTH = 3;
  static final int ATTACK = 4;
  static final int DECAY = 5;
  static final int SUSTAIN = 6;
  static final int RELEASE = 7;
  static final int CUTOFF = 8;
  static final int RESONANCE = 9;
  static final int FILTER_ENV = 10;
  static final int FILTER_DECAY = 11;
  static final int KEYTRACK = 12;
  static final int VELOCITY = 13;

  static final int MAX_VOICES = 32;
  /** Most zones one note plays. */
  static final int MAX_LAYERS = 4;
  /** Voice slots: the notes plus room for stolen voices fading out. */
  private static final int SLOTS = MAX_VOICES + 8;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.sampler", "Sampler", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("sampler", "instrument"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("pitch"), PortDescriptor.cvIn("fm"),
          PortDescriptor.audioOut("out", 2)),
      List.of(
          new ParameterDescriptor("voices", "Voices", 1, MAX_VOICES, 16, "", Set.of(ParameterFlag.STEPPED), 0, List.of()),
          ParameterDescriptor.of("tune", "Tune", -24, 24, 0, "st"),
          ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""),
          ParameterDescriptor.of("fm_depth", "FM depth", 0, 20000, 1000, "Hz"),
          ParameterDescriptor.of("attack", "Attack", 0, 10000, 1, "ms"),
          ParameterDescriptor.of("decay", "Decay", 0, 20000, 1000, "ms"),
          ParameterDescriptor.of("sustain", "Sustain", 0, 1, 1, ""),
          ParameterDescriptor.of("release", "Release", 0, 20000, 300, "ms"),
          ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 20000, "Hz"),
          ParameterDescriptor.of("resonance", "Resonance (Q)", 0.5, 20, 0.707, ""),
          ParameterDescriptor.of("filter_env", "Filter envelope", -8, 8, 0, "oct"),
          ParameterDescriptor.of("filter_decay", "Filter decay", 1, 20000, 500, "ms"),
          ParameterDescriptor.of("keytrack", "Key tracking", 0, 1, 0, ""),
          ParameterDescriptor.of("velocity", "Velocity sensitivity", 0, 1, 1, "")),
      0);

  private static final double[] MIN = new double[DESCRIPTOR.parameters().size()];
  private static final double[] MAX = new double[MIN.length];
  private static final double LN2 = Math.log(2);

  static {
    for (int i = 0; i < MIN.length; i++) {
      MIN[i] = DESCRIPTOR.parameters().get(i).min();
      MAX[i] = DESCRIPTOR.parameters().get(i).max();
    }
  }

  private Keymap keymap;
  private byte[] state;
  private Voice[] voices;
  private Settings settings;
  private float[] mixLeft;
  private float[] mixRight;
  private double sampleRate;
  private long clock;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    if (keymap == null) {
      keymap = FactorySample.keymap();
    }
    SincKernel.table(0); // builds the tables here, not on the audio thread
    settings = new Settings(sampleRate, maxFrames);
    voices = new Voice[SLOTS];
    for (int v = 0; v < SLOTS; v++) {
      voices[v] = new Voice();
    }
    mixLeft = new float[maxFrames];
    mixRight = new float[maxFrames];
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    int events = ctx.eventCount();
    if (events == 0 && active() == 0) {
      clock += frames;
      return ProcessStatus.SILENT;
    }
    configure(ctx, frames);
    float[] left = mixLeft;
    float[] right = mixRight;
    for (int i = 0; i < frames; i++) {
      left[i] = 0;
      right[i] = 0;
    }
    int limit = (int) param(ctx, VOICES);
    int from = 0;
    for (int e = 0; e < events; e++) {
      Event event = ctx.event(e);
      int at = Math.max(from, Math.min(event.frame(), frames));
      renderVoices(from, at);
      from = at;
      handle(event, limit, clock + at);
    }
    renderVoices(from, frames);
    float[] outLeft = ctx.output(OUT, 0);
    float[] outRight = ctx.output(OUT, 1);
    boolean constant = ctx.isParameterConstant(LEVEL);
    float[] ramp = ctx.parameterRamp(LEVEL);
    float level = (float) param(ctx, LEVEL);
    for (int i = 0; i < frames; i++) {
      float g = constant ? level : (float) Settings.clamp(ramp[i], 0, 1);
      outLeft[i] = flush(left[i] * g);
      outRight[i] = flush(right[i] * g);
    }
    clock += frames;
    return ProcessStatus.CONTINUE;
  }

  private void renderVoices(int from, int to) {
    if (from >= to) {
      return;
    }
    for (Voice v : voices) {
      if (v.stage != Voice.IDLE) {
        v.render(mixLeft, mixRight, from, to, settings);
      }
    }
  }

  /** Reads the block's parameters and pitch inputs into {@link #settings}, clamped. */
  private void configure(ProcessContext ctx, int frames) {
    Settings s = settings;
    boolean pitchOn = ctx.isConnected(PITCH);
    boolean fmOn = ctx.isConnected(FM);
    boolean tuneConstant = ctx.isParameterConstant(TUNE);
    float[] tuneRamp = ctx.parameterRamp(TUNE);
    double tune = param(ctx, TUNE);
    s.constantPitch = tuneConstant && !pitchOn && !fmOn;
    if (s.constantPitch) {
      s.factor[0] = Math.exp(tune / 12 * LN2);
      s.fmHz[0] = 0;
    } else {
      float[] pitch = ctx.input(PITCH, 0);
      float[] fm = ctx.input(FM, 0);
      boolean depthConstant = ctx.isParameterConstant(FM_DEPTH);
      float[] depthRamp = ctx.parameterRamp(FM_DEPTH);
      double depth = param(ctx, FM_DEPTH);
      for (int i = 0; i < frames; i++) {
        double st = tuneConstant ? tune : Settings.clamp(tuneRamp[i], MIN[TUNE], MAX[TUNE]);
        // ±10 octaves of CV is far beyond any use and keeps 2^x finite.
        double octaves = st / 12 + (pitchOn ? Settings.clamp(pitch[i], -10, 10) : 0);
        s.factor[i] = Math.exp(octaves * LN2);
        double d = depthConstant ? depth : Settings.clamp(depthRamp[i], MIN[FM_DEPTH], MAX[FM_DEPTH]);
        s.fmHz[i] = fmOn ? d * Settings.clamp(fm[i], -100, 100) : 0;
      }
    }
    s.attackStep = 1.0 / s.frames(param(ctx, ATTACK));
    s.decayFrames = s.frames(param(ctx, DECAY));
    s.decayCoefficient = Settings.fall80(s.decayFrames);
    s.sustain = param(ctx, SUSTAIN);
    s.releaseFrames = s.frames(param(ctx, RELEASE));
    s.releaseCoefficient = Settings.fall80(s.releaseFrames);
    s.cutoff = param(ctx, CUTOFF);
    s.damping = 1 / param(ctx, RESONANCE);
    s.filterEnvelopeOctaves = param(ctx, FILTER_ENV);
    s.filterDecay = Math.pow(Settings.fall80(s.frames(param(ctx, FILTER_DECAY))), Settings.CONTROL);
    s.keytrack = param(ctx, KEYTRACK);
    s.velocitySensitivity = param(ctx, VELOCITY);
  }

  private static double param(ProcessContext ctx, int index) {
    double v = Settings.clamp(ctx.parameter(index), MIN[index], MAX[index]);
    return index == VOICES ? Math.rint(v) : v;
  }

  private void handle(Event event, int limit, long now) {
    switch (event.type()) {
      case NOTE_ON -> noteOn(event, limit, now);
      case NOTE_OFF -> {
        for (Voice v : voices) {
          if (v.stage != Voice.IDLE && matches(v, event)) {
            v.release();
          }
        }
      }
      case NOTE_EXPRESSION -> {
        double bend = Settings.clamp(event.value(), -48, 48);
        for (Voice v : voices) {
          if (v.stage != Voice.IDLE && v.noteId == event.noteId() && event.noteId() >= 0) {
            v.tune(bend, sampleRate);
          }
        }
      }
      case ALL_NOTES_OFF -> clearVoices();
      default -> { }
    }
  }

  private void noteOn(Event event, int limit, long now) {
    int key = event.key();
    if (key < 0 || key > 127) {
      return;
    }
    double velocity = Settings.clamp(event.velocity(), 0, 1);
    int midiVelocity = (int) Math.round(velocity * 127);
    double sens = settings.velocitySensitivity;
    double velocityGain = 1 - sens + sens * velocity;
    int layers = 0;
    for (Keymap.Playback zone : keymap.zones) {
      if (layers < MAX_LAYERS && zone.matches(key, midiVelocity)) {
        allocate(limit).start(zone, key, event.noteId(), velocityGain, now, sampleRate);
        layers++;
      }
    }
  }

  private static boolean matches(Voice v, Event event) {
    return event.noteId() >= 0 ? v.noteId == event.noteId() : v.key == event.key();
  }

  /**
   * A voice for a new note. When {@code limit} notes sound, the oldest released (else oldest
   * held) fades out first; the new note takes an idle slot, or when none is left the quietest
   * fading one.
   */
  private Voice allocate(int limit) {
    int sounding = 0;
    Voice victim = null;
    boolean victimReleased = false;
    for (Voice v : voices) {
      if (v.stage == Voice.IDLE || v.stage == Voice.KILL) {
        continue;
      }
      sounding++;
      boolean released = v.stage == Voice.RELEASE;
      if (victim == null || released && !victimReleased
          || released == victimReleased && v.startedAt < victim.startedAt) {
        victim = v;
        victimReleased = released;
      }
    }
    if (sounding >= limit && victim != null) {
      victim.kill();
    }
    Voice quietest = null;
    for (Voice v : voices) {
      if (v.stage == Voice.IDLE) {
        return v;
      }
      if (v.stage == Voice.KILL && (quietest == null || v.level < quietest.level)) {
        quietest = v;
      }
    }
    return quietest != null ? quietest : victim;
  }

  private int active() {
    int n = 0;
    for (Voice v : voices) {
      if (v.stage != Voice.IDLE) {
        n++;
      }
    }
    return n;
  }

  private void clearVoices() {
    for (Voice v : voices) {
      v.stage = Voice.IDLE;
      v.level = 0;
      v.noteId = -1;
    }
  }

  private static float flush(float x) {
    return Math.abs(x) < Float.MIN_NORMAL ? 0f : x;
  }

  @Override
  public void reset() {
    clearVoices();
    clock = 0;
  }

  @Override
  public void deactivate() {
    voices = null;
    settings = null;
    mixLeft = null;
    mixRight = null;
  }

  /** The restored sample set's bytes; null while the factory set plays. */
  @Override
  public byte[] saveState() {
    return state == null ? null : state.clone();
  }

  /**
   * Loads a sample set in {@link SampleSetFormat}; {@code null} goes back to the factory set.
   * Bad bytes change nothing.
   *
   * @throws IllegalArgumentException naming what is wrong with the bytes
   */
  @Override
  public void restoreState(byte[] bytes) {
    Keymap next = bytes == null ? FactorySample.keymap() : Keymap.of(SampleSetFormat.decode(bytes));
    keymap = next;
    state = bytes == null ? null : bytes.clone();
    if (voices != null) {
      clearVoices();
    }
  }
}

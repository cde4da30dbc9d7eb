package org.patchwork.dsp.oscillators.internal;

import java.util.ArrayList;
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
 * A morphing wavetable oscillator: a bank of F single-cycle frames, read at the phase
 * {@code φ[n+1] = φ[n] + f[n]/fs (mod 1)} with f from {@link Frequency}, crossfading between the
 * two frames next to the position:
 *
 * <pre>  x = clamp(position + position_cv[n], 0, 1)·(F − 1),  j = ⌊x⌋,  t = x − j
 *  y[n] = level · ((1 − t)·T_j(φ[n] + θ[n]) + t·T_{j+1}(φ[n] + θ[n])),  θ[n] = pm_depth·pm[n]/2π</pre>
 *
 * <p>T_j is frame j's band-limited table for the current frequency ({@link WavetableBank}: one
 * table per octave holding only the harmonics below Nyquist), chosen again at every frame from
 * |f[n]|, so neither the waveform nor linear FM aliases; phase modulation {@code pm} (in
 * radians, scaled by {@code pm_depth}) and through-zero FM widen the spectrum beyond what the
 * table allows, as they do in any oscillator. Banks: "Classic" morphs sine → triangle → saw →
 * square; "Formant" sweeps a formant from the 1st to the 32nd harmonic over eight frames.
 *
 * <p>Like an instrument it is silent (exactly 0.0) until it is played: it starts at the frame
 * of the first NOTE_ON, or at once when any input is connected, and then runs freely, keeping
 * the last key after NOTE_OFF (gate it with an envelope); {@code reset} silences it again.
 *
 * <p>A rising zero crossing on {@code sync} restarts the phase at the interpolated sub-sample
 * instant (hard sync), and the jump this makes in the waveform gets a polyBLEP ({@link Blep}),
 * for which the output is delayed by one frame, as in {@link SawOscillator}. Reference: the
 * mip-mapped wavetable is described by Massie, "Wavetable Sampling Synthesis", in Kahrs and
 * Brandenburg (eds.), Applications of DSP to Audio and Acoustics, 1998.
 */
public final class WavetableOscillator implements AudioModule {

  static final int POSITION_CV = 3;
  static final int PM = 4;
  static final int SYNC = 5;
  static final int OUT = 6;

  static final int BANK = 3;
  static final int POSITION = 4;
  static final int PM_DEPTH = 5;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.wavetable", "Wavetable", "Patchwork", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), ports(), parameters(), 1);

  private static final double INV_TWO_PI = 1 / (2 * Math.PI);
  /** A phase offset beyond this many cycles is treated as garbage (Inf, NaN, 1e30). */
  private static final double MAX_OFFSET = 1e6;

  private final Frequency frequency = new Frequency();
  private WavetableBank[] banks;
  private double phase;
  private double held;
  private double previousSync;
  /** False until the first note or a connected input: an instrument is silent until played. */
  private boolean started;

  private static List<PortDescriptor> ports() {
    List<PortDescriptor> ports = new ArrayList<>(Frequency.PORTS);
    ports.add(PortDescriptor.cvIn("position_cv"));
    ports.add(PortDescriptor.cvIn("pm"));
    ports.add(PortDescriptor.cvIn("sync"));
    ports.add(PortDescriptor.audioOut("out", 1));
    return ports;
  }

  private static List<ParameterDescriptor> parameters() {
    List<ParameterDescriptor> p = new ArrayList<>(Frequency.PARAMETERS);
    p.add(ParameterDescriptor.choice("bank", "Bank", 0, "Classic", "Formant"));
    p.add(ParameterDescriptor.of("position", "Position", 0, 1, 0, ""));
    p.add(ParameterDescriptor.of("pm_depth", "PM depth", 0, 10, 1, "rad"));
    return p;
  }

  @Override
  public void activate(double sampleRate, int maxFrames) {
    frequency.activate(maxFrames);
    banks = WavetableBank.builtIn();
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    double[] inc = frequency.compute(ctx, -Frequency.MAX_INCREMENT, Frequency.MAX_INCREMENT);
    float[] out = ctx.output(OUT, 0);
    double bankValue = ctx.parameter(BANK);
    WavetableBank bank = banks[bankValue >= 0.5 ? 1 : 0];
    int last = bank.frames - 1;
    boolean levelConstant = ctx.isParameterConstant(Frequency.LEVEL);
    float[] levelRamp = ctx.parameterRamp(Frequency.LEVEL);
    double level = ctx.parameter(Frequency.LEVEL);
    boolean positionConstant = ctx.isParameterConstant(POSITION);
    float[] positionRamp = ctx.parameterRamp(POSITION);
    double position = ctx.parameter(POSITION);
    boolean cvOn = ctx.isConnected(POSITION_CV);
    float[] cv = ctx.input(POSITION_CV, 0);
    boolean pmOn = ctx.isConnected(PM);
    float[] pm = ctx.input(PM, 0);
    double pmScale = clamp(ctx.parameter(PM_DEPTH), 0, 10) * INV_TWO_PI;
    boolean syncOn = ctx.isConnected(SYNC);
    float[] sync = ctx.input(SYNC, 0);
    int begin = started ? 0 : firstSound(ctx);
    for (int i = 0; i < begin && i < frames; i++) {
      out[i] = 0f;
    }
    if (begin >= frames) {
      return ProcessStatus.SILENT;
    }
    started = true;
    double p = phase;
    double pending = held;
    double lastSync = previousSync;
    for (int i = begin; i < frames; i++) {
      double dt = inc[i];
      double x = (positionConstant ? position : positionRamp[i]) + (cvOn ? cv[i] : 0);
      x = clamp(x, 0, 1) * last;
      int j = Math.min((int) x, last - 1);
      double t = x - j;
      int mip = WavetableBank.level(Math.abs(dt));
      int a = WavetableBank.offset(j, mip);
      int b = WavetableBank.offset(j + 1, mip);
      double offset = 0;
      if (pmOn) {
        offset = pmScale * pm[i];
        if (!(Math.abs(offset) < MAX_OFFSET)) {
          offset = 0;
        }
      }
      double y = pending;
      double after = 0;
      p += dt;
      double d = syncOn ? Blep.risingCrossing(lastSync, sync[i]) : -1;
      if (d > 0) {
        double before = morph(bank, a, b, t, wrap(p - d * dt + offset));
        double restart = morph(bank, a, b, t, wrap(offset));
        y += Blep.stepBefore(restart - before, d);
        after = Blep.stepAfter(restart - before, d);
        p = d * dt;
      }
      p -= Math.floor(p);
      lastSync = sync[i];
      pending = morph(bank, a, b, t, wrap(p + offset)) + after;
      double g = levelConstant ? level : levelRamp[i];
      double v = y * clamp(g, 0, 1);
      // Flushes what would be a subnormal float at a vanishing level.
      out[i] = Math.abs(v) < 1e-30 ? 0f : (float) v;
    }
    phase = p;
    held = pending;
    previousSync = lastSync != lastSync ? 0 : lastSync;
    return ProcessStatus.CONTINUE;
  }

  /**
   * The frame at which a silent oscillator starts: 0 when any input is connected, else the
   * first NOTE_ON's frame, else {@code frames} (stays silent).
   */
  private static int firstSound(ProcessContext ctx) {
    for (int port = Frequency.PITCH; port < OUT; port++) {
      if (ctx.isConnected(port)) {
        return 0;
      }
    }
    int frames = ctx.frames();
    for (int e = 0; e < ctx.eventCount(); e++) {
      Event event = ctx.event(e);
      if (event.type() == Event.Type.NOTE_ON) {
        return Math.max(0, Math.min(event.frame(), frames));
      }
    }
    return frames;
  }

  private static double morph(WavetableBank bank, int a, int b, double t, double p) {
    double ya = bank.read(a, p);
    return ya + t * (bank.read(b, p) - ya);
  }

  private static double wrap(double p) {
    return p - Math.floor(p);
  }

  /** Limits {@code x} to [min, max]; NaN gives min. */
  private static double clamp(double x, double min, double max) {
    if (!(x >= min)) {
      return min;
    }
    return x > max ? max : x;
  }

  @Override
  public void reset() {
    frequency.reset();
    // Every built-in frame is a sum of sines, zero at phase 0: the first frame does not click.
    phase = 0;
    held = 0;
    previousSync = 0;
    started = false;
  }

  @Override
  public void deactivate() {
    banks = null;
  }
}

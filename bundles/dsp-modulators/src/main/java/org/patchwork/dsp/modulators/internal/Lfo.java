package org.patchwork.dsp.modulators.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;
import org.patchwork.sdk.module.Transport;

/**
 * A low-frequency oscillator on a bipolar CV output: a phase accumulator (Puckette, "The
 * Theory and Technique of Electronic Music", 2007, ch. 2)
 * {@code φ[n+1] = φ[n] + rate[n]·2^{rate_cv[n]}/fs (mod 1)} read through one of four shapes,
 * each starting at 0 (the square at +1) and rising, scaled by {@code level}:
 *
 * <pre>  sine      sin 2πφ
 *  triangle  4φ (φ < ¼),  2 − 4φ (φ < ¾),  4φ − 4
 *  saw       2φ (φ < ½),  2φ − 2
 *  square    +1 (φ < ½),  −1</pre>
 *
 * <p>Control signals are not band-limited: at LFO rates the corners alias far below
 * audibility, and modulation targets want sharp edges. A rising zero crossing on {@code reset}
 * restarts the phase at that frame, to sync the LFO to a clock or a gate. The rate follows
 * automation frame by frame. {@code phase} shifts the shape: the output is
 * {@code shape((φ + phase/360) mod 1)}.
 *
 * <p>With {@code sync = Tempo} the rate comes from the song: one cycle lasts the chosen
 * {@code division} (a bar, a quarter note, a dotted eighth, a triplet ...), so
 * {@code rate = tempo/60/beats}, and {@code rate} and {@code rate_cv} are not used. While the
 * song plays, the phase is also locked to the song position at the start of every block,
 * {@code φ = (songBeat/beats) mod 1}, so the LFO lines up with the bar wherever playback
 * starts (a {@code reset} then lasts at most until the next block); while it is stopped the
 * LFO runs free at the tempo's rate.
 */
public final class Lfo implements AudioModule {

  static final int RATE_CV = 0;
  static final int RESET = 1;
  static final int OUT = 2;
  static final int WAVE = 0;
  static final int RATE = 1;
  static final int LEVEL = 2;
  static final int SYNC = 3;
  static final int DIVISION = 4;
  static final int PHASE = 5;

  static final int SINE = 0;
  static final int TRIANGLE = 1;
  static final int SAW = 2;
  static final int SQUARE = 3;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.lfo", "LFO", "Patchwork", "1.1.0", ModuleKind.MODULATOR,
      Set.of("modulator"),
      List.of(PortDescriptor.cvIn("rate_cv"), PortDescriptor.cvIn("reset"), PortDescriptor.cvOut("out")),
      List.of(
          ParameterDescriptor.choice("wave", "Wave", SINE, "Sine", "Triangle", "Saw", "Square"),
          ParameterDescriptor.of("rate", "Rate", 0.01, 100, 1, "Hz"),
          ParameterDescriptor.of("level", "Level", 0, 1, 1, ""),
          // Appended in 1.1: saved projects address parameters by id, and older ones by index.
          ParameterDescriptor.choice("sync", "Sync", 0, "Free", "Tempo"),
          ParameterDescriptor.choice("division", "Division", 4, "4 bars", "2 bars", "1 bar", "1/2", "1/4",
              "1/8", "1/16", "1/32", "1/2 T", "1/4 T", "1/8 T", "1/16 T", "1/2 .", "1/4 .", "1/8 .", "1/16 ."),
          ParameterDescriptor.of("phase", "Phase", 0, 360, 0, "deg")),
      0);

  /** Beats (quarter notes) per cycle for each division; negative entries count bars. */
  private static final double[] BEATS = {
      -4, -2, -1, 2, 1, 0.5, 0.25, 0.125, 4 / 3.0, 2 / 3.0, 1 / 3.0, 1 / 6.0, 3, 1.5, 0.75, 0.375};

  private static final double LN2 = Math.log(2);
  /** Half a cycle per frame at most: faster is no longer a low-frequency oscillator. */
  private static final double MAX_INCREMENT = 0.5;

  private double sampleRate;
  private double phase;
  private double previousReset;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] out = ctx.output(OUT, 0);
    float[] cv = ctx.input(RATE_CV, 0);
    boolean cvOn = ctx.isConnected(RATE_CV);
    float[] resets = ctx.input(RESET, 0);
    int wave = (int) ctx.parameter(WAVE);
    boolean rateConstant = ctx.isParameterConstant(RATE);
    float[] rateRamp = ctx.parameterRamp(RATE);
    double rate = ctx.parameter(RATE);
    boolean levelConstant = ctx.isParameterConstant(LEVEL);
    float[] levelRamp = ctx.parameterRamp(LEVEL);
    double level = ctx.parameter(LEVEL);
    double offset = clamp(ctx.parameter(PHASE), 0, 360) / 360;
    double toCycles = 1 / sampleRate;
    double p = phase;
    boolean synced = ctx.parameter(SYNC) >= 0.5;
    if (synced) {
      Transport transport = ctx.transport();
      double beats = BEATS[(int) clamp(ctx.parameter(DIVISION), 0, BEATS.length - 1)];
      if (beats < 0) {
        int perBar = transport.beatsPerBar();
        beats *= -(perBar > 0 ? perBar : 4);
      }
      // The rate in Hz that the free-running path below turns into a phase increment.
      rate = clamp(transport.tempo(), 1, 999) / 60 / beats;
      rateConstant = true;
      cvOn = false;
      if (transport.isPlaying()) {
        double cycles = transport.songBeat() / beats;
        p = Double.isFinite(cycles) ? cycles - Math.floor(cycles) : 0;
        if (p >= 1) { // a tiny negative position rounds up to 1
          p = 0;
        }
      }
    }
    double last = previousReset;
    for (int i = 0; i < frames; i++) {
      // An unconnected reset reads zeros and never rises through zero.
      double r = resets[i];
      if (last <= 0 && r > 0) {
        p = 0;
      }
      last = r;
      double shifted = p + offset;
      if (shifted >= 1) {
        shifted -= 1;
      }
      double a = clamp(levelConstant ? level : levelRamp[i], 0, 1);
      out[i] = (float) (a * shape(wave, shifted));
      double inc = (rateConstant ? rate : rateRamp[i]) * toCycles;
      if (cvOn) {
        inc *= Math.exp(cv[i] * LN2);
      }
      if (!(inc >= 0)) {
        inc = 0;
      } else if (inc > MAX_INCREMENT) {
        inc = MAX_INCREMENT;
      }
      p += inc;
      if (p >= 1) {
        p -= 1;
      }
    }
    phase = p;
    previousReset = Double.isFinite(last) ? last : 0;
    return ProcessStatus.CONTINUE;
  }

  private static double clamp(double v, double lo, double hi) {
    return v >= lo ? (v <= hi ? v : hi) : lo;
  }

  /** The waveform at phase {@code p} in [0, 1). */
  static double shape(int wave, double p) {
    return switch (wave) {
      case TRIANGLE -> p < 0.25 ? 4 * p : p < 0.75 ? 2 - 4 * p : 4 * p - 4;
      case SAW -> p < 0.5 ? 2 * p : 2 * p - 2;
      case SQUARE -> p < 0.5 ? 1 : -1;
      default -> Math.sin(2 * Math.PI * p);
    };
  }

  @Override
  public void reset() {
    phase = 0;
    previousReset = 0;
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

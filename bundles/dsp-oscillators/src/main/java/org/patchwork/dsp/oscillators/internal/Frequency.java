package org.patchwork.dsp.oscillators.internal;

import java.util.List;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;

/**
 * The pitch section the oscillators share: turns the {@code freq} parameter, the key of the
 * last NOTE_ON, the 1 V/oct {@code pitch} CV and the linear {@code fm} CV into one phase
 * increment (cycles per frame) for every frame of a block:
 *
 * <pre>  f[n] = freq[n] · 2^((key − 69)/12 + pitch[n]) + fm_depth[n] · fm[n]</pre>
 *
 * <p>With the default 440 Hz a NOTE_ON of key k plays 440·2^((k−69)/12); another {@code freq}
 * transposes the keyboard like the frequency knob of a VCO. A key takes effect at its event's
 * frame and is kept after NOTE_OFF (the oscillators run freely; gate them with an envelope).
 * Increments are clamped to [min, max] cycles per frame, and a NaN input gives min.
 *
 * <p>An oscillator is an instrument, so it is silent (exactly 0.0) until it is played:
 * {@link #firstSound} says from which frame of a block it sounds.
 */
final class Frequency {

  /** Port and parameter indexes every oscillator declares first, in this order. */
  static final int NOTES = 0;
  static final int PITCH = 1;
  static final int FM = 2;
  static final int FREQ = 0;
  static final int LEVEL = 1;
  static final int FM_DEPTH = 2;

  /** The ports at {@link #NOTES}, {@link #PITCH} and {@link #FM}. */
  static final List<PortDescriptor> PORTS = List.of(
      PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("pitch"), PortDescriptor.cvIn("fm"));

  /** The parameters at {@link #FREQ}, {@link #LEVEL} and {@link #FM_DEPTH}. */
  static final List<ParameterDescriptor> PARAMETERS = List.of(
      ParameterDescriptor.of("freq", "Frequency", 0.1, 20000, 440, "Hz"),
      ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""),
      ParameterDescriptor.of("fm_depth", "FM depth", 0, 20000, 1000, "Hz"));

  /** Highest increment: just under Nyquist, where the two-point corrections still hold. */
  static final double MAX_INCREMENT = 0.49;

  private static final double LN2 = Math.log(2);

  private double[] increments = new double[0];
  private double keyOctaves;

  void activate(int maxFrames) {
    increments = new double[maxFrames];
    keyOctaves = 0;
  }

  void reset() {
    keyOctaves = 0;
  }

  /** Fills and returns the increments of frames {@code 0..frames-1}. Thread: audio. */
  double[] compute(ProcessContext ctx, double min, double max) {
    int frames = ctx.frames();
    double[] inc = increments;
    double toCycles = 1.0 / ctx.sampleRate();
    boolean freqConstant = ctx.isParameterConstant(FREQ);
    float[] freqRamp = ctx.parameterRamp(FREQ);
    double freq = ctx.parameter(FREQ);
    boolean depthConstant = ctx.isParameterConstant(FM_DEPTH);
    float[] depthRamp = ctx.parameterRamp(FM_DEPTH);
    double depth = ctx.parameter(FM_DEPTH);
    boolean pitchOn = ctx.isConnected(PITCH);
    float[] pitch = ctx.input(PITCH, 0);
    boolean fmOn = ctx.isConnected(FM);
    float[] fm = ctx.input(FM, 0);
    double key = keyOctaves;
    int from = 0;
    int events = ctx.eventCount();
    // The last pass (e == events) renders the tail after the last note.
    for (int e = 0; e <= events; e++) {
      int to = frames;
      double nextKey = key;
      if (e < events) {
        Event event = ctx.event(e);
        if (event.type() != Event.Type.NOTE_ON) {
          continue;
        }
        to = Math.max(from, Math.min(event.frame(), frames));
        nextKey = (event.key() - 69) / 12.0;
      }
      double keyFactor = Math.exp(key * LN2) * toCycles;
      if (freqConstant && !pitchOn && !fmOn) {
        double value = clamp(freq * keyFactor, min, max);
        for (int i = from; i < to; i++) {
          inc[i] = value;
        }
      } else {
        for (int i = from; i < to; i++) {
          double cycles = (freqConstant ? freq : freqRamp[i]) * keyFactor;
          if (pitchOn) {
            cycles *= Math.exp(pitch[i] * LN2);
          }
          if (fmOn) {
            cycles += (depthConstant ? depth : depthRamp[i]) * fm[i] * toCycles;
          }
          inc[i] = clamp(cycles, min, max);
        }
      }
      from = to;
      key = nextKey;
    }
    keyOctaves = key;
    return inc;
  }

  /**
   * The frame of this block from which a module that has not sounded yet starts: 0 when one of
   * its inputs {@code 1..out-1} is connected (a patched oscillator runs, keyboard or not), else
   * the frame of the first NOTE_ON, else {@code frames} (it stays silent). Port 0 is the notes
   * input of every module that uses this.
   */
  static int firstSound(ProcessContext ctx, int out) {
    for (int port = 1; port < out; port++) {
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

  /** Limits {@code x} to [min, max]; NaN gives min. */
  static double clamp(double x, double min, double max) {
    if (!(x >= min)) {
      return min;
    }
    return x > max ? max : x;
  }
}

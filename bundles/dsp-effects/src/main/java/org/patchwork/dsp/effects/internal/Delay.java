package org.patchwork.dsp.effects.internal;

import java.util.List;
import java.util.Set;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A stereo feedback delay, timed in milliseconds or as a note value of the transport's tempo
 * (Zölzer, "DAFX", 2nd ed., 2011, ch. 2.2, the feedback comb; Smith, "Physical Audio Signal
 * Processing", 2010, "Delay-Line Interpolation"). Per channel, with D the delay in frames,
 * f the feedback and LP a one-pole low-pass in the loop:
 *
 * <pre>  w[n] = line[n − D]                     (4-point cubic Hermite read)
 *  line[n] = x[n] + f·LP(w)[n]            LP: y += a·(x − y),  a = 1 − e^(−2π·fc/fs)
 *  out[n] = (1 − mix)·x[n] + mix·w[n]</pre>
 *
 * so an impulse returns at D, 2D, 3D … frames with heights 1, f, f² … (times mix) while the
 * damping eats the highs of each later echo. {@code damping} d sets fc = 20 kHz·100^(−d) and
 * 0 switches the filter off. In ping-pong mode the mono sum (L + R)/2 enters the left line
 * only, and the lines feed each other crosswise ({@code lineL ← f·LP(wR)},
 * {@code lineR ← f·LP(wL)}), so echoes alternate left, right, left.
 *
 * <p>A synced time is a note value of {@code 60/tempo} seconds per beat: 1/4 = 1 beat, dotted
 * = 3/2 of it, triplet = 2/3 of it (1/4 at 120 BPM = 0.5 s = 24000 frames at 48 kHz). The lines
 * hold {@value #MAX_SECONDS} s; longer synced times are limited to that. A new time is reached
 * by a one-pole glide of the read position ({@value #GLIDE_SECONDS} s time constant), read
 * between frames, so the echoes bend in pitch like tape instead of clicking.
 */
public final class Delay implements AudioModule {

  static final int IN = 0;
  static final int OUT = 1;
  static final int TIME = 0;
  static final int SYNC = 1;
  static final int FEEDBACK = 2;
  static final int DAMPING = 3;
  static final int PING_PONG = 4;
  static final int MIX = 5;

  static final double MAX_SECONDS = 4;
  static final double MAX_FEEDBACK = 0.95;
  static final double GLIDE_SECONDS = 0.08;

  /** Note values of {@code sync}: "Off" then each of 1/1..1/32 straight, dotted, triplet. */
  static final String[] DIVISIONS = {"Off",
      "1/1", "1/1.", "1/1T", "1/2", "1/2.", "1/2T", "1/4", "1/4.", "1/4T",
      "1/8", "1/8.", "1/8T", "1/16", "1/16.", "1/16T", "1/32", "1/32.", "1/32T"};

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.delay", "Delay", "Patchwork", "1.0.0", ModuleKind.EFFECT,
      Set.of("effect", "delay"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("time", "Time", 1, MAX_SECONDS * 1000, 400, "ms"),
          ParameterDescriptor.choice("sync", "Sync", 0, DIVISIONS),
          ParameterDescriptor.of("feedback", "Feedback", 0, MAX_FEEDBACK, 0.4, ""),
          ParameterDescriptor.of("damping", "Damping", 0, 1, 0.2, ""),
          ParameterDescriptor.choice("pingpong", "Ping-pong", 0, "Off", "On"),
          ParameterDescriptor.of("mix", "Mix", 0, 1, 0.35, "")),
      0);

  private static final double[] VARIANT = {1, 1.5, 2.0 / 3};

  private static final float[] NONE = new float[0];

  private double sampleRate = 48_000;
  private double glide;
  private float[] left = NONE;
  private float[] right = NONE;
  private int mask;
  private int write;
  private double delay;
  private boolean primed;
  private double dampLeft;
  private double dampRight;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    glide = 1 - Math.exp(-1 / (GLIDE_SECONDS * sampleRate));
    left = Ring.allocate(MAX_SECONDS * sampleRate);
    right = Ring.allocate(MAX_SECONDS * sampleRate);
    mask = left.length - 1;
    reset();
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    double target = targetFrames(ctx);
    boolean pingPong = ctx.parameter(PING_PONG) >= 0.5;
    double a = dampingCoefficient(Ring.clamp(ctx.parameter(DAMPING), 0, 1), sampleRate);
    boolean fbConstant = ctx.isParameterConstant(FEEDBACK);
    float[] fbRamp = ctx.parameterRamp(FEEDBACK);
    double fbBlock = Ring.clamp(ctx.parameter(FEEDBACK), 0, MAX_FEEDBACK);
    boolean mixConstant = ctx.isParameterConstant(MIX);
    float[] mixRamp = ctx.parameterRamp(MIX);
    double mixBlock = Ring.clamp(ctx.parameter(MIX), 0, 1);
    float[] l = left;
    float[] r = right;
    int m = mask;
    int w = write;
    double d = primed ? delay : target;
    double k = glide;
    double lpL = dampLeft;
    double lpR = dampRight;
    for (int i = 0; i < frames; i++) {
      double step = target - d;
      d = step > -1e-6 && step < 1e-6 ? target : d + step * k;
      double wl = Ring.read(l, m, w, d);
      double wr = Ring.read(r, m, w, d);
      double fb = fbConstant ? fbBlock : Ring.clamp(fbRamp[i], 0, MAX_FEEDBACK);
      double mix = mixConstant ? mixBlock : Ring.clamp(mixRamp[i], 0, 1);
      double xl = Ring.flushState(inL[i]);
      double xr = Ring.flushState(inR[i]);
      lpL = Ring.flushState(lpL + a * (wl - lpL));
      lpR = Ring.flushState(lpR + a * (wr - lpR));
      if (pingPong) {
        l[w] = Ring.flush(0.5 * (xl + xr) + fb * lpR);
        r[w] = Ring.flush(fb * lpL);
      } else {
        l[w] = Ring.flush(xl + fb * lpL);
        r[w] = Ring.flush(xr + fb * lpR);
      }
      w = (w + 1) & m;
      outL[i] = Ring.flush((1 - mix) * xl + mix * wl);
      outR[i] = Ring.flush((1 - mix) * xr + mix * wr);
    }
    write = w;
    delay = d;
    primed = true;
    dampLeft = lpL;
    dampRight = lpR;
    return ProcessStatus.CONTINUE;
  }

  /** The delay this block aims at, in frames: the time in ms, or the note value at the tempo. */
  private double targetFrames(ProcessContext ctx) {
    int sync = (int) Ring.clamp(Math.rint(ctx.parameter(SYNC)), 0, DIVISIONS.length - 1);
    double seconds;
    if (sync == 0) {
      seconds = Ring.clamp(ctx.parameter(TIME), 1, MAX_SECONDS * 1000) / 1000;
    } else {
      seconds = noteBeats(sync) * 60 / Ring.clamp(ctx.transport().tempo(), 1, 1000);
    }
    return Ring.clamp(seconds, 0.001, MAX_SECONDS) * sampleRate;
  }

  /** Length in beats (quarter notes) of note value {@code sync} (1..18) of {@link #DIVISIONS}. */
  static double noteBeats(int sync) {
    int straight = (sync - 1) / 3;
    return 4.0 / (1 << straight) * VARIANT[(sync - 1) % 3];
  }

  /** The loop low-pass's {@code a}: 1 (off) at no damping, else for fc = 20 kHz·100^(−d). */
  static double dampingCoefficient(double damping, double sampleRate) {
    if (damping <= 0) {
      return 1;
    }
    double fc = Math.min(20_000 * Math.pow(100, -damping), 0.45 * sampleRate);
    return 1 - Math.exp(-2 * Math.PI * fc / sampleRate);
  }

  @Override
  public void reset() {
    java.util.Arrays.fill(left, 0f);
    java.util.Arrays.fill(right, 0f);
    write = 0;
    primed = false;
    delay = 0;
    dampLeft = 0;
    dampRight = 0;
  }

  @Override
  public void deactivate() {
    left = NONE;
    right = NONE;
  }
}

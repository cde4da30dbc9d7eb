package org.patchwork.dsp.utility.internal;

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
 * A panner with three pan laws. For a position {@code p = pan + pan_cv} in [−1, 1] and
 * {@code θ = (p + 1)·π/4} the left and right gains are
 *
 * <pre>  equal power (−3 dB)   l = cos θ,            r = sin θ
 *  linear (−6 dB)        l = (1 − p)/2,        r = (1 + p)/2
 *  −4.5 dB               l = √(cos θ·(1 − p)/2), r = √(sin θ·(1 + p)/2)</pre>
 *
 * named by their level at the centre: equal power keeps the summed power constant, linear
 * keeps the summed amplitude constant (right for a mono fold-down), and −4.5 dB is their
 * geometric mean, a compromise used by many consoles (Griesinger, "Stereo and Surround Panning
 * in Practice", AES 112, 2002). In mono mode the input {@code (L + R)/2} is placed between the
 * speakers; in stereo mode each side is scaled by its own gain (a balance control). A mono
 * cable feeds both sides of the input, so either mode pans it. The position is read every
 * frame while the pan moves or {@code pan_cv} is connected.
 */
public final class Pan implements AudioModule {

  static final int IN = 0;
  static final int PAN_CV = 1;
  static final int OUT = 2;
  static final int PAN = 0;
  static final int LAW = 1;
  static final int INPUT = 2;

  static final int EQUAL_POWER = 0;
  static final int LINEAR = 1;
  static final int MINUS_4_5_DB = 2;

  static final ModuleDescriptor DESCRIPTOR = new ModuleDescriptor(
      "org.patchwork.dsp.pan", "Pan", "Patchwork", "1.0.0", ModuleKind.UTILITY,
      Set.of("utility"),
      List.of(PortDescriptor.audioIn("in", 2), PortDescriptor.cvIn("pan_cv"), PortDescriptor.audioOut("out", 2)),
      List.of(
          ParameterDescriptor.of("pan", "Pan", -1, 1, 0, ""),
          ParameterDescriptor.choice("law", "Pan law", EQUAL_POWER,
              "Equal power (-3 dB)", "Linear (-6 dB)", "-4.5 dB"),
          ParameterDescriptor.choice("input", "Input", 1, "Mono", "Stereo (balance)")),
      0);

  private static final double QUARTER_PI = Math.PI / 4;

  @Override
  public void activate(double sampleRate, int maxFrames) {
    // Stateless: nothing to allocate.
  }

  @Override
  public ProcessStatus process(ProcessContext ctx) {
    int frames = ctx.frames();
    int law = (int) Levels.clamp(ctx.parameter(LAW), 0, 2);
    boolean mono = ctx.parameter(INPUT) < 0.5;
    float[] inL = ctx.input(IN, 0);
    float[] inR = ctx.input(IN, 1);
    float[] outL = ctx.output(OUT, 0);
    float[] outR = ctx.output(OUT, 1);
    float[] cv = ctx.input(PAN_CV, 0);
    boolean panConstant = ctx.isParameterConstant(PAN);
    boolean moving = !panConstant || ctx.isConnected(PAN_CV);
    float[] panRamp = ctx.parameterRamp(PAN);
    double pan = ctx.parameter(PAN);
    double p0 = Levels.clamp(pan, -1, 1);
    double gl = left(law, p0);
    double gr = left(law, -p0);
    for (int i = 0; i < frames; i++) {
      if (moving) {
        double p = Levels.clamp((panConstant ? pan : panRamp[i]) + cv[i], -1, 1);
        gl = left(law, p);
        gr = left(law, -p);
      }
      double l = inL[i];
      double r = inR[i];
      if (mono) {
        l = 0.5 * (l + r);
        r = l;
      }
      outL[i] = Levels.sample(l * gl);
      outR[i] = Levels.sample(r * gr);
    }
    return ProcessStatus.CONTINUE;
  }

  /** The left gain at position {@code p} under a law; the right gain is {@code left(law, −p)}. */
  static double left(int law, double p) {
    double power = Math.sin((1 - p) * QUARTER_PI); // cos θ, exactly 0 at p = 1
    double linear = 0.5 * (1 - p);
    return switch (law) {
      case LINEAR -> linear;
      case MINUS_4_5_DB -> Math.sqrt(power * linear);
      default -> power;
    };
  }

  @Override
  public void reset() {
    // No state to clear.
  }

  @Override
  public void deactivate() {
    // Nothing was allocated.
  }
}

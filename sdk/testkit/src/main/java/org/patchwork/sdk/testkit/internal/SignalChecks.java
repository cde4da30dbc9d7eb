package org.patchwork.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.internal.Stimuli.Stimulus;

/**
 * The checks that render a module and look at every output sample: clean output at extreme
 * settings and inputs, parameters beyond their ranges, reproducibility after reset, and how an
 * effect decays or an instrument keeps quiet.
 */
public final class SignalChecks {

  /** Length of each extreme-case render: long enough for filters and envelopes to move. */
  static final int HALF_SECOND = Subject.RATE / 2;
  /** An effect's decay render. */
  static final int DECAY_RENDER = 20 * Subject.RATE;
  static final double DECAY_PEAK = 1e-4;
  static final int INSTRUMENT_SILENCE = 2 * Subject.RATE;

  /** Parameter values to render with, by parameter id; forced ones skip the harness's range check. */
  record Setting(String description, Map<String, Double> values, boolean forced) {
    void apply(ModuleHarness h) {
      values.forEach((id, v) -> {
        if (forced) {
          h.force(id, v);
        } else {
          h.set(id, v);
        }
      });
    }
  }

  private SignalChecks() {
  }

  /** Rule 4: no NaN, Inf or denormal sample at any extreme setting with any extreme input. */
  public static void noBadSamples(Subject s) {
    List<String> failures = new ArrayList<>();
    for (Setting setting : extremeSettings(s.descriptor())) {
      for (Stimulus stimulus : Stimuli.extremes(s)) {
        ModuleHarness h = s.harness();
        setting.apply(h);
        stimulus.apply(s, h, HALF_SECOND);
        String situation = setting.description() + ", " + stimulus.description();
        if (s.hasEvents()) {
          Stimuli.extremeNotes(h);
          situation += ", " + Stimuli.EXTREME_NOTES;
        }
        String bad = firstBad(s, s.render(h, HALF_SECOND, situation), true);
        if (bad != null) {
          failures.add(bad + " with " + situation);
        }
      }
    }
    s.failIfAny(failures, "every output sample must be finite and 0 or at least Float.MIN_NORMAL in size");
  }

  /** Rule 5: values beyond a parameter's range, as an untrusting module must expect, give finite output. */
  public static void rangesHonoured(Subject s) {
    List<String> failures = new ArrayList<>();
    for (Setting setting : beyondSettings(s.descriptor())) {
      ModuleHarness h = s.harness();
      setting.apply(h);
      new Stimulus("", Stimuli.noise(1), Stimuli.noise(1)).apply(s, h, HALF_SECOND);
      String situation = setting.description() + ", inputs white noise";
      if (s.hasEvents()) {
        Stimuli.extremeNotes(h);
        situation += ", " + Stimuli.EXTREME_NOTES;
      }
      String bad = firstBad(s, s.render(h, HALF_SECOND, situation), false);
      if (bad != null) {
        failures.add(bad + " with " + situation);
      }
    }
    s.failIfAny(failures, "parameter values beyond the range must be clamped: the output must stay finite");
  }

  /** Rule 6: after reset, the same input and notes give the same bytes. */
  public static void resetReproducible(Subject s) {
    ModuleHarness h = s.harness();
    new Stimulus("", Stimuli.noise(1), Stimuli.noise(1)).apply(s, h, HALF_SECOND);
    String situation = "default parameters, inputs white noise" + (s.hasEvents() ? ", " + Stimuli.PHRASE : "");
    if (s.hasEvents()) {
      Stimuli.phrase(h);
    }
    float[][][] first = s.render(h, HALF_SECOND, situation);
    h.reset();
    if (s.hasEvents()) {
      Stimuli.phrase(h);
    }
    float[][][] again = s.render(h, HALF_SECOND, situation + ", after reset()");
    for (int p = 0; p < first.length; p++) {
      for (int ch = 0; ch < first[p].length; ch++) {
        for (int i = 0; i < HALF_SECOND; i++) {
          if (Float.floatToRawIntBits(first[p][ch][i]) != Float.floatToRawIntBits(again[p][ch][i])) {
            throw new AssertionError(s.id() + ": after reset(), " + s.channel(p, ch) + " frame " + i + " = "
                + again[p][ch][i] + " but the first render had " + first[p][ch][i] + " (" + situation
                + "): reset() must clear all audio state and re-seed random generators");
          }
        }
      }
    }
  }

  /** Rule 7 for effects: after 1 s of noise then silence, the output dies away and stays finite. */
  public static void effectDecays(Subject s) {
    ModuleHarness h = s.harness();
    new Stimulus("", Stimuli.noiseThenSilence(Subject.RATE), null).apply(s, h, DECAY_RENDER);
    String situation = "default parameters, 1 s of white noise then silence on the audio inputs";
    float[][][] out = s.render(h, DECAY_RENDER, situation);
    String bad = firstBad(s, out, true);
    if (bad != null) {
      throw new AssertionError(s.id() + ": " + bad + " with " + situation);
    }
    int tail = DECAY_RENDER - Subject.RATE / 2;
    for (int p = 0; p < out.length; p++) {
      for (int ch = 0; ch < out[p].length; ch++) {
        float[] x = out[p][ch];
        double peak = 0;
        for (int i = tail; i < x.length; i++) {
          peak = Math.max(peak, Math.abs(x[i]));
        }
        if (peak >= DECAY_PEAK) {
          int last = x.length - 1;
          while (last > 0 && Math.abs(x[last]) < DECAY_PEAK) {
            last--;
          }
          throw new AssertionError(s.id() + ": " + s.channel(p, ch) + " still peaks at " + (float) peak
              + " in the last 0.5 s of a 20 s render (" + situation + "; last at or above " + DECAY_PEAK
              + " at frame " + last + "): an effect's output must decay below " + DECAY_PEAK);
        }
      }
    }
  }

  /** Rule 7 for instruments: exactly 0.0 on every output while no note has been played. */
  public static void instrumentSilent(Subject s) {
    ModuleHarness h = s.harness();
    float[][][] out = s.render(h, INSTRUMENT_SILENCE, "no notes and no inputs");
    for (int p = 0; p < out.length; p++) {
      for (int ch = 0; ch < out[p].length; ch++) {
        float[] x = out[p][ch];
        for (int i = 0; i < x.length; i++) {
          if (x[i] != 0f) {
            throw new AssertionError(s.id() + ": " + s.channel(p, ch) + " frame " + i + " = " + x[i]
                + " with no note played and no input connected (default parameters): an instrument"
                + " must output exactly 0.0 until a note is played");
          }
        }
      }
    }
  }

  /** Defaults, each parameter at its min then its max with the others at default, all at min, all at max. */
  static List<Setting> extremeSettings(ModuleDescriptor d) {
    List<Setting> list = new ArrayList<>();
    list.add(new Setting("parameters at defaults", Map.of(), false));
    for (ParameterDescriptor p : d.parameters()) {
      list.add(new Setting("'" + p.id() + "' at min " + p.min() + " (others default)", Map.of(p.id(), p.min()), false));
      list.add(new Setting("'" + p.id() + "' at max " + p.max() + " (others default)", Map.of(p.id(), p.max()), false));
    }
    if (d.parameters().size() > 1) {
      list.add(new Setting("every parameter at min", all(d, -1), false));
      list.add(new Setting("every parameter at max", all(d, +1), false));
    }
    return list;
  }

  /** Each parameter far below its min, then far above its max; then all below, all above. */
  static List<Setting> beyondSettings(ModuleDescriptor d) {
    List<Setting> list = new ArrayList<>();
    for (ParameterDescriptor p : d.parameters()) {
      double below = beyond(p, -1);
      double above = beyond(p, +1);
      list.add(new Setting("'" + p.id() + "' forced to " + below + " (below min " + p.min() + ", others default)",
          Map.of(p.id(), below), true));
      list.add(new Setting("'" + p.id() + "' forced to " + above + " (above max " + p.max() + ", others default)",
          Map.of(p.id(), above), true));
    }
    if (!d.parameters().isEmpty()) {
      list.add(new Setting("every parameter forced far below its min", beyondAll(d, -1), true));
      list.add(new Setting("every parameter forced far above its max", beyondAll(d, +1), true));
    }
    return list;
  }

  /**
   * Ten spans plus 1000 past the end: far enough to leave any internal table or formula's domain
   * (a frequency of −200 kHz, a gain of +1860 dB, a voice count of 3800), not so far that a
   * clamped module could not represent it.
   */
  static double beyond(ParameterDescriptor p, int side) {
    double big = 10 * (p.max() - p.min()) + 1000;
    return side < 0 ? p.min() - big : p.max() + big;
  }

  private static Map<String, Double> all(ModuleDescriptor d, int side) {
    Map<String, Double> values = new LinkedHashMap<>();
    d.parameters().forEach(p -> values.put(p.id(), side < 0 ? p.min() : p.max()));
    return values;
  }

  private static Map<String, Double> beyondAll(ModuleDescriptor d, int side) {
    Map<String, Double> values = new LinkedHashMap<>();
    d.parameters().forEach(p -> values.put(p.id(), beyond(p, side)));
    return values;
  }

  /**
   * The earliest sample that is NaN or infinite (or, with {@code denormals}, subnormal), as
   * {@code out[0] frame 127 = 5.8E-39 (denormal)}; null when every sample is clean.
   */
  static String firstBad(Subject s, float[][][] out, boolean denormals) {
    String found = null;
    int earliest = Integer.MAX_VALUE;
    for (int p = 0; p < out.length; p++) {
      for (int ch = 0; ch < out[p].length; ch++) {
        float[] x = out[p][ch];
        for (int i = 0; i < Math.min(x.length, earliest); i++) {
          float v = x[i];
          String what = Float.isNaN(v) ? "NaN" : Float.isInfinite(v) ? "infinite"
              : denormals && v != 0 && Math.abs(v) < Float.MIN_NORMAL ? "denormal" : null;
          if (what != null) {
            earliest = i;
            found = s.channel(p, ch) + " frame " + i + " = " + v + " (" + what + ")";
            break;
          }
        }
      }
    }
    return found;
  }
}

package org.patchwork.trackerio.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.trackerio.internal.GeneralMidi.Drum;
import org.patchwork.trackerio.internal.GeneralMidi.Family;

/**
 * The instrument an imported program or drum voice plays on: a chain of Patchwork modules (the
 * first receives the notes) with its track gain and reverb send. One preset per General MIDI
 * family, a few programs refined (choir, distorted guitars, square lead), and one per drum voice:
 *
 * <ul>
 *   <li>pianos and electric pianos, chromatic percussion, percussive programs: FM6 (tine and
 *       bell spectra come naturally from 2-operator stacks);
 *   <li>organs: the wavetable oscillator (a gated, sustained tone);
 *   <li>guitars, basses, strings and ensembles, brass, reeds, synth leads and pads: the
 *       subtractive synth with family envelopes and filters (strings and pads through chorus,
 *       distorted guitars through the waveshaper);
 *   <li>choir and voice: the granular instrument on its factory sung-vowel texture;
 *   <li>synth effects and ethnic: the sampler's factory set; sound effects: granular;
 *   <li>drums: FM6 voices. A kick is a fixed 52 Hz sine with a decaying 2:1 modulator click;
 *       snares, hi-hats and cymbals are noise from a feedback operator stack at fixed,
 *       inharmonic frequencies (spectral flatness about 0.5, like white noise) through a state
 *       variable filter; toms follow their key.
 * </ul>
 */
public final class Presets {

  /**
   * One module of a preset.
   *
   * @param suffix the node id is the track id, a dash and this
   * @param module the module id
   * @param params parameter values by id
   */
  public record Part(String suffix, String module, Map<String, Double> params) {
  }

  /**
   * An instrument: the chain, the track's gain in dB and its send to the reverb bus in dB.
   */
  public record Preset(List<Part> chain, double gainDb, double sendDb) {
  }

  static final String FM6 = "org.patchwork.dsp.fm6";
  static final String SUBTRACTIVE = "org.patchwork.dsp.subtractive";
  static final String WAVETABLE = "org.patchwork.dsp.wavetable";
  static final String SAMPLER = "org.patchwork.dsp.sampler";
  static final String GRANULAR = "org.patchwork.dsp.granular";
  static final String SVF = "org.patchwork.dsp.svf";
  static final String CHORUS = "org.patchwork.dsp.chorus";
  static final String WAVESHAPER = "org.patchwork.dsp.waveshaper";

  private Presets() {
  }

  /** The preset of General MIDI program 0..127. */
  public static Preset program(int program) {
    Family f = GeneralMidi.family(program);
    return switch (f) {
      case PIANO -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.5, "voices", 24,
          "op1_decay", 1800, "op1_sustain", 0.05, "op1_release", 350, "op1_velocity", 0.7,
          "op2_ratio", 1, "op2_level", 0.32, "op2_decay", 700, "op2_sustain", 0, "op2_velocity", 0.8,
          "op3_level", 0.5, "op3_detune", 7, "op3_decay", 1400, "op3_sustain", 0.05, "op3_release", 350,
          "op4_ratio", 14, "op4_level", 0.12, "op4_decay", 60, "op4_sustain", 0)), -4, -16);
      case CHROMATIC_PERCUSSION, PERCUSSIVE -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.45,
          "op1_decay", 2200, "op1_sustain", 0, "op1_release", 900, "op2_ratio", 3.5, "op2_level", 0.35,
          "op2_decay", 900, "op2_sustain", 0)), -6, -12);
      case ORGAN -> new Preset(List.of(part("osc", WAVETABLE, "level", 0.3, "position", 0.35),
          part("tone", SVF, "cutoff", 3500, "resonance", 0.6)), -6, -14);
      case GUITAR -> guitar(program);
      case BASS -> new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 6, "wave", 0, "cutoff", 420,
          "resonance", 4, "lfo_depth", 0, "attack", 2, "decay", 260, "sustain", 0.5, "release", 90, "gain", 0.45)),
          -3, -30);
      case STRINGS, ENSEMBLE -> program >= 52 && program <= 54
          ? new Preset(List.of(part("voice", GRANULAR, "density", 40, "size", 120, "spray", 0.2, "attack", 150,
              "release", 900, "level", 0.6)), -4, -10)
          : new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 16, "wave", 0, "cutoff", 2400,
              "resonance", 0.8, "lfo_rate", 0.3, "lfo_depth", 300, "attack", 250, "decay", 400, "sustain", 0.85,
              "release", 700, "gain", 0.16), part("chorus", CHORUS, "mix", 0.4)), -4, -10);
      case BRASS -> new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 8, "wave", 0, "cutoff", 1700,
          "resonance", 1.5, "lfo_depth", 0, "attack", 40, "decay", 300, "sustain", 0.75, "release", 160,
          "gain", 0.2)), -4, -14);
      case REED -> new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 4, "wave", 1, "cutoff", 1400,
          "resonance", 2, "lfo_rate", 5, "lfo_depth", 80, "attack", 30, "decay", 200, "sustain", 0.8,
          "release", 120, "gain", 0.22)), -4, -14);
      case PIPE -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.5, "op1_attack", 40,
          "op1_sustain", 0.9, "op1_release", 150, "op2_ratio", 1, "op2_level", 0.06, "op2_attack", 20,
          "op2_sustain", 0.8)), -4, -12);
      case SYNTH_LEAD -> new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 6, "wave", program == 80 ? 1 : 0,
          "cutoff", 2800, "resonance", 3, "lfo_rate", 5.5, "lfo_depth", 400, "attack", 3, "decay", 150,
          "sustain", 0.6, "release", 140, "gain", 0.18)), -4, -14);
      case SYNTH_PAD -> new Preset(List.of(part("synth", SUBTRACTIVE, "voices", 16, "wave", 1, "cutoff", 1100,
          "resonance", 1.2, "lfo_rate", 0.25, "lfo_depth", 450, "attack", 450, "decay", 600, "sustain", 0.8,
          "release", 1400, "gain", 0.14), part("chorus", CHORUS, "mix", 0.5)), -4, -8);
      case SYNTH_EFFECTS, ETHNIC -> new Preset(List.of(part("synth", SAMPLER, "level", 0.5, "release", 400,
          "cutoff", 6000)), -4, -10);
      case SOUND_EFFECTS -> new Preset(List.of(part("voice", GRANULAR, "density", 200, "size", 8, "spray", 1,
          "pitch_rand", 12, "attack", 5, "release", 200, "level", 0.6)), -6, -10);
    };
  }

  private static Preset guitar(int program) {
    Part synth = part("synth", SUBTRACTIVE, "voices", 8, "wave", 0, "cutoff", program == 28 ? 900 : 2200,
        "resonance", 1.2, "lfo_depth", 0, "attack", 2, "decay", program == 28 ? 120 : 450, "sustain", 0.15,
        "release", 200, "gain", 0.25);
    if (program == 29 || program == 30) {
      return new Preset(List.of(synth, part("drive", WAVESHAPER, "drive", 18, "level", -10)), -6, -16);
    }
    return new Preset(List.of(synth), -4, -14);
  }

  /** The preset of a drum voice. */
  public static Preset drum(Drum d) {
    return switch (d) {
      case KICK -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.9, "voices", 4,
          "op1_mode", 1, "op1_fixed", 52, "op1_decay", 320, "op1_sustain", 0, "op1_release", 120,
          "op1_velocity", 0.6, "op2_mode", 1, "op2_fixed", 104, "op2_level", 0.55, "op2_decay", 35,
          "op2_sustain", 0, "op2_velocity", 0.5)), -2, -40);
      case SNARE -> new Preset(List.of(noise(0.55, 170, 6000, "op1_mode", 1, "op1_fixed", 185, "op1_level", 0.7,
          "op1_decay", 90, "op1_sustain", 0, "op1_release", 60, "op2_level", 0.1, "op2_decay", 40, "op2_sustain", 0),
          part("tone", SVF, "mode", 1, "cutoff", 160, "resonance", 0.7)), -5, -18);
      case CLOSED_HAT -> new Preset(List.of(noise(0.5, 45, 9000, "op1_level", 0),
          part("tone", SVF, "mode", 1, "cutoff", 7000, "resonance", 0.9)), -10, -24);
      case OPEN_HAT -> new Preset(List.of(noise(0.5, 380, 9000, "op1_level", 0),
          part("tone", SVF, "mode", 1, "cutoff", 6500, "resonance", 0.9)), -11, -20);
      case CYMBAL -> new Preset(List.of(noise(0.5, 1400, 8000, "op1_level", 0),
          part("tone", SVF, "mode", 1, "cutoff", 4500, "resonance", 0.8)), -12, -14);
      case TOM -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.8, "op1_decay", 330,
          "op1_sustain", 0, "op1_release", 150, "op1_velocity", 0.6, "op2_ratio", 1.5, "op2_level", 0.25,
          "op2_decay", 60, "op2_sustain", 0)), -5, -16);
      case PERCUSSION -> new Preset(List.of(part("synth", FM6, "algorithm", 4, "level", 0.6, "op1_decay", 220,
          "op1_sustain", 0, "op1_release", 100, "op2_ratio", 1.41, "op2_level", 0.35, "op2_decay", 120,
          "op2_sustain", 0)), -7, -14);
    };
  }

  /**
   * FM6 noise: algorithm 1 ({@code 2>1 6>5>4>3}, feedback on 6) with operators 3..6 at fixed
   * inharmonic frequencies under full feedback; operator 3 is the noise carrier, decaying over
   * {@code decayMs}; operators 1 and 2 may add a tone (given in {@code extra}).
   */
  private static Part noise(double level, double decayMs, double top, Object... extra) {
    Object[] base = {"algorithm", 0, "feedback", 1, "level", level, "voices", 8,
        "op3_mode", 1, "op3_fixed", top, "op3_level", 1, "op3_decay", decayMs, "op3_sustain", 0,
        "op3_release", decayMs / 2, "op3_velocity", 0.6,
        "op4_mode", 1, "op4_fixed", top * 0.733, "op4_level", 1,
        "op5_mode", 1, "op5_fixed", top * 0.474, "op5_level", 1,
        "op6_mode", 1, "op6_fixed", top * 0.3204, "op6_level", 1};
    Object[] all = new Object[base.length + extra.length];
    System.arraycopy(base, 0, all, 0, base.length);
    System.arraycopy(extra, 0, all, base.length, extra.length);
    return part("synth", FM6, all);
  }

  private static Part part(String suffix, String module, Object... params) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], ((Number) params[i + 1]).doubleValue());
    }
    return new Part(suffix, module, map);
  }
}

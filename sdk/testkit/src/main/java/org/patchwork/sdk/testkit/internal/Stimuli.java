package org.patchwork.sdk.testkit.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * What the conformance checks feed a module: input signals (seeded, so every run renders the
 * same bytes) and note phrases.
 */
public final class Stimuli {

  /** Makes the signal of one input channel; {@code salt} tells channels apart. */
  @FunctionalInterface
  public interface Signal {
    float[] make(int frames, long salt);
  }

  /**
   * A way to drive the inputs: {@code audio} for every audio input channel, {@code cv} for every
   * CV input channel; a null signal leaves those ports unconnected.
   */
  public record Stimulus(String description, Signal audio, Signal cv) {

    /** Connects the signals to {@code h}'s inputs for {@code frames} frames. */
    public void apply(Subject s, ModuleHarness h, int frames) {
      List<PortDescriptor> ports = s.descriptor().ports();
      for (int p = 0; p < ports.size(); p++) {
        PortDescriptor port = ports.get(p);
        Signal signal = port.type() == PortDescriptor.Type.AUDIO ? audio
            : port.type() == PortDescriptor.Type.CV ? cv : null;
        if (port.direction() != PortDescriptor.Direction.INPUT || signal == null) {
          continue;
        }
        float[][] channels = new float[port.channels()][];
        for (int ch = 0; ch < channels.length; ch++) {
          channels[ch] = signal.make(frames, 31L * p + ch);
        }
        h.input(port.id(), channels);
      }
    }
  }

  /** Which notes {@link #extremeNotes} plays, for messages. */
  public static final String EXTREME_NOTES =
      "notes: keys 0 and 127 at velocity 1 and 1e-6, released at frame 12000";
  /** Which notes {@link #phrase} plays, for messages. */
  public static final String PHRASE = "notes: a C major chord, released, then a second one";

  private static final long SEED = 0x5EED_CAFEL;

  private Stimuli() {
  }

  /** Seeded white noise uniform in (−amplitude, amplitude). */
  public static Signal noise(float amplitude) {
    return (frames, salt) -> {
      float[] x = new float[frames];
      long state = SEED + salt * 0x9E3779B97F4A7C15L;
      for (int i = 0; i < frames; i++) {
        state += 0x9E3779B97F4A7C15L;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z ^= z >>> 31;
        x[i] = (float) (amplitude * (((z >>> 40) + 0.5) * 0x1p-23 - 1));
      }
      return x;
    };
  }

  /** A constant value (DC). */
  public static Signal constant(float value) {
    return (frames, salt) -> {
      float[] x = new float[frames];
      java.util.Arrays.fill(x, value);
      return x;
    };
  }

  /** A single sample of 1 at frame 0, then silence. */
  public static Signal impulse() {
    return (frames, salt) -> {
      float[] x = new float[frames];
      x[0] = 1;
      return x;
    };
  }

  /** Full-scale white noise for {@code noiseFrames}, then silence (the harness reads past the end as 0). */
  public static Signal noiseThenSilence(int noiseFrames) {
    return (frames, salt) -> noise(1).make(noiseFrames, salt);
  }

  /**
   * The extreme inputs: unconnected, silent, full-scale white noise, ±1 DC and an impulse on
   * audio and CV inputs alike, then CV inputs at ±10 and ±10 noise with noise on the audio
   * inputs. Only the ones that differ for this module's ports.
   */
  public static List<Stimulus> extremes(Subject s) {
    boolean audio = s.has(PortDescriptor.Type.AUDIO);
    boolean cv = s.has(PortDescriptor.Type.CV);
    List<Stimulus> list = new ArrayList<>();
    list.add(new Stimulus(audio || cv ? "inputs unconnected" : "no inputs", null, null));
    if (!audio && !cv) {
      return list;
    }
    list.add(new Stimulus("inputs silent", constant(0), constant(0)));
    list.add(new Stimulus("inputs full-scale white noise", noise(1), noise(1)));
    list.add(new Stimulus("inputs at +1 DC", constant(1), constant(1)));
    list.add(new Stimulus("inputs at -1 DC", constant(-1), constant(-1)));
    list.add(new Stimulus("inputs a single impulse at frame 0", impulse(), impulse()));
    if (cv) {
      String and = audio ? " (audio inputs white noise)" : "";
      Signal sound = audio ? noise(1) : null;
      list.add(new Stimulus("CV inputs at +10" + and, sound, constant(10)));
      list.add(new Stimulus("CV inputs at -10" + and, sound, constant(-10)));
      list.add(new Stimulus("CV inputs ±10 white noise" + and, sound, noise(10)));
    }
    return list;
  }

  /** The lowest and highest keys at full and almost no velocity, all released at frame 12000. */
  public static void extremeNotes(ModuleHarness h) {
    int a = h.noteOn(0, 0, 1f);
    int b = h.noteOn(2400, 127, 1f);
    int c = h.noteOn(4800, 0, 1e-6f);
    int d = h.noteOn(7200, 127, 1e-6f);
    h.noteOff(12000, 0, a);
    h.noteOff(12000, 127, b);
    h.noteOff(12000, 0, c);
    h.noteOff(12000, 127, d);
  }

  /** A chord played and released, then another, inside the first half second. */
  public static void phrase(ModuleHarness h) {
    int[] keys = {60, 64, 67};
    int[] ids = new int[keys.length];
    for (int k = 0; k < keys.length; k++) {
      ids[k] = h.noteOn(100 + 50 * k, keys[k], 0.8f);
    }
    for (int k = 0; k < keys.length; k++) {
      h.noteOff(9000 + 10 * k, keys[k], ids[k]);
    }
    for (int k = 0; k < keys.length; k++) {
      int id = h.noteOn(15_000 + 7 * k, keys[k] - 5, 0.5f);
      h.noteOff(20_000, keys[k] - 5, id);
    }
  }
}

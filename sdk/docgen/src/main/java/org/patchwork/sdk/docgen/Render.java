package org.patchwork.sdk.docgen;

import java.util.Arrays;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;

/**
 * Renders a module for its page with the SDK's {@link ModuleHarness}, at default parameters:
 * <ul>
 *   <li>{@link Mode#NOTE} (an events input, otherwise): key 60 at velocity 0.8 from 0 s,
 *       released at 1.5 s;
 *   <li>{@link Mode#SIGNAL} (an effect or utility with audio inputs): a 0.25 s burst of white
 *       noise (±0.5, 5 ms fades) into every audio input, then silence, so the tail shows; with
 *       an events input it also gets the note above;
 *   <li>{@link Mode#FREE} (neither): the module running alone.
 * </ul>
 * Two seconds at 48 kHz in blocks of 256. What is drawn is the first audio output (else the
 * first CV output), its channels averaged.
 */
final class Render {

  static final double RATE = 48_000;
  static final int BLOCK = 256;
  static final double SECONDS = 2;
  static final int NOTE = 60;
  static final float VELOCITY = 0.8f;
  static final double RELEASE_AT = 1.5;
  static final double BURST_SECONDS = 0.25;
  static final double FADE_SECONDS = 0.005;

  /** How the module is driven. */
  enum Mode { NOTE, SIGNAL, FREE }

  /**
   * A render.
   *
   * @param output the output drawn, channels averaged; non-finite samples replaced by 0
   * @param input the signal fed in ({@link Mode#SIGNAL}), else null
   * @param nonFinite whether the module wrote NaN or infinity
   * @param error why the module could not be rendered, or null
   */
  record Result(ModuleDescriptor descriptor, Mode mode, String port, float[] output, float[] input,
      boolean nonFinite, String error) {
  }

  private Render() {
  }

  static Result of(ModuleFactory factory) {
    ModuleDescriptor d = factory.descriptor();
    boolean events = first(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.EVENTS) >= 0;
    // Effects and utilities hear the burst even when they also take notes (a comb tuned by keys).
    boolean audioIn = first(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.AUDIO) >= 0
        && d.kind() != ModuleKind.INSTRUMENT && d.kind() != ModuleKind.MODULATOR;
    Mode mode = audioIn ? Mode.SIGNAL : events ? Mode.NOTE : Mode.FREE;
    int port = first(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.AUDIO);
    port = port >= 0 ? port : first(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.CV);
    if (port < 0) {
      return new Result(d, mode, null, null, null, false, "it has no audio or CV output");
    }
    int frames = (int) (SECONDS * RATE);
    float[] burst = mode == Mode.SIGNAL ? burst(frames) : null;
    AudioModule module = null;
    try {
      module = factory.create();
      ModuleHarness h = new ModuleHarness(module, d, RATE, BLOCK);
      if (events) {
        int id = h.noteOn(0, NOTE, VELOCITY);
        h.noteOff((long) (RELEASE_AT * RATE), NOTE, id);
      }
      if (mode == Mode.SIGNAL) {
        for (PortDescriptor p : d.ports()) {
          if (p.direction() == PortDescriptor.Direction.INPUT && p.type() == PortDescriptor.Type.AUDIO) {
            float[][] signal = new float[p.channels()][];
            Arrays.fill(signal, burst);
            h.input(p.id(), signal);
          }
        }
      }
      float[][] out = h.renderPort(port, frames);
      float[] mono = new float[frames];
      boolean nonFinite = false;
      for (float[] ch : out) {
        for (int i = 0; i < frames; i++) {
          if (Float.isFinite(ch[i])) {
            mono[i] += ch[i] / out.length;
          } else {
            nonFinite = true;
          }
        }
      }
      return new Result(d, mode, d.ports().get(port).id(), mono, burst, nonFinite, null);
    } catch (RuntimeException | LinkageError e) {
      return new Result(d, mode, d.ports().get(port).id(), null, burst, false, e.toString());
    } finally {
      if (module != null) {
        try {
          module.deactivate();
        } catch (RuntimeException ignored) {
          // The render is what the page reports; a failing deactivate changes nothing there.
        }
      }
    }
  }

  /** Whether the page shows a spectrum: instruments and what processes audio; not modulators. */
  static boolean hasSpectrum(Result r) {
    ModuleKind kind = r.descriptor().kind();
    return kind != ModuleKind.MODULATOR && (r.mode() != Mode.FREE || kind == ModuleKind.INSTRUMENT);
  }

  /** White noise for {@link #BURST_SECONDS} with raised-cosine fades, then silence. */
  static float[] burst(int frames) {
    float[] s = new float[frames];
    int n = (int) Math.min(frames, BURST_SECONDS * RATE);
    for (int i = 0; i < n; i++) {
      double edge = Math.min(i, n - i) / (FADE_SECONDS * RATE);
      double gain = edge >= 1 ? 1 : 0.5 - 0.5 * StrictMath.cos(Math.PI * edge);
      s[i] = (float) (noise(i) * gain);
    }
    return s;
  }

  /** White noise within ±0.5: SplitMix64 of the frame number, the same on every machine. */
  static float noise(long frame) {
    long z = frame * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    z ^= z >>> 31;
    return (float) ((z >>> 40) / (double) (1L << 24) - 0.5);
  }

  static int first(ModuleDescriptor d, PortDescriptor.Direction direction, PortDescriptor.Type type) {
    for (int i = 0; i < d.ports().size(); i++) {
      PortDescriptor p = d.ports().get(i);
      if (p.direction() == direction && p.type() == type) {
        return i;
      }
    }
    return -1;
  }
}

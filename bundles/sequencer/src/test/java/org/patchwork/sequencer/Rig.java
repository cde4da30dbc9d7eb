package org.patchwork.sequencer;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Session;
import org.patchwork.engine.Timeline;
import org.patchwork.engine.Track;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/** Renders compiled songs through the real engine, with a probe instrument that measures exactly. */
final class Rig {

  static final int RATE = 48_000;
  static final String PROBE = "test.probe";
  /** The equal-power centre pan of a track strip scales both sides by this. */
  static final float CENTRE = (float) Math.cos(Math.PI / 4);

  private Rig() {
  }

  /**
   * A test instrument whose output is its input, measurable to the frame. Mode 0 (gate): left is
   * {@code gain · Σ velocity} of the held notes, right the bend of the newest held note / 64.
   * Mode 1 (parameters): left is the per-frame {@code cutoff} / 10000, right {@code offset}.
   * No parameter is smoothed, so a change shows at its exact frame.
   */
  static final class Probe implements AudioModule {
    private final int[] ids = new int[64];
    private final float[] velocities = new float[64];
    private final double[] bends = new double[64];
    private int held;

    @Override public void activate(double sampleRate, int maxFrames) { }
    @Override public void deactivate() { }

    @Override
    public void reset() {
      held = 0;
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] left = ctx.output(1, 0);
      float[] right = ctx.output(1, 1);
      int frames = ctx.frames();
      if (ctx.parameter(3) >= 0.5) {
        for (int f = 0; f < frames; f++) {
          left[f] = value(ctx, 2, f) / 10_000f;
          right[f] = value(ctx, 1, f);
        }
        return ProcessStatus.CONTINUE;
      }
      int e = 0;
      for (int f = 0; f < frames; f++) {
        while (e < ctx.eventCount() && ctx.event(e).frame() <= f) {
          handle(ctx.event(e++));
        }
        float sum = 0;
        for (int i = 0; i < held; i++) {
          sum += velocities[i];
        }
        left[f] = value(ctx, 0, f) * sum;
        right[f] = held == 0 ? 0 : (float) (bends[held - 1] / 64);
      }
      while (e < ctx.eventCount()) {
        handle(ctx.event(e++));
      }
      return ProcessStatus.CONTINUE;
    }

    private static float value(ProcessContext ctx, int p, int f) {
      return ctx.isParameterConstant(p) ? (float) ctx.parameter(p) : ctx.parameterRamp(p)[f];
    }

    private void handle(Event ev) {
      switch (ev.type()) {
        case NOTE_ON -> {
          if (held < ids.length) {
            ids[held] = ev.noteId();
            velocities[held] = ev.velocity();
            bends[held++] = 0;
          }
        }
        case NOTE_OFF -> {
          for (int i = 0; i < held; i++) {
            if (ids[i] == ev.noteId()) {
              System.arraycopy(ids, i + 1, ids, i, held - i - 1);
              System.arraycopy(velocities, i + 1, velocities, i, held - i - 1);
              System.arraycopy(bends, i + 1, bends, i, held - i - 1);
              held--;
              break;
            }
          }
        }
        case NOTE_EXPRESSION -> {
          for (int i = 0; i < held; i++) {
            if (ids[i] == ev.noteId()) {
              bends[i] = ev.value();
            }
          }
        }
        case ALL_NOTES_OFF -> held = 0;
      }
    }
  }

  private static ParameterDescriptor raw(String id, double min, double max, double def) {
    return new ParameterDescriptor(id, id, min, max, def, "", Set.of(ParameterFlag.AUTOMATABLE), 0, List.of());
  }

  static ModuleRegistry registry() {
    ModuleDescriptor d = new ModuleDescriptor(PROBE, "Probe", "Patchwork tests", "1.0.0", ModuleKind.INSTRUMENT,
        Set.of("test"), List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 2)),
        List.of(raw("gain", 0, 1, 1), raw("offset", 0, 1, 0), raw("cutoff", 0, 10_000, 0),
            raw("mode", 0, 1, 0)), 0);
    return ModuleRegistry.of(new SineFactory(), new ModuleFactory() {
      @Override public ModuleDescriptor descriptor() { return d; }
      @Override public AudioModule create() { return new Probe(); }
    });
  }

  /** A project with one track "t" playing node "probe" (mode 0: gate; 1: parameters). */
  static Project probeProject(int mode) {
    Graph g = Graph.of(List.of(new Node("probe", PROBE, Map.of("mode", (double) mode))), List.of(),
        List.of(Track.of("t", "probe")));
    return new Project("probe", RATE, 120, g, List.of());
  }

  /**
   * A project with track "t" playing the example sine instrument, and a silent track "p" with a
   * probe (so songs that drive probe parameters play here too).
   */
  static Project sineProject() {
    Graph g = Graph.of(List.of(new Node("sine", "org.patchwork.examples.sine", Map.of("release", 1.0)),
        new Node("probe", PROBE)), List.of(), List.of(Track.of("t", "sine"), Track.of("p", "probe")));
    return new Project("sine", RATE, 120, g, List.of());
  }

  /** Renders {@code frames} frames of the timeline in blocks of {@code block}: {@code [2][frames]}. */
  static float[][] render(Project project, Timeline timeline, int block, int frames) {
    float[][] out = new float[2][frames];
    try (Session s = new Session(project, timeline, registry(), RATE, block, frames / (double) RATE, null, 1)) {
      int at = 0;
      int n;
      while ((n = s.next()) > 0) {
        int k = Math.min(n, frames - at);
        System.arraycopy(s.buffer()[0], 0, out[0], at, k);
        System.arraycopy(s.buffer()[1], 0, out[1], at, k);
        at += k;
      }
    }
    return out;
  }

  /** Compiles at 48 kHz and renders. */
  static float[][] render(Project project, Song song, int block, int frames) {
    return render(project, TrackerProjects.timeline(song, SongCompiler.compile(song, PlayOptions.at(RATE))), block,
        frames);
  }

  /** Frames where the signal changes value (from the previous frame; frame 0 counts if non-zero). */
  static List<Integer> edges(float[] x) {
    java.util.ArrayList<Integer> out = new java.util.ArrayList<>();
    float last = 0;
    for (int i = 0; i < x.length; i++) {
      if (x[i] != last) {
        out.add(i);
        last = x[i];
      }
    }
    return out;
  }

  /** SHA-256 of the rendered floats. */
  static String sha256(float[][] audio) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (float[] ch : audio) {
        for (float v : ch) {
          int b = Float.floatToRawIntBits(v);
          md.update(new byte[] {(byte) b, (byte) (b >> 8), (byte) (b >> 16), (byte) (b >> 24)});
        }
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

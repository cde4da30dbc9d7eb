package org.patchwork.ui.sampleeditor.internal;

import java.util.List;
import java.util.Map;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;

/** Generated test samples and projects. */
final class Signals {

  static final int RATE = 48_000;

  private Signals() {
  }

  /** {@code frames} of a sine of {@code hz} at {@code amplitude}. */
  static float[] sine(int frames, double hz, double amplitude) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    return x;
  }

  /** 0, 1, 2, ... scaled into ±1, so every frame says where it came from. */
  static float[] ramp(int frames) {
    float[] x = new float[frames];
    for (int i = 0; i < frames; i++) {
      x[i] = (float) i / frames;
    }
    return x;
  }

  /** A project with a sampler node "smp" (state {@code set}, or none) on track "keys", and a sine "osc". */
  static Project project(SampleSet set) {
    Node sampler = new Node("smp", SampleSetEdit.SAMPLER, Map.of("level", 0.7), set == null ? null : SampleSetFormat.encode(set));
    Node osc = new Node("osc", "org.patchwork.dsp.sine");
    return new Project("t", RATE, 120, Graph.of(List.of(sampler, osc), List.of(), List.of(Track.of("keys", "smp"))),
        List.of());
  }

  static SampleSet decoded(Project p, String node) {
    return SampleSetFormat.decode(p.graph().node(node).orElseThrow().state());
  }

  static Sample mono(float[] x) {
    return new Sample(RATE, x);
  }
}

package org.patchwork.ui.sampleeditor.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.Edits;

/**
 * The sample editor's edits: each reads the sampler node's state (a {@link SampleSetFormat}
 * sample set), changes the set and writes it back as the node's new state, on the workbench's
 * model thread. They describe the change, not its result, so the journal stays small for the
 * gesture and the edit applies to whatever the node holds when it arrives.
 */
sealed interface SampleSetEdit extends Edit {

  /** The module id of the Sampler, whose nodes hold sample sets. */
  String SAMPLER = "org.patchwork.dsp.sampler";

  /** The sampler node the edit changes. */
  String node();

  /**
   * The changed set.
   *
   * @param current the node's set, or null when it plays the sampler's built-in set
   */
  SampleSet change(SampleSet current);

  /** Whether the edit may replace a state that cannot be read (a new recording can). */
  default boolean replacesUnreadable() {
    return false;
  }

  @Override
  default Project apply(Project p) {
    Node n = p.graph().node(node()).orElseThrow(() -> new IllegalArgumentException("there is no module " + node()));
    if (!n.module().equals(SAMPLER)) {
      throw new IllegalArgumentException(node() + " is not a Sampler (" + n.module() + ")");
    }
    byte[] state = n.state();
    SampleSet current = null;
    if (state != null) {
      try {
        current = SampleSetFormat.decode(state);
      } catch (IllegalArgumentException e) {
        if (!replacesUnreadable()) {
          throw e;
        }
      }
    }
    SampleSet next = change(current);
    Node changed = new Node(n.id(), n.module(), n.params(), SampleSetFormat.encode(next));
    Graph g = p.graph();
    List<Node> nodes = new ArrayList<>();
    for (Node each : g.nodes()) {
      nodes.add(each.id().equals(changed.id()) ? changed : each);
    }
    return Edits.with(p, new Graph(nodes, g.connections(), g.tracks(), g.buses(), g.master()));
  }

  /** Scales frames {@code [from, to)} of a sample so that their peak is 0 dBFS. */
  record Normalize(String node, int sample, int from, int to) implements SampleSetEdit {
    @Override
    public String label() {
      return "Normalize " + node + " sample " + (sample + 1) + range(from, to);
    }

    @Override
    public SampleSet change(SampleSet current) {
      return SampleMath.normalize(edited(current, node), sample, from, to);
    }
  }

  /** Keeps only frames {@code [from, to)} of a sample; loops move with them. */
  record Trim(String node, int sample, int from, int to) implements SampleSetEdit {
    @Override
    public String label() {
      return "Trim " + node + " sample " + (sample + 1) + " to" + range(from, to);
    }

    @Override
    public SampleSet change(SampleSet current) {
      return SampleMath.trim(edited(current, node), sample, from, to);
    }
  }

  /** Sets a zone's loop mode and points ({@code 0, 0} for {@link Zone.Loop#OFF}). */
  record SetLoop(String node, int zone, Zone.Loop mode, int start, int end) implements SampleSetEdit {
    @Override
    public String label() {
      return mode == Zone.Loop.OFF ? "Loop off for " + node + " zone " + (zone + 1)
          : "Loop " + node + " zone " + (zone + 1) + " " + Keys.loopName(mode).toLowerCase(Locale.ROOT)
              + " over frames " + start + ".." + end;
    }

    @Override
    public SampleSet change(SampleSet current) {
      SampleSet set = edited(current, node);
      Zone z = zoneOf(set, zone);
      return withZone(set, zone, mode == Zone.Loop.OFF ? z.withLoop(mode, 0, 0) : z.withLoop(mode, start, end));
    }
  }

  /** Sets the key at which a zone plays its sample unchanged. */
  record SetRootKey(String node, int zone, int key) implements SampleSetEdit {
    @Override
    public String label() {
      return "Set root of " + node + " zone " + (zone + 1) + " to " + Keys.name(key);
    }

    @Override
    public SampleSet change(SampleSet current) {
      SampleSet set = edited(current, node);
      Zone z = zoneOf(set, zone);
      return withZone(set, zone, new Zone(z.sample(), z.keyLow(), z.keyHigh(), z.velocityLow(), z.velocityHigh(),
          key, z.fineTuneCents(), z.gainDb(), z.loop(), z.loopStart(), z.loopEnd()));
    }
  }

  /**
   * Puts a loaded recording into the node: in place of the sample the zone plays, or, on a
   * sampler still playing its built-in set, as a set of its own on every key rooted at C-4.
   */
  record LoadSample(String node, int zone, String name, Sample sample) implements SampleSetEdit {
    /** The root of a recording loaded into a sampler without a set of its own: C-4. */
    static final int DEFAULT_ROOT = 60;

    @Override
    public String label() {
      return "Load " + name + " into " + node;
    }

    @Override
    public boolean replacesUnreadable() {
      return true;
    }

    @Override
    public SampleSet change(SampleSet current) {
      if (current == null) {
        return SampleSet.of(sample, DEFAULT_ROOT);
      }
      return SampleMath.replaceSample(current, zoneOf(current, zone).sample(), sample);
    }
  }

  private static SampleSet edited(SampleSet current, String node) {
    if (current == null) {
      throw new IllegalArgumentException(node + " plays the built-in set: load a WAV file into it first");
    }
    return current;
  }

  private static Zone zoneOf(SampleSet set, int zone) {
    if (zone < 0 || zone >= set.zones().size()) {
      throw new IllegalArgumentException("there is no zone " + (zone + 1) + " (the set has " + set.zones().size() + ")");
    }
    return set.zones().get(zone);
  }

  private static SampleSet withZone(SampleSet set, int index, Zone z) {
    List<Zone> zones = new ArrayList<>(set.zones());
    zones.set(index, z);
    return new SampleSet(set.samples(), zones);
  }

  private static String range(int from, int to) {
    return " (frames " + from + ".." + to + ")";
  }
}

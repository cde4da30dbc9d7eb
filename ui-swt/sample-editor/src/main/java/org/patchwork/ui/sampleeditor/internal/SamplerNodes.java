package org.patchwork.ui.sampleeditor.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.SampleSetFormat;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;

/**
 * The project's Sampler nodes and their decoded sample sets. Decoding copies every frame, so a
 * set is decoded again only when its node's state bytes changed. Thread: one (the UI's).
 */
final class SamplerNodes {

  /** A node's set: {@code set} null with {@code problem} null means the built-in set. */
  record Loaded(SampleSet set, String problem) {
    static final Loaded BUILT_IN = new Loaded(null, null);
  }

  private record Cached(Node node, byte[] state, Loaded loaded) {
  }

  private final Map<String, Cached> cache = new HashMap<>();

  /** The ids of the sampler nodes, in graph order. */
  static List<String> samplers(Project p) {
    return p.graph().nodes().stream().filter(n -> n.module().equals(SampleSetEdit.SAMPLER)).map(Node::id).toList();
  }

  /** The set of node {@code id}, decoded when its state changed since the last call. */
  Loaded load(Project p, String id) {
    Node n = p.graph().node(id).orElse(null);
    if (n == null) {
      cache.remove(id);
      return new Loaded(null, "there is no module " + id);
    }
    Cached c = cache.get(id);
    if (c != null && c.node == n) {
      return c.loaded;
    }
    byte[] state = n.state();
    if (c != null && Arrays.equals(c.state, state)) {
      cache.put(id, new Cached(n, c.state, c.loaded));
      return c.loaded;
    }
    Loaded loaded;
    if (state == null) {
      loaded = Loaded.BUILT_IN;
    } else {
      try {
        loaded = new Loaded(SampleSetFormat.decode(state), null);
      } catch (IllegalArgumentException e) {
        loaded = new Loaded(null, e.getMessage());
      }
    }
    cache.put(id, new Cached(n, state, loaded));
    return loaded;
  }

  /** {@code base}, or {@code base2}, {@code base3}... whichever no node of {@code g} has. */
  static String freeId(Graph g, String base) {
    String id = base;
    for (int i = 2; g.node(id).isPresent(); i++) {
      id = base + i;
    }
    return id;
  }
}

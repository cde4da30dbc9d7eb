package org.patchwork.ui.shell.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Graph;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;

/**
 * What changed between two versions of a project, in the terms the engine can take live:
 * structure (modules, cables, chains: needs a new plan), mixer levels (a mix snapshot) and
 * parameter values (parameter messages).
 */
final class ProjectDiff {

  /** A parameter with its new value. */
  record Parameter(String node, String parameter, double value) {
  }

  private final Graph before;
  private final Graph after;

  ProjectDiff(Project before, Project after) {
    this.before = before.graph();
    this.after = after.graph();
  }

  /** Modules, their module ids or saved state, cables, chains or the send layout differ. */
  boolean structureChanged() {
    return !shape(before).equals(shape(after));
  }

  /** A fader, pan, mute, solo, send level, bus or master gain differs. */
  boolean mixChanged() {
    return !levels(before).equals(levels(after));
  }

  /** The parameters whose effective value differs (a removed value returns to its default). */
  List<Parameter> parameters(ModuleRegistry registry) {
    Map<String, Node> old = new HashMap<>();
    before.nodes().forEach(n -> old.put(n.id(), n));
    List<Parameter> out = new ArrayList<>();
    for (Node n : after.nodes()) {
      Node o = old.get(n.id());
      if (o == null || o.params().equals(n.params())) {
        continue;
      }
      for (Map.Entry<String, Double> e : n.params().entrySet()) {
        if (!Objects.equals(o.params().get(e.getKey()), e.getValue())) {
          out.add(new Parameter(n.id(), e.getKey(), e.getValue()));
        }
      }
      for (String removed : o.params().keySet()) {
        if (!n.params().containsKey(removed)) {
          registry.find(n.module()).map(f -> f.descriptor()).map(d -> defaultOf(d, removed))
              .ifPresent(v -> out.add(new Parameter(n.id(), removed, v)));
        }
      }
    }
    return out;
  }

  private static Double defaultOf(ModuleDescriptor d, String parameter) {
    for (ParameterDescriptor p : d.parameters()) {
      if (p.id().equals(parameter)) {
        return p.defaultValue();
      }
    }
    return null;
  }

  private static List<Object> shape(Graph g) {
    List<Object> s = new ArrayList<>();
    for (Node n : g.nodes()) {
      s.add(List.of(n.id(), n.module(), n.state() == null ? "" : java.util.Base64.getEncoder().encodeToString(n.state())));
    }
    s.add(g.connections());
    for (Track t : g.tracks()) {
      s.add(List.of(t.id(), t.chain(), t.sends().stream().map(Send::bus).toList()));
    }
    for (Bus b : g.buses()) {
      s.add(List.of(b.id(), b.chain()));
    }
    s.add(g.master().chain());
    return s;
  }

  private static List<Object> levels(Graph g) {
    List<Object> s = new ArrayList<>();
    for (Track t : g.tracks()) {
      s.add(List.of(t.gainDb(), t.pan(), t.mute(), t.solo(), t.sends()));
    }
    for (Bus b : g.buses()) {
      s.add(b.gainDb());
    }
    s.add(g.master().gainDb());
    return s;
  }
}

package org.patchwork.project.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.patchwork.project.AutomationLane;
import org.patchwork.project.Bus;
import org.patchwork.project.LockEntry;
import org.patchwork.project.Node;
import org.patchwork.project.Note;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;
import org.patchwork.project.Track;

/**
 * The rules a schema cannot say: ids are unique, every id refers to something that exists,
 * loops lie inside their sample. Module ids and ports are the engine's to check when it plays.
 */
final class References {

  private final String source;

  References(String source) {
    this.source = source;
  }

  void check(ProjectModel p) {
    Set<String> nodes = unique(p.nodes(), Node::id, "$.nodes", "id");
    Set<String> tracks = unique(p.tracks(), Track::id, "$.tracks", "id");
    Set<String> buses = unique(p.buses(), Bus::id, "$.buses", "id");
    unique(p.samples(), Sample::id, "$.samples", "id");
    unique(p.lockfile(), LockEntry::module, "$.lockfile", "module");
    unique(p.automation(), l -> l.node() + "." + l.parameter(), "$.automation", "parameter");
    for (int i = 0; i < p.tracks().size(); i++) {
      Track t = p.tracks().get(i);
      chain(t.chain(), nodes, "$.tracks[" + i + "].chain");
      for (int s = 0; s < t.sends().size(); s++) {
        String bus = t.sends().get(s).bus();
        if (!buses.contains(bus)) {
          throw error("$.tracks[" + i + "].sends[" + s + "].bus", "unknown bus '" + bus + "'");
        }
      }
    }
    for (int i = 0; i < p.buses().size(); i++) {
      chain(p.buses().get(i).chain(), nodes, "$.buses[" + i + "].chain");
    }
    if (p.master() != null) {
      chain(p.master().chain(), nodes, "$.master.chain");
    }
    if (p.song() != null && !p.notes().isEmpty()) {
      throw error("$.song", "a project has either notes or a song, not both");
    }
    for (int i = 0; i < p.notes().size(); i++) {
      Note n = p.notes().get(i);
      if (!tracks.contains(n.track())) {
        throw error("$.notes[" + i + "].track", "unknown track '" + n.track() + "'");
      }
    }
    for (int i = 0; i < p.automation().size(); i++) {
      AutomationLane l = p.automation().get(i);
      if (!nodes.contains(l.node())) {
        throw error("$.automation[" + i + "].node", "unknown node '" + l.node() + "'");
      }
    }
    for (int i = 0; i < p.samples().size(); i++) {
      Sample s = p.samples().get(i);
      if (s.loop() != null) {
        if (s.loop().end() <= s.loop().start()) {
          throw error("$.samples[" + i + "].loop.end", "must be after the loop's start (" + s.loop().start() + ")");
        }
        if (s.loop().end() > s.frames()) {
          throw error("$.samples[" + i + "].loop.end", "lies beyond the sample's " + s.frames() + " frames");
        }
      }
    }
  }

  private <T> Set<String> unique(List<T> items, Function<T, String> id, String path, String field) {
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String key = id.apply(items.get(i));
      Integer before = seen.putIfAbsent(key, i);
      if (before != null) {
        throw error(path + "[" + i + "]." + field, "'" + key + "' is already used by " + path + "[" + before + "]");
      }
    }
    return new HashSet<>(seen.keySet());
  }

  private void chain(List<String> chain, Set<String> nodes, String path) {
    for (int i = 0; i < chain.size(); i++) {
      if (!nodes.contains(chain.get(i))) {
        throw error(path + "[" + i + "]", "unknown node '" + chain.get(i) + "'");
      }
    }
  }

  private ProjectFormatException error(String path, String reason) {
    return new ProjectFormatException(source, path, reason);
  }
}

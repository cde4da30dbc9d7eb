package org.patchwork.ui.shell;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Master;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;

/**
 * The edits the built-in panels make: mixer levels, module parameters, modules and cables,
 * tempo. Each is an immutable record; {@link Edit#apply} builds a new project and leaves the
 * given one untouched. Rules the engine checks anyway (ranges, port types, cycles) are left to
 * the workbench, which validates every result like a loaded file.
 */
@ProviderType
public final class Edits {

  private Edits() {
  }

  /** Moves a track's fader. */
  public record SetTrackGain(String track, double gainDb) implements Edit {
    @Override
    public String label() {
      return "Set " + track + " gain to " + Levels.format(gainDb);
    }

    @Override
    public Project apply(Project p) {
      return withTrack(p, track, t -> t.withGain(gainDb));
    }

    @Override
    public String mergeKey() {
      return "gain:" + track;
    }
  }

  /** Moves a track's pan. */
  public record SetTrackPan(String track, double pan) implements Edit {
    @Override
    public String label() {
      return "Set " + track + " pan to " + String.format(Locale.ROOT, "%+.2f", pan);
    }

    @Override
    public Project apply(Project p) {
      return withTrack(p, track, t -> t.withPan(pan));
    }

    @Override
    public String mergeKey() {
      return "pan:" + track;
    }
  }

  /** Mutes or unmutes a track. */
  public record SetTrackMute(String track, boolean mute) implements Edit {
    @Override
    public String label() {
      return (mute ? "Mute " : "Unmute ") + track;
    }

    @Override
    public Project apply(Project p) {
      return withTrack(p, track, t -> t.withMute(mute));
    }
  }

  /** Solos or unsolos a track. */
  public record SetTrackSolo(String track, boolean solo) implements Edit {
    @Override
    public String label() {
      return (solo ? "Solo " : "Unsolo ") + track;
    }

    @Override
    public Project apply(Project p) {
      return withTrack(p, track, t -> t.withSolo(solo));
    }
  }

  /** Sets the level of a track's existing send to a bus. */
  public record SetSendLevel(String track, String bus, double levelDb) implements Edit {
    @Override
    public String label() {
      return "Set " + track + " send to " + bus + " to " + Levels.format(levelDb);
    }

    @Override
    public Project apply(Project p) {
      return withTrack(p, track, t -> {
        List<Send> sends = new ArrayList<>();
        boolean found = false;
        for (Send s : t.sends()) {
          found |= s.bus().equals(bus);
          sends.add(s.bus().equals(bus) ? new Send(bus, levelDb) : s);
        }
        if (!found) {
          throw new IllegalArgumentException("track " + track + " has no send to bus " + bus);
        }
        return t.withSends(sends.toArray(Send[]::new));
      });
    }

    @Override
    public String mergeKey() {
      return "send:" + track + ":" + bus;
    }
  }

  /** Sets the master gain. */
  public record SetMasterGain(double gainDb) implements Edit {
    @Override
    public String label() {
      return "Set master gain to " + Levels.format(gainDb);
    }

    @Override
    public Project apply(Project p) {
      Graph g = p.graph();
      return with(p, new Graph(g.nodes(), g.connections(), g.tracks(), g.buses(), new Master(g.master().chain(), gainDb)));
    }

    @Override
    public String mergeKey() {
      return "gain:master";
    }
  }

  /** Sets one parameter of a module instance. */
  public record SetParameter(String node, String parameter, double value) implements Edit {
    @Override
    public String label() {
      return "Set " + node + "." + parameter + " to " + String.format(Locale.ROOT, "%.4g", value);
    }

    @Override
    public Project apply(Project p) {
      Node n = existing(p, node);
      Map<String, Double> params = new LinkedHashMap<>(n.params());
      params.put(parameter, value);
      return withNode(p, new Node(n.id(), n.module(), params, n.state()));
    }

    @Override
    public String mergeKey() {
      return "param:" + node + "." + parameter;
    }
  }

  /** Adds a module instance with default parameters, not yet cabled. */
  public record AddNode(String node, String module) implements Edit {
    @Override
    public String label() {
      return "Add " + node + " (" + module + ")";
    }

    @Override
    public Project apply(Project p) {
      if (p.graph().node(node).isPresent()) {
        throw new IllegalArgumentException("there already is a module called " + node);
      }
      Graph g = p.graph();
      List<Node> nodes = new ArrayList<>(g.nodes());
      nodes.add(new Node(node, module));
      return with(p, new Graph(nodes, g.connections(), g.tracks(), g.buses(), g.master()));
    }
  }

  /**
   * Removes a module instance with its cables, and from the chain it is in. The instrument that
   * is a track's only module cannot be removed (the track would have nothing to play).
   */
  public record RemoveNode(String node) implements Edit {
    @Override
    public String label() {
      return "Remove " + node;
    }

    @Override
    public Project apply(Project p) {
      existing(p, node);
      Graph g = p.graph();
      List<Node> nodes = new ArrayList<>(g.nodes());
      nodes.removeIf(n -> n.id().equals(node));
      List<Connection> cables = new ArrayList<>(g.connections());
      cables.removeIf(c -> nodeOf(c.from()).equals(node) || nodeOf(c.to()).equals(node));
      List<Track> tracks = new ArrayList<>();
      for (Track t : g.tracks()) {
        List<String> chain = without(t.chain(), node);
        if (chain.isEmpty()) {
          throw new IllegalArgumentException("cannot remove " + node + ": it is the only module of track " + t.id());
        }
        tracks.add(new Track(t.id(), chain, t.gainDb(), t.pan(), t.mute(), t.solo(), t.sends()));
      }
      List<Bus> buses = new ArrayList<>();
      for (Bus b : g.buses()) {
        buses.add(new Bus(b.id(), without(b.chain(), node), b.gainDb()));
      }
      Master master = new Master(without(g.master().chain(), node), g.master().gainDb());
      return with(p, new Graph(nodes, cables, tracks, buses, master));
    }
  }

  /** Adds a cable from an output {@code node.port} to an input {@code node.port} or the master. */
  public record Connect(String from, String to) implements Edit {
    @Override
    public String label() {
      return "Connect " + from + " to " + to;
    }

    @Override
    public Project apply(Project p) {
      Graph g = p.graph();
      for (Connection c : g.connections()) {
        if (c.from().equals(from) && c.to().equals(to)) {
          throw new IllegalArgumentException(from + " is already connected to " + to);
        }
      }
      List<Connection> cables = new ArrayList<>(g.connections());
      cables.add(new Connection(from, to));
      return with(p, new Graph(g.nodes(), cables, g.tracks(), g.buses(), g.master()));
    }
  }

  /** Removes the cable from {@code from} to {@code to}. */
  public record Disconnect(String from, String to) implements Edit {
    @Override
    public String label() {
      return "Disconnect " + from + " from " + to;
    }

    @Override
    public Project apply(Project p) {
      Graph g = p.graph();
      List<Connection> cables = new ArrayList<>(g.connections());
      if (!cables.removeIf(c -> c.from().equals(from) && c.to().equals(to))) {
        throw new IllegalArgumentException("there is no cable from " + from + " to " + to);
      }
      return with(p, new Graph(g.nodes(), cables, g.tracks(), g.buses(), g.master()));
    }
  }

  /** Sets the song tempo (takes effect the next time playback starts). */
  public record SetTempo(double bpm) implements Edit {
    @Override
    public String label() {
      return "Set tempo to " + String.format(Locale.ROOT, "%.2f", bpm) + " bpm";
    }

    @Override
    public Project apply(Project p) {
      if (!(bpm >= 1 && bpm <= 999)) {
        throw new IllegalArgumentException("tempo must be within 1..999 bpm: " + bpm);
      }
      return new Project(p.name(), p.sampleRate(), bpm, p.graph(), p.notes(), p.song());
    }

    @Override
    public String mergeKey() {
      return "tempo";
    }
  }

  /** The node id of a {@code node.port} reference ("master" for the master bus). */
  public static String nodeOf(String ref) {
    int dot = ref.indexOf('.');
    return dot < 0 ? ref : ref.substring(0, dot);
  }

  /** {@code project} with another graph; name, tempo, notes and song kept. */
  public static Project with(Project project, Graph graph) {
    return new Project(project.name(), project.sampleRate(), project.tempo(), graph, project.notes(), project.song());
  }

  private static Project withTrack(Project p, String id, UnaryOperator<Track> change) {
    Graph g = p.graph();
    List<Track> tracks = new ArrayList<>();
    boolean found = false;
    for (Track t : g.tracks()) {
      if (t.id().equals(id)) {
        found = true;
        tracks.add(Objects.requireNonNull(change.apply(t)));
      } else {
        tracks.add(t);
      }
    }
    if (!found) {
      throw new IllegalArgumentException("there is no track " + id);
    }
    return with(p, new Graph(g.nodes(), g.connections(), tracks, g.buses(), g.master()));
  }

  private static Node existing(Project p, String id) {
    return p.graph().node(id).orElseThrow(() -> new IllegalArgumentException("there is no module " + id));
  }

  private static Project withNode(Project p, Node replacement) {
    Graph g = p.graph();
    List<Node> nodes = new ArrayList<>();
    for (Node n : g.nodes()) {
      nodes.add(n.id().equals(replacement.id()) ? replacement : n);
    }
    return with(p, new Graph(nodes, g.connections(), g.tracks(), g.buses(), g.master()));
  }

  private static List<String> without(List<String> chain, String node) {
    List<String> out = new ArrayList<>(chain);
    out.remove(node);
    return out;
  }
}

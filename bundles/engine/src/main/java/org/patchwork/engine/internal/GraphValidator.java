package org.patchwork.engine.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.GraphException;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Node;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;
import org.patchwork.engine.internal.Wiring.Edge;
import org.patchwork.engine.internal.Wiring.Kind;
import org.patchwork.engine.internal.Wiring.Vertex;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * Checks every rule of a {@link Graph} and flattens it into a {@link Wiring}. The first broken
 * rule throws a {@link GraphException} whose path follows the project JSON layout, so the
 * project loader and the plan compiler share one set of rules and messages.
 */
public final class GraphValidator {

  /** Largest gain or send level, in dB. */
  public static final double MAX_DB = 24;
  /** Gain or send level that means silence, in dB. */
  public static final double MIN_DB = -144;
  /** Longest feedback delay, in frames (about six minutes at 48 kHz). */
  public static final int MAX_FEEDBACK = 1 << 24;

  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

  private final Graph graph;
  private final ModuleRegistry registry;
  private final Map<String, Integer> nodeIndex = new HashMap<>();
  private final Map<String, String> chainOwner = new HashMap<>();
  private final List<Vertex> vertices = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();
  private ModuleDescriptor[] descriptors;

  private GraphValidator(Graph graph, ModuleRegistry registry) {
    this.graph = graph;
    this.registry = registry;
  }

  /** Checks {@code graph} against the modules in {@code registry} and flattens it. */
  public static Wiring wire(Graph graph, ModuleRegistry registry) {
    return new GraphValidator(graph, registry).run();
  }

  private Wiring run() {
    List<Node> nodes = graph.nodes();
    descriptors = new ModuleDescriptor[nodes.size()];
    ModuleFactory[] factories = new ModuleFactory[nodes.size()];
    for (int i = 0; i < nodes.size(); i++) {
      factories[i] = node(nodes.get(i), "$.nodes[" + i + "]", i);
      descriptors[i] = factories[i].descriptor();
      ModuleDescriptor d = descriptors[i];
      vertices.add(new Vertex(Kind.MODULE, i, nodes.get(i).id(), channels(d, PortDescriptor.Direction.INPUT),
          channels(d, PortDescriptor.Direction.OUTPUT), d.latencySamples(), -1));
    }
    List<Track> tracks = graph.tracks();
    List<Bus> buses = graph.buses();
    Map<String, Integer> busIndex = new HashMap<>();
    for (int b = 0; b < buses.size(); b++) {
      String path = "$.buses[" + b + "]";
      Bus bus = buses.get(b);
      unique(busIndex, bus.id(), b, path + ".id", "bus");
      level(bus.gainDb(), path + ".gainDb", "gain");
    }
    int slot = 2 * tracks.size();
    int[] sendSlot = new int[tracks.stream().mapToInt(t -> t.sends().size()).sum()];
    int[] trackVertex = new int[tracks.size()];
    int[] trackInstrument = new int[tracks.size()];
    Map<String, Integer> trackIndex = new HashMap<>();
    int sends = 0;
    for (int t = 0; t < tracks.size(); t++) {
      String path = "$.tracks[" + t + "]";
      Track track = tracks.get(t);
      unique(trackIndex, track.id(), t, path + ".id", "track");
      level(track.gainDb(), path + ".gainDb", "gain");
      if (!(track.pan() >= -1 && track.pan() <= 1)) {
        throw new GraphException(path + ".pan", "track '" + track.id() + "': pan must be within -1..1: " + track.pan());
      }
      if (track.chain().isEmpty()) {
        throw new GraphException(path + ".chain", "track '" + track.id() + "' needs at least an instrument in its chain");
      }
      for (int k = 0; k < track.sends().size(); k++) {
        Send send = track.sends().get(k);
        String sp = path + ".sends[" + k + "]";
        if (!busIndex.containsKey(send.bus())) {
          throw new GraphException(sp + ".bus", "track '" + track.id() + "' sends to unknown bus '" + send.bus() + "'");
        }
        level(send.levelDb(), sp + ".levelDb", "send level");
        sendSlot[sends++] = slot++;
      }
    }
    for (int t = 0; t < tracks.size(); t++) {
      Track track = tracks.get(t);
      trackVertex[t] = addMix(Kind.TRACK, t, "track '" + track.id() + "'", 0, t * 2);
      int[] chain = chain(track.chain(), "$.tracks[" + t + "].chain", true);
      trackInstrument[t] = chain[0];
      link(chain, -1, trackVertex[t], "$.tracks[" + t + "].chain");
    }
    int[] busIn = new int[buses.size()];
    int[] busOut = new int[buses.size()];
    for (int b = 0; b < buses.size(); b++) {
      busIn[b] = addMix(Kind.BUS_IN, b, "bus '" + buses.get(b).id() + "'", 0, -1);
      busOut[b] = addMix(Kind.BUS_OUT, b, "bus '" + buses.get(b).id() + "' return", 0, slot);
      slot += 2;
      int[] chain = chain(buses.get(b).chain(), "$.buses[" + b + "].chain", false);
      link(chain, busIn[b], busOut[b], "$.buses[" + b + "].chain");
    }
    level(graph.master().gainDb(), "$.master.gainDb", "gain");
    int masterIn = addMix(Kind.MASTER_IN, 0, "master", 0, -1);
    int masterOut = addMix(Kind.MASTER_OUT, 0, "master output", 0, slot);
    slot += 2;
    link(chain(graph.master().chain(), "$.master.chain", false), masterIn, masterOut, "$.master.chain");
    sends = 0;
    for (int t = 0; t < tracks.size(); t++) {
      String path = "$.tracks[" + t + "]";
      edges.add(new Edge(trackVertex[t], 0, masterIn, 0, new int[] {0, 1}, -1, 0, path));
      for (int k = 0; k < tracks.get(t).sends().size(); k++) {
        int b = busIndex.get(tracks.get(t).sends().get(k).bus());
        edges.add(new Edge(trackVertex[t], 0, busIn[b], 0, new int[] {0, 1}, sendSlot[sends++], 0,
            path + ".sends[" + k + "]"));
      }
    }
    for (int b = 0; b < buses.size(); b++) {
      edges.add(new Edge(busOut[b], 0, masterIn, 0, new int[] {0, 1}, -1, 0, "$.buses[" + b + "]"));
    }
    for (int c = 0; c < graph.connections().size(); c++) {
      connection(graph.connections().get(c), "$.connections[" + c + "]", masterIn);
    }
    int[] order = Topology.sort(vertices, edges);
    return new Wiring(graph, descriptors, factories, List.copyOf(vertices), List.copyOf(edges), order,
        trackVertex, trackInstrument, busIn, busOut, masterIn, masterOut, slot, sendSlot);
  }

  private ModuleFactory node(Node node, String path, int index) {
    if (!NODE_ID.matcher(node.id()).matches() || node.id().equals(Connection.MASTER)) {
      throw new GraphException(path + ".id", "node id must be letters, digits, _ and - (and not 'master'): '" + node.id() + "'");
    }
    unique(nodeIndex, node.id(), index, path + ".id", "node");
    ModuleFactory factory = registry.find(node.module()).orElseThrow(() -> new GraphException(
        path + ".module", "unknown module id: " + node.module() + " (node '" + node.id() + "')"));
    ModuleDescriptor d = factory.descriptor();
    for (Map.Entry<String, Double> e : node.params().entrySet()) {
      String pp = path + ".params." + e.getKey();
      int p = d.parameterIndex(e.getKey());
      if (p < 0) {
        throw new GraphException(pp, "unknown parameter: node '" + node.id() + "' (" + d.id()
            + ") has no parameter '" + e.getKey() + "'");
      }
      ParameterDescriptor pd = d.parameters().get(p);
      double v = e.getValue() == null ? Double.NaN : e.getValue();
      if (!(v >= pd.min() && v <= pd.max())) {
        throw new GraphException(pp, "node '" + node.id() + "': parameter '" + pd.id() + "' = " + v
            + " is outside [" + pd.min() + ", " + pd.max() + "]");
      }
      if (pd.has(ParameterFlag.STEPPED) && v != Math.rint(v)) {
        throw new GraphException(pp, "node '" + node.id() + "': parameter '" + pd.id()
            + "' is stepped and needs a whole number: " + v);
      }
    }
    return factory;
  }

  private int[] chain(List<String> ids, String path, boolean instrument) {
    int[] chain = new int[ids.size()];
    for (int j = 0; j < ids.size(); j++) {
      String jp = path + "[" + j + "]";
      Integer n = nodeIndex.get(ids.get(j));
      if (n == null) {
        throw new GraphException(jp, "unknown node '" + ids.get(j) + "'");
      }
      String before = chainOwner.putIfAbsent(ids.get(j), path);
      if (before != null) {
        throw new GraphException(jp, "node '" + ids.get(j) + "' is already in " + before);
      }
      ModuleDescriptor d = descriptors[n];
      if (j == 0 && instrument && firstPort(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.EVENTS) < 0) {
        throw new GraphException(jp, "node '" + ids.get(j) + "' (" + d.id()
            + ") has no events input, so it cannot be a track's instrument");
      }
      if ((j > 0 || !instrument) && firstPort(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.AUDIO) < 0) {
        throw new GraphException(jp, "node '" + ids.get(j) + "' (" + d.id() + ") has no audio input");
      }
      // A note-driven node without audio (an envelope, a note-to-CV module) may be a track's
      // only node: the track plays its notes into it and is silent; its CV goes out by cables.
      boolean silentInstrument = instrument && ids.size() == 1;
      if (!silentInstrument && firstPort(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.AUDIO) < 0) {
        throw new GraphException(jp, "node '" + ids.get(j) + "' (" + d.id() + ") has no audio output");
      }
      chain[j] = n;
    }
    return chain;
  }

  /** Wires {@code from} (a mix vertex or -1) through the chain's nodes into {@code to}. */
  private void link(int[] chain, int from, int to, String path) {
    int previous = from;
    int previousPort = 0;
    for (int j = 0; j < chain.length; j++) {
      ModuleDescriptor d = descriptors[chain[j]];
      if (previous >= 0) {
        int in = firstPort(d, PortDescriptor.Direction.INPUT, PortDescriptor.Type.AUDIO);
        edges.add(new Edge(previous, previousPort, chain[j], in,
            defaultMap(outChannels(previous, previousPort), vertices.get(chain[j]).ins()[in]), -1, 0,
            path + "[" + j + "]"));
      }
      previous = chain[j];
      previousPort = firstPort(d, PortDescriptor.Direction.OUTPUT, PortDescriptor.Type.AUDIO);
    }
    if (previous >= 0 && previousPort >= 0) {
      edges.add(new Edge(previous, previousPort, to, 0, defaultMap(outChannels(previous, previousPort), 2),
          -1, 0, path));
    }
  }

  private void connection(Connection c, String path, int masterIn) {
    int[] from = endpoint(c.from(), path + ".from", PortDescriptor.Direction.OUTPUT);
    int[] to = c.to().equals(Connection.MASTER)
        ? new int[] {masterIn, 0}
        : endpoint(c.to(), path + ".to", PortDescriptor.Direction.INPUT);
    int sourceChannels = outChannels(from[0], from[1]);
    int destChannels = vertices.get(to[0]).ins()[to[1]];
    int[] map = defaultMap(sourceChannels, destChannels);
    if (!c.channels().isEmpty()) {
      if (c.channels().size() > destChannels) {
        throw new GraphException(path + ".channels", "channels lists " + c.channels().size()
            + " entries but '" + c.to() + "' has " + destChannels + " channel(s)");
      }
      java.util.Arrays.fill(map, -1);
      for (int i = 0; i < c.channels().size(); i++) {
        Integer ch = c.channels().get(i);
        if (ch == null || ch < -1 || ch >= sourceChannels) {
          throw new GraphException(path + ".channels[" + i + "]", "channel " + ch + " does not exist on '"
              + c.from() + "' (" + sourceChannels + " channel(s))");
        }
        map[i] = ch;
      }
    }
    if (c.feedbackDelay() < 0 || c.feedbackDelay() > MAX_FEEDBACK) {
      throw new GraphException(path + ".feedbackDelay", "feedbackDelay must be within 0.." + MAX_FEEDBACK
          + " frames: " + c.feedbackDelay());
    }
    if (c.isFeedback() && to[0] == masterIn) {
      throw new GraphException(path + ".to", "a feedback edge must end at a node input, not at the master");
    }
    edges.add(new Edge(from[0], from[1], to[0], to[1], map, -1, c.feedbackDelay(), path));
  }

  /** Resolves {@code node.port} to {vertex, port}, checking the port's direction and type. */
  private int[] endpoint(String ref, String path, PortDescriptor.Direction direction) {
    int dot = ref.indexOf('.');
    if (dot <= 0 || dot == ref.length() - 1) {
      throw new GraphException(path, "expected node.port" + (direction == PortDescriptor.Direction.INPUT
          ? " or 'master'" : "") + ": '" + ref + "'");
    }
    String nodeId = ref.substring(0, dot);
    String portId = ref.substring(dot + 1);
    Integer n = nodeIndex.get(nodeId);
    if (n == null) {
      throw new GraphException(path, "unknown node '" + nodeId + "'");
    }
    ModuleDescriptor d = descriptors[n];
    int port = d.portIndex(portId);
    if (port < 0) {
      throw new GraphException(path, "unknown port: node '" + nodeId + "' (" + d.id() + ") has no port '" + portId + "'");
    }
    PortDescriptor p = d.ports().get(port);
    if (p.direction() != direction || p.type() == PortDescriptor.Type.EVENTS) {
      throw new GraphException(path, "port '" + ref + "' is not an audio or CV "
          + direction.name().toLowerCase(java.util.Locale.ROOT));
    }
    return new int[] {n, port};
  }

  private int addMix(Kind kind, int index, String name, int latency, int gainSlot) {
    vertices.add(new Vertex(kind, index, name, new int[] {2}, new int[] {2}, latency, gainSlot));
    return vertices.size() - 1;
  }

  private int outChannels(int vertex, int port) {
    return vertices.get(vertex).outs()[port];
  }

  private static void unique(Map<String, Integer> seen, String id, int index, String path, String what) {
    if (seen.putIfAbsent(id, index) != null) {
      throw new GraphException(path, "duplicate " + what + " id '" + id + "'");
    }
  }

  private static void level(double db, String path, String what) {
    if (!(db >= MIN_DB && db <= MAX_DB)) {
      throw new GraphException(path, what + " must be within " + (int) MIN_DB + ".." + (int) MAX_DB + " dB: " + db);
    }
  }

  static int[] defaultMap(int sourceChannels, int destChannels) {
    int[] map = new int[destChannels];
    for (int i = 0; i < destChannels; i++) {
      map[i] = sourceChannels == 0 ? -1 : i % sourceChannels;
    }
    return map;
  }

  static int firstPort(ModuleDescriptor d, PortDescriptor.Direction direction, PortDescriptor.Type type) {
    for (int p = 0; p < d.ports().size(); p++) {
      PortDescriptor port = d.ports().get(p);
      if (port.direction() == direction && port.type() == type) {
        return p;
      }
    }
    return -1;
  }

  private static int[] channels(ModuleDescriptor d, PortDescriptor.Direction direction) {
    int[] channels = new int[d.ports().size()];
    for (int p = 0; p < channels.length; p++) {
      PortDescriptor port = d.ports().get(p);
      channels[p] = port.direction() == direction ? port.channels() : 0;
    }
    return channels;
  }
}

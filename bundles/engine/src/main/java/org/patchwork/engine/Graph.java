package org.patchwork.engine;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Everything that makes sound in a project, as immutable data: module instances, cables,
 * tracks, send buses and the master bus. {@link Plan#compile} checks it and turns it into
 * something the audio thread can run.
 *
 * <pre>{@code
 * Graph g = new Graph(
 *     List.of(new Node("lead", "org.patchwork.examples.sine", Map.of("gain", 0.3))),
 *     List.of(), List.of(Track.of("lead", "lead")), List.of(), Master.DEFAULT);
 * }</pre>
 *
 * @param nodes module instances; a node's index in this list is its node index in
 *     {@link org.patchwork.bus.EngineRing#parameter} messages
 * @param connections cables, including explicit feedback edges
 * @param tracks mixer tracks; a track's index here is its index in note messages
 * @param buses send buses
 * @param master the master bus
 */
@ProviderType
public record Graph(List<Node> nodes, List<Connection> connections, List<Track> tracks,
    List<Bus> buses, Master master) {

  /** Copies its arguments; missing lists are empty and a missing master is the default. */
  public Graph {
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    connections = connections == null ? List.of() : List.copyOf(connections);
    tracks = tracks == null ? List.of() : List.copyOf(tracks);
    buses = buses == null ? List.of() : List.copyOf(buses);
    master = master == null ? Master.DEFAULT : master;
  }

  /** A graph of nodes, cables and tracks, without send buses and with the default master. */
  public static Graph of(List<Node> nodes, List<Connection> connections, List<Track> tracks) {
    return new Graph(nodes, connections, tracks, List.of(), Master.DEFAULT);
  }

  /** The node with this id. */
  public Optional<Node> node(String id) {
    return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
  }
}

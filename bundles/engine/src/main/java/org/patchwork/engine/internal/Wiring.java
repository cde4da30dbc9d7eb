package org.patchwork.engine.internal;

import java.util.List;
import org.patchwork.engine.Graph;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;

/**
 * A checked graph flattened into vertices and edges: module nodes plus the mixer's own points
 * (track strips, bus inputs and returns, master input and output), so one topological sort,
 * one latency pass and one buffer allocator cover the whole signal path.
 */
public final class Wiring {

  /** What a vertex is. */
  public enum Kind { MODULE, TRACK, BUS_IN, BUS_OUT, MASTER_IN, MASTER_OUT }

  /**
   * One processing point.
   *
   * @param index node index for modules, track or bus index for strips, 0 for the master
   * @param ins channels per input port (0 for event ports and outputs)
   * @param outs channels per output port (0 for event ports and inputs)
   * @param gainSlot first of two (left, right) gain slots of a strip; -1 for unity
   */
  public record Vertex(Kind kind, int index, String name, int[] ins, int[] outs, int latency, int gainSlot) {
  }

  /**
   * One cable between vertices.
   *
   * @param map for each destination channel the source channel, or -1 for none
   * @param gainSlot the mix gain slot scaling it (a send level), or -1
   * @param feedbackDelay 0, or the frames an explicit feedback edge delays
   * @param path where it comes from in the project, for messages
   */
  public record Edge(int from, int fromPort, int to, int toPort, int[] map, int gainSlot,
      int feedbackDelay, String path) {
  }

  final Graph graph;
  final ModuleDescriptor[] descriptors;
  final ModuleFactory[] factories;
  final List<Vertex> vertices;
  final List<Edge> edges;
  final int[] order;
  final int[] trackVertex;
  final int[] trackInstrument;
  final int[] busIn;
  final int[] busOut;
  final int masterIn;
  final int masterOut;
  final int gainSlots;
  final int[] sendSlot;

  Wiring(Graph graph, ModuleDescriptor[] descriptors, ModuleFactory[] factories,
      List<Vertex> vertices, List<Edge> edges, int[] order, int[] trackVertex, int[] trackInstrument,
      int[] busIn, int[] busOut, int masterIn, int masterOut, int gainSlots, int[] sendSlot) {
    this.graph = graph;
    this.descriptors = descriptors;
    this.factories = factories;
    this.vertices = vertices;
    this.edges = edges;
    this.order = order;
    this.trackVertex = trackVertex;
    this.trackInstrument = trackInstrument;
    this.busIn = busIn;
    this.busOut = busOut;
    this.masterIn = masterIn;
    this.masterOut = masterOut;
    this.gainSlots = gainSlots;
    this.sendSlot = sendSlot;
  }

  /** The graph this wiring was made from. */
  public Graph graph() {
    return graph;
  }

  /** Descriptor of each node, by node index. */
  public ModuleDescriptor descriptor(int node) {
    return descriptors[node];
  }
}

package org.patchwork.engine.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;
import org.patchwork.engine.GraphException;
import org.patchwork.engine.internal.Wiring.Edge;
import org.patchwork.engine.internal.Wiring.Vertex;

/**
 * Orders vertices so every vertex runs after its sources (Kahn's algorithm; feedback edges do
 * not count, they read last block's signal). Among ready vertices the lowest index goes first,
 * so the order, and with it every rendered byte, depends only on the graph.
 */
final class Topology {

  private Topology() {
  }

  /**
   * The processing order.
   *
   * @throws GraphException "cycle without a feedback edge: osc -> filter -> osc"
   */
  static int[] sort(List<Vertex> vertices, List<Edge> edges) {
    int n = vertices.size();
    int[] indegree = new int[n];
    List<List<Edge>> out = new ArrayList<>();
    for (int v = 0; v < n; v++) {
      out.add(new ArrayList<>());
    }
    for (Edge e : edges) {
      if (e.feedbackDelay() == 0) {
        indegree[e.to()]++;
        out.get(e.from()).add(e);
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int v = 0; v < n; v++) {
      if (indegree[v] == 0) {
        ready.add(v);
      }
    }
    int[] order = new int[n];
    int done = 0;
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order[done++] = v;
      for (Edge e : out.get(v)) {
        if (--indegree[e.to()] == 0) {
          ready.add(e.to());
        }
      }
    }
    if (done < n) {
      throw cycle(vertices, edges, indegree);
    }
    return order;
  }

  /**
   * Names one loop among the vertices Kahn could not place. Each of them still has a source
   * among them, so walking backwards from any of them must come round to a vertex seen before.
   */
  private static GraphException cycle(List<Vertex> vertices, List<Edge> edges, int[] indegree) {
    int start = 0;
    while (indegree[start] == 0) {
      start++;
    }
    int[] seenAt = new int[vertices.size()];
    java.util.Arrays.fill(seenAt, -1);
    List<Integer> walk = new ArrayList<>();
    List<Edge> via = new ArrayList<>();
    int v = start;
    while (seenAt[v] < 0) {
      seenAt[v] = walk.size();
      walk.add(v);
      Edge in = null;
      for (Edge e : edges) {
        if (e.feedbackDelay() == 0 && e.to() == v && indegree[e.from()] > 0) {
          in = e;
          break;
        }
      }
      via.add(in);
      v = in.from();
    }
    // walk[seenAt[v]..] is the loop, backwards; turn it round and start at its lowest vertex.
    // The path points at the loop's first cable in the project, if a cable (not a chain) closes it.
    Deque<Integer> loop = new ArrayDeque<>();
    int firstCable = Integer.MAX_VALUE;
    for (int i = seenAt[v]; i < walk.size(); i++) {
      loop.addFirst(walk.get(i));
      Edge e = via.get(i);
      if (e.path().startsWith("$.connections")) {
        firstCable = Math.min(firstCable, edges.indexOf(e));
      }
    }
    String path = firstCable == Integer.MAX_VALUE ? null : edges.get(firstCable).path();
    List<Integer> cycle = new ArrayList<>(loop);
    int lowest = cycle.indexOf(cycle.stream().min(Integer::compare).orElseThrow());
    StringBuilder names = new StringBuilder();
    for (int i = 0; i <= cycle.size(); i++) {
      if (i > 0) {
        names.append(" -> ");
      }
      names.append(vertices.get(cycle.get((lowest + i) % cycle.size())).name());
    }
    return new GraphException(path == null ? "$.connections" : path,
        "cycle without a feedback edge: " + names);
  }
}

package org.patchwork.ui.patch.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.PortDescriptor;

/**
 * Where things are on the patch canvas: a box per module with its inputs on the left edge and
 * its outputs on the right, and a master box at the far right. Boxes are laid out in columns by
 * signal flow (a module one column right of what feeds it); positions the user dragged to are
 * kept (in text-line units, so they survive a change of font size). All sizes derive from
 * {@code em}, the height of a line of text.
 */
final class PatchGeometry {

  /** The pseudo-node for the master bus. */
  static final String MASTER = Connection.MASTER;

  /** A port under the pointer. */
  record PortHit(String node, String port, PortDescriptor.Type type, boolean output) {
    String ref() {
      return node.equals(MASTER) ? MASTER : node + "." + port;
    }
  }

  /** One module's box. */
  record Box(String id, String title, String module, List<PortDescriptor> inputs, List<PortDescriptor> outputs,
      Rectangle bounds) {
  }

  private final int em;
  private final Map<String, Box> boxes = new LinkedHashMap<>();

  /**
   * @param placed positions (in em) the user chose; others are laid out automatically and added
   */
  PatchGeometry(Graph graph, Function<String, ModuleDescriptor> descriptors, Map<String, double[]> placed, int em) {
    this.em = Math.max(8, em);
    Map<String, Integer> column = columns(graph);
    int masterColumn = column.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<Node> waiting = new ArrayList<>();
    for (Node n : graph.nodes()) {
      if (placed.containsKey(n.id())) {
        add(n, descriptors, placed.get(n.id()));
      } else {
        waiting.add(n);
      }
    }
    // New boxes go below whatever already stands in their column.
    for (Node n : waiting) {
      int col = column.getOrDefault(n.id(), 0);
      double x = 1 + col * COLUMN;
      double y = 1;
      for (Box b : boxes.values()) {
        double bx = b.bounds().x / (double) this.em;
        if (Math.abs(bx - x) < COLUMN / 2.0) {
          y = Math.max(y, (b.bounds().y + b.bounds().height) / (double) this.em + 0.5);
        }
      }
      double[] at = {x, y};
      placed.put(n.id(), at);
      add(n, descriptors, at);
    }
    double[] at = placed.computeIfAbsent(MASTER, k -> new double[] {1 + masterColumn * COLUMN, 1});
    boxes.put(MASTER, new Box(MASTER, "Master", "output", List.of(PortDescriptor.audioIn("in", 2)), List.of(),
        new Rectangle((int) Math.round(at[0] * this.em), (int) Math.round(at[1] * this.em), width(), height(1))));
  }

  /** Columns are this many text lines apart. */
  private static final int COLUMN = 13;

  private void add(Node n, Function<String, ModuleDescriptor> descriptors, double[] at) {
    ModuleDescriptor d = descriptors.apply(n.module());
    List<PortDescriptor> ins = new ArrayList<>();
    List<PortDescriptor> outs = new ArrayList<>();
    if (d != null) {
      for (PortDescriptor p : d.ports()) {
        (p.direction() == PortDescriptor.Direction.INPUT ? ins : outs).add(p);
      }
    }
    String module = d == null ? n.module() + " (missing)" : d.name();
    boxes.put(n.id(), new Box(n.id(), n.id(), module, ins, outs,
        new Rectangle((int) Math.round(at[0] * em), (int) Math.round(at[1] * em), width(),
            height(Math.max(ins.size(), outs.size())))));
  }

  /** Signal-flow columns: a node sits one column right of the furthest node that feeds it. */
  private static Map<String, Integer> columns(Graph g) {
    List<String[]> edges = new ArrayList<>();
    for (Track t : g.tracks()) {
      for (int i = 0; i + 1 < t.chain().size(); i++) {
        edges.add(new String[] {t.chain().get(i), t.chain().get(i + 1)});
      }
    }
    for (org.patchwork.engine.Bus b : g.buses()) {
      for (int i = 0; i + 1 < b.chain().size(); i++) {
        edges.add(new String[] {b.chain().get(i), b.chain().get(i + 1)});
      }
      for (Track t : g.tracks()) {
        if (!t.chain().isEmpty() && !b.chain().isEmpty() && t.sends().stream().anyMatch(x -> x.bus().equals(b.id()))) {
          edges.add(new String[] {t.chain().getLast(), b.chain().getFirst()});
        }
      }
    }
    for (Connection c : g.connections()) {
      String to = node(c.to());
      if (!c.isFeedback() && !to.equals(MASTER)) {
        edges.add(new String[] {node(c.from()), to});
      }
    }
    Map<String, Integer> col = new HashMap<>();
    g.nodes().forEach(n -> col.put(n.id(), 0));
    // Longest path by relaxation; at most one pass per node, so a stray cycle cannot hang it.
    for (int pass = 0; pass < g.nodes().size(); pass++) {
      boolean changed = false;
      for (String[] e : edges) {
        Integer from = col.get(e[0]);
        Integer to = col.get(e[1]);
        if (from != null && to != null && to < from + 1) {
          col.put(e[1], from + 1);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    return col;
  }

  static String node(String ref) {
    int dot = ref.indexOf('.');
    return dot < 0 ? ref : ref.substring(0, dot);
  }

  static String port(String ref) {
    int dot = ref.indexOf('.');
    return dot < 0 ? "in" : ref.substring(dot + 1);
  }

  int em() {
    return em;
  }

  private int width() {
    return em * 21 / 2;
  }

  int header() {
    return em * 11 / 5;
  }

  private int row() {
    return em * 11 / 10;
  }

  private int height(int ports) {
    return header() + Math.max(1, ports) * row() + em / 3;
  }

  List<Box> boxes() {
    return new ArrayList<>(boxes.values());
  }

  Box box(String id) {
    return boxes.get(id);
  }

  /** The point where a port's cable attaches, or null. */
  Point port(String node, String port, boolean output) {
    Box b = boxes.get(node);
    if (b == null) {
      return null;
    }
    List<PortDescriptor> list = output ? b.outputs() : b.inputs();
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id().equals(port)) {
        return portPoint(b, i, output);
      }
    }
    return null;
  }

  Point portPoint(Box b, int index, boolean output) {
    Rectangle r = b.bounds();
    return new Point(output ? r.x + r.width : r.x, r.y + header() + index * row() + row() / 2);
  }

  /** The port within half a line of {@code (x, y)}, or null. */
  PortHit portAt(int x, int y) {
    int reach = em * 3 / 4;
    for (Box b : boxes.values()) {
      for (int o = 0; o < 2; o++) {
        List<PortDescriptor> list = o == 1 ? b.outputs() : b.inputs();
        for (int i = 0; i < list.size(); i++) {
          Point p = portPoint(b, i, o == 1);
          if (Math.abs(p.x - x) <= reach && Math.abs(p.y - y) <= row() / 2) {
            PortDescriptor d = list.get(i);
            return new PortHit(b.id(), d.id(), d.type(), o == 1);
          }
        }
      }
    }
    return null;
  }

  /** The box under {@code (x, y)}, topmost (last drawn) first, or null. */
  Box boxAt(int x, int y) {
    List<Box> all = boxes();
    for (int i = all.size() - 1; i >= 0; i--) {
      if (all.get(i).bounds().contains(x, y)) {
        return all.get(i);
      }
    }
    return null;
  }

  /** Points along a cable's curve, for drawing and hit testing. */
  static double[] curve(Point a, Point b) {
    double dx = Math.max(Math.abs(b.x - a.x) / 2.0, 40);
    return new double[] {a.x, a.y, a.x + dx, a.y, b.x - dx, b.y, b.x, b.y};
  }

  /** Whether {@code (x, y)} is within {@code tolerance} of the cable from a to b. */
  static boolean near(Point a, Point b, int x, int y, int tolerance) {
    double[] c = curve(a, b);
    double px = c[0];
    double py = c[1];
    for (int i = 1; i <= 40; i++) {
      double t = i / 40.0;
      double u = 1 - t;
      double qx = u * u * u * c[0] + 3 * u * u * t * c[2] + 3 * u * t * t * c[4] + t * t * t * c[6];
      double qy = u * u * u * c[1] + 3 * u * u * t * c[3] + 3 * u * t * t * c[5] + t * t * t * c[7];
      if (distance(x, y, px, py, qx, qy) <= tolerance) {
        return true;
      }
      px = qx;
      py = qy;
    }
    return false;
  }

  private static double distance(double x, double y, double ax, double ay, double bx, double by) {
    double dx = bx - ax;
    double dy = by - ay;
    double len = dx * dx + dy * dy;
    double t = len == 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
  }

  /** The extent of everything, for scrolling. */
  Point size() {
    int w = 0;
    int h = 0;
    for (Box b : boxes.values()) {
      w = Math.max(w, b.bounds().x + b.bounds().width);
      h = Math.max(h, b.bounds().y + b.bounds().height);
    }
    return new Point(w + em * 2, h + em * 2);
  }
}

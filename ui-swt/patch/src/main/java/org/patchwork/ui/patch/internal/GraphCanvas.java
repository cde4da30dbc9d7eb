package org.patchwork.ui.patch.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Path;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;

/**
 * The module graph: boxes with ports, cables between them. Drag from an output port to an
 * input port (or onto the master) to connect; click a cable or a box to select it, Delete to
 * disconnect or remove; drag a box to move it. Chains and the mixer's routing (track to master,
 * sends to buses) are drawn dashed: they come from the tracks, not from cables.
 *
 * <p>Thread: the UI thread.
 */
final class GraphCanvas extends Canvas {

  private final Workbench workbench;
  private final Theme theme;
  private final Map<String, double[]> placed = new HashMap<>();
  private final Consumer<String> onSelectNode;
  private Graph graph;
  private PatchGeometry geometry;
  private String selectedNode;
  private Connection selectedCable;
  private PatchGeometry.PortHit cablingFrom;
  private Point pointer;
  private String moving;
  private Point moveOffset;

  GraphCanvas(Composite parent, Workbench workbench, Consumer<String> onSelectNode) {
    super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    this.workbench = workbench;
    this.onSelectNode = onSelectNode;
    this.theme = Theme.of(getDisplay());
    setData("patchwork.test.id", "patch.graph");
    // Tests find ports by reference: ("node.port", output?) -> point on this canvas.
    setData("patchwork.test.port", (BiFunction<String, Boolean, Point>) (ref, output) -> geometry == null ? null
        : geometry.port(PatchGeometry.node(ref), PatchGeometry.port(ref), output));
    setData("patchwork.test.box", (java.util.function.Function<String, Rectangle>) id -> {
      PatchGeometry.Box b = geometry == null ? null : geometry.box(id);
      return b == null ? null : b.bounds();
    });
    addListener(SWT.Paint, e -> paint(e.gc));
    addListener(SWT.MouseDown, this::down);
    addListener(SWT.MouseMove, this::move);
    addListener(SWT.MouseUp, this::up);
    addListener(SWT.KeyDown, this::key);
    addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS);
    addListener(SWT.MenuDetect, this::menu);
  }

  /** Shows {@code g}; keeps positions and selection where they still apply. */
  void show(Graph g) {
    graph = g;
    if (selectedNode != null && g.node(selectedNode).isEmpty()) {
      select(null);
    }
    if (selectedCable != null && !g.connections().contains(selectedCable)) {
      selectedCable = null;
    }
    relayout();
  }

  String selectedNode() {
    return selectedNode;
  }

  private void relayout() {
    if (graph == null) {
      return;
    }
    geometry = new PatchGeometry(graph, id -> workbench.module(id).orElse(null), placed, Theme.em(this));
    Point size = geometry.size();
    Rectangle area = getParent().getClientArea();
    setSize(Math.max(size.x, area.width), Math.max(size.y, area.height));
    redraw();
  }

  private void select(String node) {
    selectedNode = node;
    if (node != null) {
      selectedCable = null;
    }
    onSelectNode.accept(node);
  }

  // ---- painting ----

  private void paint(GC gc) {
    Rectangle r = getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    if (geometry == null) {
      return;
    }
    gc.setAntialias(SWT.ON);
    gc.setTextAntialias(SWT.ON);
    int em = geometry.em();
    gc.setLineWidth(Math.max(1, em / 8));
    routing(gc);
    for (PatchGeometry.Box b : geometry.boxes()) {
      box(gc, b);
    }
    // Cables over the boxes, as patch cables hang in front of a rack.
    for (Connection c : graph.connections()) {
      Point a = geometry.port(PatchGeometry.node(c.from()), PatchGeometry.port(c.from()), true);
      Point b = c.to().equals(Connection.MASTER) ? geometry.port(PatchGeometry.MASTER, "in", false)
          : geometry.port(PatchGeometry.node(c.to()), PatchGeometry.port(c.to()), false);
      if (a != null && b != null) {
        boolean selected = c.equals(selectedCable);
        gc.setLineWidth(Math.max(2, em / (selected ? 3 : 5)));
        cable(gc, a, b, selected ? theme.selection() : colour(typeOf(c.from())), false);
      }
    }
    if (cablingFrom != null && pointer != null) {
      Point a = geometry.port(cablingFrom.node(), cablingFrom.port(), true);
      gc.setLineWidth(Math.max(2, em / 5));
      cable(gc, a, pointer, theme.selection(), true);
    }
  }

  /** The routing the tracks imply: chain links, track to master, sends, bus returns. */
  private void routing(GC gc) {
    gc.setLineStyle(SWT.LINE_DASH);
    for (Track t : graph.tracks()) {
      chain(gc, t.chain());
      String last = t.chain().isEmpty() ? null : t.chain().getLast();
      link(gc, last, PatchGeometry.MASTER, t.id());
      for (var s : t.sends()) {
        graph.buses().stream().filter(b -> b.id().equals(s.bus())).findFirst()
            .ifPresent(bus -> link(gc, last, bus.chain().isEmpty() ? PatchGeometry.MASTER : bus.chain().getFirst(),
                "send " + bus.id()));
      }
    }
    for (Bus b : graph.buses()) {
      chain(gc, b.chain());
      if (!b.chain().isEmpty()) {
        link(gc, b.chain().getLast(), PatchGeometry.MASTER, b.id());
      }
    }
    chain(gc, graph.master().chain());
    gc.setLineStyle(SWT.LINE_SOLID);
  }

  private void chain(GC gc, List<String> chain) {
    for (int i = 0; i + 1 < chain.size(); i++) {
      link(gc, chain.get(i), chain.get(i + 1), null);
    }
  }

  private void link(GC gc, String from, String to, String label) {
    Point a = firstAudio(from, true);
    Point b = firstAudio(to, false);
    if (a == null || b == null) {
      return;
    }
    cable(gc, a, b, theme.border(), false);
    int x = (a.x + b.x) / 2;
    int y = (a.y + b.y) / 2;
    // A label on top of a box would hide the box's text; the dashed line says enough there.
    if (label != null && geometry.boxAt(x, y) == null) {
      gc.setFont(theme.small());
      gc.setForeground(theme.dimText());
      gc.drawText(label, x, y, true);
    }
  }

  private Point firstAudio(String node, boolean output) {
    PatchGeometry.Box b = node == null ? null : geometry.box(node);
    if (b == null) {
      return null;
    }
    List<PortDescriptor> ports = output ? b.outputs() : b.inputs();
    for (int i = 0; i < ports.size(); i++) {
      if (ports.get(i).type() == PortDescriptor.Type.AUDIO) {
        return geometry.portPoint(b, i, output);
      }
    }
    return null;
  }

  private void cable(GC gc, Point a, Point b, Color colour, boolean dashed) {
    double[] c = PatchGeometry.curve(a, b);
    Path path = new Path(getDisplay());
    try {
      path.moveTo((float) c[0], (float) c[1]);
      path.cubicTo((float) c[2], (float) c[3], (float) c[4], (float) c[5], (float) c[6], (float) c[7]);
      gc.setForeground(colour);
      if (dashed) {
        gc.setLineStyle(SWT.LINE_DOT);
      }
      gc.drawPath(path);
      if (dashed) {
        gc.setLineStyle(SWT.LINE_SOLID);
      }
    } finally {
      path.dispose();
    }
  }

  private void box(GC gc, PatchGeometry.Box b) {
    Rectangle r = b.bounds();
    int em = geometry.em();
    boolean selected = b.id().equals(selectedNode);
    gc.setBackground(b.id().equals(PatchGeometry.MASTER) ? theme.surface() : theme.raised());
    gc.fillRoundRectangle(r.x, r.y, r.width, r.height, em / 2, em / 2);
    gc.setForeground(selected ? theme.selection() : theme.border());
    gc.drawRoundRectangle(r.x, r.y, r.width, r.height, em / 2, em / 2);
    gc.setFont(theme.bold());
    gc.setForeground(theme.text());
    gc.drawText(b.title(), r.x + em / 2, r.y + em / 6, true);
    gc.setFont(theme.small());
    gc.setForeground(theme.dimText());
    gc.drawText(b.module(), r.x + em / 2, r.y + em + em / 6, true);
    for (int o = 0; o < 2; o++) {
      List<PortDescriptor> ports = o == 1 ? b.outputs() : b.inputs();
      for (int i = 0; i < ports.size(); i++) {
        PortDescriptor p = ports.get(i);
        Point at = geometry.portPoint(b, i, o == 1);
        int dot = em / 2;
        gc.setBackground(colour(p.type()));
        gc.fillOval(at.x - dot / 2, at.y - dot / 2, dot, dot);
        gc.setForeground(theme.text());
        String name = p.id();
        Point size = gc.textExtent(name);
        int x = o == 1 ? at.x - dot - size.x : at.x + dot;
        gc.drawText(name, x, at.y - size.y / 2, true);
      }
    }
  }

  private Color colour(PortDescriptor.Type type) {
    return switch (type) {
      case AUDIO -> theme.audio();
      case CV -> theme.cv();
      default -> theme.events();
    };
  }

  private PortDescriptor.Type typeOf(String ref) {
    PatchGeometry.Box b = geometry.box(PatchGeometry.node(ref));
    if (b != null) {
      for (PortDescriptor p : b.outputs()) {
        if (p.id().equals(PatchGeometry.port(ref))) {
          return p.type();
        }
      }
    }
    return PortDescriptor.Type.AUDIO;
  }

  // ---- interaction ----

  private void down(Event e) {
    if (geometry == null || e.button != 1) {
      return;
    }
    setFocus();
    PatchGeometry.PortHit port = geometry.portAt(e.x, e.y);
    if (port != null && port.output()) {
      cablingFrom = port;
      pointer = new Point(e.x, e.y);
      return;
    }
    PatchGeometry.Box box = geometry.boxAt(e.x, e.y);
    if (box != null) {
      select(box.id());
      moving = box.id();
      moveOffset = new Point(e.x - box.bounds().x, e.y - box.bounds().y);
      redraw();
      return;
    }
    Connection cable = cableAt(e.x, e.y);
    select(null);
    selectedCable = cable;
    redraw();
  }

  private void move(Event e) {
    if (cablingFrom != null) {
      pointer = new Point(e.x, e.y);
      redraw();
    } else if (moving != null) {
      int em = geometry.em();
      placed.put(moving, new double[] {Math.max(0, (e.x - moveOffset.x) / (double) em),
          Math.max(0, (e.y - moveOffset.y) / (double) em)});
      relayout();
    }
  }

  private void up(Event e) {
    moving = null;
    if (cablingFrom == null) {
      return;
    }
    PatchGeometry.PortHit from = cablingFrom;
    cablingFrom = null;
    pointer = null;
    PatchGeometry.PortHit to = geometry.portAt(e.x, e.y);
    String target = null;
    if (to != null && !to.output()) {
      target = to.ref();
    } else {
      PatchGeometry.Box box = geometry.boxAt(e.x, e.y);
      if (box != null && box.id().equals(PatchGeometry.MASTER)) {
        target = Connection.MASTER;
      }
    }
    if (target != null) {
      workbench.submit(new Edits.Connect(from.ref(), target));
    }
    redraw();
  }

  private Connection cableAt(int x, int y) {
    for (Connection c : graph.connections()) {
      Point a = geometry.port(PatchGeometry.node(c.from()), PatchGeometry.port(c.from()), true);
      Point b = c.to().equals(Connection.MASTER) ? geometry.port(PatchGeometry.MASTER, "in", false)
          : geometry.port(PatchGeometry.node(c.to()), PatchGeometry.port(c.to()), false);
      if (a != null && b != null && PatchGeometry.near(a, b, x, y, geometry.em() / 2)) {
        return c;
      }
    }
    return null;
  }

  private void key(Event e) {
    if (e.keyCode == SWT.DEL || e.keyCode == SWT.BS) {
      e.doit = false;
      removeSelection();
    }
  }

  /** Removes the selected cable or module. */
  void removeSelection() {
    if (selectedCable != null) {
      workbench.submit(new Edits.Disconnect(selectedCable.from(), selectedCable.to()));
      selectedCable = null;
    } else if (selectedNode != null && !selectedNode.equals(PatchGeometry.MASTER)) {
      workbench.submit(new Edits.RemoveNode(selectedNode));
    }
  }

  private void menu(Event e) {
    Point p = toControl(e.x, e.y);
    PatchGeometry.Box box = geometry == null ? null : geometry.boxAt(p.x, p.y);
    Connection cable = geometry == null ? null : cableAt(p.x, p.y);
    if (box == null && cable == null) {
      return;
    }
    Menu menu = new Menu(this);
    MenuItem item = new MenuItem(menu, SWT.PUSH);
    if (box != null && !box.id().equals(PatchGeometry.MASTER)) {
      select(box.id());
      item.setText("Remove " + box.id() + "\tDelete");
    } else if (cable != null) {
      selectedCable = cable;
      item.setText("Disconnect " + cable.from() + " \u2192 " + cable.to() + "\tDelete");
    } else {
      menu.dispose();
      return;
    }
    item.addListener(SWT.Selection, x -> removeSelection());
    menu.addListener(SWT.Hide, x -> getDisplay().asyncExec(() -> {
      if (!menu.isDisposed()) {
        menu.dispose();
      }
    }));
    menu.setLocation(e.x, e.y);
    menu.setVisible(true);
    redraw();
  }
}

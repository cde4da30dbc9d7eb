package org.patchwork.ui.patch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.swt.graphics.Point;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;

class PatchGeometryTest {

  private static final int EM = 20;
  private static final ModuleDescriptor OSC = new ModuleDescriptor("t.osc", "Osc", "T", "1.0.0", ModuleKind.INSTRUMENT,
      Set.of("oscillator"), List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvIn("pitch"),
      PortDescriptor.audioOut("out", 1)), List.of(), 0);
  private static final ModuleDescriptor FILTER = new ModuleDescriptor("t.filter", "Filter", "T", "1.0.0",
      ModuleKind.EFFECT, Set.of("filter"), List.of(PortDescriptor.audioIn("in", 1), PortDescriptor.cvIn("cutoff"),
      PortDescriptor.audioOut("out", 1)), List.of(), 0);
  private static final ModuleDescriptor LFO = new ModuleDescriptor("t.lfo", "LFO", "T", "1.0.0", ModuleKind.MODULATOR,
      Set.of("modulator"), List.of(PortDescriptor.cvOut("out")), List.of(), 0);

  private final Graph graph = Graph.of(
      List.of(new Node("osc", "t.osc"), new Node("filter", "t.filter"), new Node("lfo", "t.lfo")),
      List.of(new Connection("lfo.out", "osc.pitch")),
      List.of(Track.of("lead", "osc", "filter")));

  private PatchGeometry geometry(Map<String, double[]> placed) {
    Map<String, ModuleDescriptor> d = Map.of("t.osc", OSC, "t.filter", FILTER, "t.lfo", LFO);
    return new PatchGeometry(graph, d::get, placed, EM);
  }

  @Test
  void columnsFollowTheSignal() {
    PatchGeometry g = geometry(new HashMap<>());
    int lfo = g.box("lfo").bounds().x;
    int osc = g.box("osc").bounds().x;
    int filter = g.box("filter").bounds().x;
    int master = g.box(PatchGeometry.MASTER).bounds().x;
    assertTrue(lfo < osc && osc < filter && filter < master, lfo + " " + osc + " " + filter + " " + master);
  }

  @Test
  void portsAreFoundWhereTheyAreDrawn() {
    PatchGeometry g = geometry(new HashMap<>());
    Point out = g.port("lfo", "out", true);
    assertNotNull(out);
    PatchGeometry.PortHit hit = g.portAt(out.x + 2, out.y - 2);
    assertEquals("lfo.out", hit.ref());
    assertTrue(hit.output());
    assertEquals(PortDescriptor.Type.CV, hit.type());
    Point pitch = g.port("osc", "pitch", false);
    assertEquals("osc.pitch", g.portAt(pitch.x, pitch.y).ref());
    assertNull(g.portAt(pitch.x + 5 * EM, pitch.y), "the middle of a box is no port");
    assertTrue(PatchGeometry.near(out, pitch, (out.x + pitch.x) / 2, (out.y + pitch.y) / 2, EM / 2),
        "the cable passes through its middle");
  }

  @Test
  void aMovedBoxStaysAndNewBoxesDoNotCoverIt() {
    Map<String, double[]> placed = new HashMap<>();
    geometry(placed);
    placed.put("osc", new double[] {30, 10});
    PatchGeometry g = geometry(placed);
    assertEquals(30 * EM, g.box("osc").bounds().x);
    assertEquals(10 * EM, g.box("osc").bounds().y);
    for (PatchGeometry.Box a : g.boxes()) {
      for (PatchGeometry.Box b : g.boxes()) {
        assertTrue(a == b || !a.bounds().intersects(b.bounds()), a.id() + " overlaps " + b.id());
      }
    }
  }
}

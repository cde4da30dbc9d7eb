package org.patchwork.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Bus;
import org.patchwork.engine.Connection;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Master;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;

class EditsTest {

  private final Project p = new Project("p", 48_000, 120, new Graph(
      List.of(new Node("osc", "o", Map.of("gain", 0.5)), new Node("fx", "f"), new Node("lfo", "l"), new Node("rev", "r")),
      List.of(new Connection("lfo.out", "fx.cutoff_cv")),
      List.of(Track.of("lead", "osc", "fx").withSends(new Send("space", -10))),
      List.of(new Bus("space", List.of("rev"), -3)), Master.DEFAULT), List.of(), "{\"x\":1}");

  @Test
  void mixerEditsChangeOnlyTheirTrack() {
    Project q = new Edits.SetTrackGain("lead", -6).apply(p);
    assertEquals(-6, q.graph().tracks().getFirst().gainDb());
    assertEquals(p.graph().nodes(), q.graph().nodes());
    assertEquals("{\"x\":1}", q.song(), "the song section is kept");
    assertEquals(0.25, new Edits.SetTrackPan("lead", 0.25).apply(p).graph().tracks().getFirst().pan());
    assertTrue(new Edits.SetTrackMute("lead", true).apply(p).graph().tracks().getFirst().mute());
    assertTrue(new Edits.SetTrackSolo("lead", true).apply(p).graph().tracks().getFirst().solo());
    assertEquals(List.of(new Send("space", -20)),
        new Edits.SetSendLevel("lead", "space", -20).apply(p).graph().tracks().getFirst().sends());
    assertEquals(-4, new Edits.SetMasterGain(-4).apply(p).graph().master().gainDb());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Edits.SetTrackGain("drums", 0).apply(p));
    assertEquals("there is no track drums", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Edits.SetSendLevel("lead", "delay", 0).apply(p));
  }

  @Test
  void parametersAreSetWithoutLosingTheOthers() {
    Node osc = new Edits.SetParameter("osc", "cutoff", 300).apply(p).graph().node("osc").orElseThrow();
    assertEquals(Map.of("gain", 0.5, "cutoff", 300.0), osc.params());
  }

  @Test
  void removingAModuleTakesItsCablesAndItsPlaceInChains() {
    Graph g = new Edits.RemoveNode("fx").apply(p).graph();
    assertEquals(List.of("osc"), g.tracks().getFirst().chain());
    assertTrue(g.connections().isEmpty());
    assertFalse(g.node("fx").isPresent());
    Graph bus = new Edits.RemoveNode("rev").apply(p).graph();
    assertEquals(List.of(), bus.buses().getFirst().chain());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new Edits.RemoveNode("osc").apply(new Edits.RemoveNode("fx").apply(p)));
    assertEquals("cannot remove osc: it is the only module of track lead", e.getMessage());
  }

  @Test
  void cablesComeAndGoOnce() {
    Project q = new Edits.Connect("lfo.out", "osc.pitch").apply(p);
    assertEquals(2, q.graph().connections().size());
    assertThrows(IllegalArgumentException.class, () -> new Edits.Connect("lfo.out", "osc.pitch").apply(q));
    Project r = new Edits.Disconnect("lfo.out", "fx.cutoff_cv").apply(q);
    assertEquals(List.of(new Connection("lfo.out", "osc.pitch")), r.graph().connections());
    assertThrows(IllegalArgumentException.class, () -> new Edits.Disconnect("lfo.out", "fx.cutoff_cv").apply(r));
  }

  @Test
  void addingAModuleNeedsAFreeName() {
    Project q = new Edits.AddNode("lfo2", "org.patchwork.dsp.lfo").apply(p);
    assertEquals("org.patchwork.dsp.lfo", q.graph().node("lfo2").orElseThrow().module());
    assertThrows(IllegalArgumentException.class, () -> new Edits.AddNode("lfo", "x").apply(p));
  }

  @Test
  void tempoIsCheckedAndLabelsReadWell() {
    assertEquals(90, new Edits.SetTempo(90).apply(p).tempo());
    assertThrows(IllegalArgumentException.class, () -> new Edits.SetTempo(0).apply(p));
    assertEquals("Set lead gain to -inf dB", new Edits.SetTrackGain("lead", -144).label());
    assertEquals("Connect lfo.out to osc.pitch", new Edits.Connect("lfo.out", "osc.pitch").label());
    assertEquals("gain:lead", new Edits.SetTrackGain("lead", 0).mergeKey());
  }
}

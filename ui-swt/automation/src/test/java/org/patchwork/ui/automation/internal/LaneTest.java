package org.patchwork.ui.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sequencer.Envelope;

class LaneTest {

  static final ModuleDescriptor SYNTH = new ModuleDescriptor("org.example.synth", "Synth", "Example", "1.0.0",
      ModuleKind.INSTRUMENT, Set.of("oscillator"), List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)),
      List.of(
          ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 800, "Hz"),
          ParameterDescriptor.choice("wave", "Wave", 1, "Saw", "Square"),
          new ParameterDescriptor("voices", "Voices", 1, 16, 8, "", Set.of(ParameterFlag.STEPPED), 0, List.of()),
          new ParameterDescriptor("old", "Old", 0, 1, 0, "", Set.of(ParameterFlag.AUTOMATABLE, ParameterFlag.REMOVED), 0,
              List.of())),
      0);

  static final Project PROJECT = new Project("p", 48_000, 120, Graph.of(
      List.of(new Node("lead", "org.example.synth", Map.of("cutoff", 1500.0))), List.of(), List.of(Track.of("lead", "lead"))),
      List.of());

  @Test
  void onlyAutomatableParametersThatAreNotRetiredCanHaveALane() {
    assertEquals(List.of("cutoff", "wave"), Lane.automatable(SYNTH).stream().map(ParameterDescriptor::id).toList());
  }

  @Test
  void aNewLaneStartsAtTheNodesPresentValueSteppingForSteppedParameters() {
    Node lead = PROJECT.graph().node("lead").orElseThrow();
    Envelope cutoff = Lane.start(lead, SYNTH.parameters().get(0));
    assertEquals(1, cutoff.points().size());
    assertEquals(0, BigDecimal.ZERO.compareTo(cutoff.points().getFirst().position()));
    assertEquals(1500, cutoff.points().getFirst().value(), "the node's setting");
    assertEquals(Envelope.Curve.LINEAR, cutoff.points().getFirst().curve());
    Envelope wave = Lane.start(lead, SYNTH.parameters().get(1));
    assertEquals(1, wave.points().getFirst().value(), "the default when the node does not set it");
    assertEquals(Envelope.Curve.STEP, wave.points().getFirst().curve());
  }

  @Test
  void lanesFindTheirParametersDescriptorAndUnknownModulesGetAScaleOfTheirOwnValues() {
    List<Envelope> automation = List.of(
        new Envelope("lead", "cutoff", List.of(Envelope.Point.linear(0, 300))),
        new Envelope("ghost", "x", List.of(Envelope.Point.linear(0, 2), Envelope.Point.linear(8, 6))));
    List<Lane> lanes = Lane.of(automation, PROJECT, id -> id.equals(SYNTH.id()) ? Optional.of(SYNTH) : Optional.empty());
    assertEquals("lead.cutoff \u2014 Cutoff (Hz)", lanes.get(0).label());
    assertEquals("20000 Hz", lanes.get(0).scale().format(lanes.get(0).scale().value(1)));
    assertNull(lanes.get(1).descriptor());
    assertEquals(2, lanes.get(1).scale().value(0), 1e-12);
    assertEquals(6, lanes.get(1).scale().value(1), 1e-12);
    assertEquals(99, lanes.get(1).clamp(99), "no range to keep to");
  }

  @Test
  void gridLinesFallOnRoundValuesOfLogarithmicParametersAndOnEveryStepOfSteppedOnes() {
    Lane cutoff = new Lane(new Envelope("lead", "cutoff", List.of(Envelope.Point.linear(0, 300))), SYNTH.parameters().get(0));
    assertEquals(List.of(20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0), cutoff.gridValues());
    Lane wave = new Lane(new Envelope("lead", "wave", List.of(Envelope.Point.linear(0, 0))), SYNTH.parameters().get(1));
    assertEquals(List.of(0.0, 1.0), wave.gridValues());
    Lane level = new Lane(new Envelope("osc", "level", List.of(Envelope.Point.linear(0, 0))),
        ParameterDescriptor.of("level", "Level", 0, 1, 0.5, ""));
    assertEquals(List.of(0.0, 0.25, 0.5, 0.75, 1.0), level.gridValues());
  }
}

package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

class PlanCompileTest {

  private static final ModuleRegistry MODULES = TestModules.registry();

  private static GraphException rejected(Graph g) {
    return assertThrows(GraphException.class, () -> Plan.compile(g, MODULES, 48_000, 64));
  }

  private static void assertRejected(String path, String message, Graph g) {
    GraphException e = rejected(g);
    assertEquals(message, e.getMessage());
    assertEquals(path, e.path());
  }

  private static String message(Executable e) {
    return assertThrows(IllegalArgumentException.class, e).getMessage();
  }

  @Test
  void aCycleWithoutAFeedbackEdgeIsNamedInOrder() {
    Graph g = Graph.of(List.of(new Node("osc", TestModules.THRU), new Node("filter", TestModules.THRU)),
        List.of(new Connection("osc.out", "filter.in"), new Connection("filter.out", "osc.in")), List.of());
    assertRejected("$.connections[0]", "cycle without a feedback edge: osc -> filter -> osc", g);

    Graph three = Graph.of(List.of(new Node("a", TestModules.THRU), new Node("b", TestModules.THRU),
            new Node("c", TestModules.THRU), new Node("src", TestModules.LEVEL)),
        List.of(new Connection("src.out", "a.in"), new Connection("c.out", "a.in"),
            new Connection("a.out", "b.in"), new Connection("b.out", "c.in"), new Connection("c.out", "master")),
        List.of());
    assertEquals("cycle without a feedback edge: a -> b -> c -> a", rejected(three).getMessage());
  }

  @Test
  void aFeedbackEdgeBreaksTheCycle() {
    Graph g = Graph.of(List.of(new Node("osc", TestModules.THRU), new Node("filter", TestModules.THRU)),
        List.of(new Connection("osc.out", "filter.in"), Connection.feedback("filter.out", "osc.in", 64),
            new Connection("filter.out", Connection.MASTER)), List.of());
    try (Plan plan = Plan.compile(g, MODULES, 48_000, 64)) {
      assertEquals(0, plan.latencyFrames());
      assertEquals(1, plan.nodeIndex("filter"));
    }
  }

  @Test
  void unknownModulesPortsAndParametersAreNamed() {
    assertRejected("$.nodes[0].module", "unknown module id: com.x.y (node 'lead')",
        Graph.of(List.of(new Node("lead", "com.x.y")), List.of(), List.of()));
    assertRejected("$.connections[0].from", "unknown port: node 'lead' (org.patchwork.examples.sine) has no port 'foo'",
        Graph.of(List.of(new Node("lead", TestModules.SINE)), List.of(new Connection("lead.foo", "master")), List.of()));
    assertRejected("$.connections[0].to", "unknown node 'nobody'",
        Graph.of(List.of(new Node("lead", TestModules.SINE)), List.of(new Connection("lead.out", "nobody.in")), List.of()));
    assertRejected("$.nodes[0].params.cutoff",
        "unknown parameter: node 'lead' (org.patchwork.examples.sine) has no parameter 'cutoff'",
        Graph.of(List.of(new Node("lead", TestModules.SINE, Map.of("cutoff", 1.0))), List.of(), List.of()));
  }

  @Test
  void parameterValuesMustFitTheirDescriptor() {
    assertRejected("$.nodes[0].params.gain", "node 'lead': parameter 'gain' = 3.0 is outside [0.0, 1.0]",
        Graph.of(List.of(new Node("lead", TestModules.SINE, Map.of("gain", 3.0))), List.of(), List.of()));
    assertRejected("$.nodes[0].params.mode", "node 'l': parameter 'mode' is stepped and needs a whole number: 1.5",
        Graph.of(List.of(new Node("l", TestModules.LEVEL, Map.of("mode", 1.5))), List.of(), List.of()));
  }

  @Test
  void portsMustBeUsedInTheirDirectionAndChannelsMustExist() {
    assertRejected("$.connections[0].from", "port 'lead.notes' is not an audio or CV output",
        Graph.of(List.of(new Node("lead", TestModules.SINE)), List.of(new Connection("lead.notes", "master")), List.of()));
    assertRejected("$.connections[0].channels[1]", "channel 1 does not exist on 'lead.out' (1 channel(s))",
        Graph.of(List.of(new Node("lead", TestModules.SINE)),
            List.of(new Connection("lead.out", "master", List.of(0, 1), 0)), List.of()));
    assertRejected("$.connections[0].from", "expected node.port: 'lead'",
        Graph.of(List.of(new Node("lead", TestModules.SINE)), List.of(new Connection("lead", "master")), List.of()));
  }

  @Test
  void tracksNeedAnInstrumentFirstAndEachNodeInOneChain() {
    assertRejected("$.tracks[0].chain[0]",
        "node 'amp' (org.patchwork.examples.gain) has no events input, so it cannot be a track's instrument",
        Graph.of(List.of(new Node("amp", TestModules.GAIN)), List.of(), List.of(Track.of("t", "amp"))));
    assertRejected("$.tracks[1].chain[0]", "node 's' is already in $.tracks[0].chain",
        Graph.of(List.of(new Node("s", TestModules.SINE)), List.of(), List.of(Track.of("a", "s"), Track.of("b", "s"))));
    assertRejected("$.tracks[0].sends[0].bus", "track 't' sends to unknown bus 'verb'",
        Graph.of(List.of(new Node("s", TestModules.SINE)), List.of(),
            List.of(Track.of("t", "s").withSends(new Send("verb", 0)))));
    assertRejected("$.tracks[0].pan", "track 't': pan must be within -1..1: 2.0",
        Graph.of(List.of(new Node("s", TestModules.SINE)), List.of(), List.of(Track.of("t", "s").withPan(2))));
    assertRejected("$.nodes[1].id", "duplicate node id 's'",
        Graph.of(List.of(new Node("s", TestModules.SINE), new Node("s", TestModules.SINE)), List.of(), List.of()));
  }

  @Test
  void sampleRateAndBlockSizeAreChecked() {
    Graph g = Graph.of(List.of(), List.of(), List.of());
    assertEquals("sampleRate must be within 8000..384000 Hz: 1000.0", message(() -> Plan.compile(g, MODULES, 1000, 64)));
    assertEquals("maxFrames must be within 1..8192: 0", message(() -> Plan.compile(g, MODULES, 48_000, 0)));
  }

  @Test
  void aModuleThatFailsToStartStopsTheOthersAndIsNamed() {
    int[] deactivated = {0};
    ModuleRegistry registry = ModuleRegistry.of(
        module("test.fine", () -> deactivated[0]++, null),
        module("test.broken", () -> { }, "no memory for tables"));
    Graph g = Graph.of(List.of(new Node("ok", "test.fine"), new Node("bad", "test.broken")), List.of(), List.of());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Plan.compile(g, registry, 48_000, 64));
    assertEquals("node 'bad' (test.broken) failed to start: java.lang.IllegalStateException: no memory for tables",
        e.getMessage());
    assertEquals(1, deactivated[0], "the node started before it was stopped again");
  }

  /** A silent module that runs {@code onDeactivate} and, given a message, fails to activate. */
  private static ModuleFactory module(String id, Runnable onDeactivate, String activationError) {
    ModuleDescriptor d = new ModuleDescriptor(id, "Test", "Patchwork tests", "1.0.0", ModuleKind.UTILITY,
        Set.of(), List.of(PortDescriptor.audioOut("out", 1)), List.of(), 0);
    return new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return d;
      }

      @Override
      public AudioModule create() {
        return new AudioModule() {
          @Override
          public void activate(double rate, int frames) {
            if (activationError != null) {
              throw new IllegalStateException(activationError);
            }
          }

          @Override
          public ProcessStatus process(ProcessContext c) {
            return ProcessStatus.SILENT;
          }

          @Override
          public void reset() {
          }

          @Override
          public void deactivate() {
            onDeactivate.run();
          }
        };
      }
    };
  }
}

package org.patchwork.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.bus.EngineRing;
import org.patchwork.engine.Engine;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.engine.Plan;
import org.patchwork.engine.TestModules;
import org.patchwork.engine.Track;

class BufferReuseTest {

  @Test
  void aLongChainReusesAFewBuffersAndStillPassesTheSignal() {
    List<Node> nodes = new ArrayList<>();
    List<String> chain = new ArrayList<>();
    nodes.add(new Node("click", TestModules.CLICK));
    chain.add("click");
    for (int i = 0; i < 12; i++) {
      nodes.add(new Node("fx" + i, TestModules.THRU));
      chain.add("fx" + i);
    }
    Graph g = Graph.of(nodes, List.of(), List.of(new Track("t", chain, 0, -1, false, false, List.of())));
    CompiledPlan plan = PlanCompiler.compile(g, TestModules.registry(), 48_000, 64);
    try {
      // 13 mono outputs + 3 stereo mixer points would be 19 buffers without reuse.
      assertTrue(plan.bufferCount() <= 6, "buffers: " + plan.bufferCount());
    } finally {
      plan.close();
    }
    EngineRing ring = new EngineRing(64);
    Engine engine = new Engine(48_000, 64, ring, null);
    try (Plan p = Plan.compile(g, TestModules.registry(), 48_000, 64)) {
      engine.submit(p);
      ring.noteOn(33, 0, 1, 60, 0.75f);
      float[][] out = new float[2][64];
      engine.processBlock(out, 64);
      for (int f = 0; f < 64; f++) {
        assertEquals(f == 33 ? 0.75f : 0f, out[0][f], "frame " + f);
      }
    }
  }
}

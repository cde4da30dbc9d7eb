package org.patchwork.playback.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.patchwork.engine.ModuleFault;
import org.patchwork.engine.ModuleSwap;

/**
 * The live lifecycle's part of the playback statistics ({@code pw:stats}, {@code play --stats}):
 * the modules bypassed or held back, the hot-swaps with their timing, and the latest output
 * peaks (which show a swapped module's new behaviour).
 */
final class LiveStats {

  private LiveStats() {
  }

  static void add(ObjectNode o, Playback run) {
    ArrayNode faults = o.putArray("faults");
    for (ModuleFault f : run.lifecycle().faults()) {
      faults.add(fault(o, f));
    }
    ArrayNode swaps = o.putArray("swaps");
    for (ModuleSwap s : run.lifecycle().swaps()) {
      ObjectNode j = o.objectNode();
      j.put("node", s.nodeId());
      j.put("module", s.moduleId());
      j.put("from", s.from());
      j.put("to", s.to());
      j.put("kind", s.kind().name());
      j.put("frame", s.frame());
      j.put("fadeFrames", s.fadeFrames());
      j.put("fadeMillis", s.fadeMillis());
      j.put("swapMillis", s.swapMillis());
      j.put("prepareMillis", s.prepareMillis());
      j.put("takeMillis", s.takeMillis());
      j.put("blockMicros", s.blockMicros());
      j.put("time", s.time().toString());
      swaps.add(j);
    }
    float[] peaks = run.peaks();
    ArrayNode p = o.putArray("peaks");
    p.add(peaks[0]);
    p.add(peaks[1]);
  }

  static ObjectNode fault(ObjectNode factory, ModuleFault f) {
    ObjectNode j = factory.objectNode();
    j.put("module", f.moduleId());
    j.put("version", f.version());
    j.put("node", f.nodeId());
    j.put("reason", f.reason().name());
    j.put("frame", f.frame());
    j.put("time", f.time().toString());
    j.put("detail", f.detail());
    return j;
  }

  /** The faults as a JSON array, for {@code pw:faults --json}. */
  static ArrayNode faults(ObjectNode factory, List<ModuleFault> list) {
    ArrayNode a = factory.arrayNode();
    list.forEach(f -> a.add(fault(factory, f)));
    return a;
  }
}

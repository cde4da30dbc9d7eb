package org.patchwork.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.repository.Catalogue.ModuleInfo;
import org.patchwork.repository.Catalogue.ParameterInfo;
import org.patchwork.repository.Catalogue.PortInfo;

class CompatibilityTest {

  private static ModuleInfo module(List<PortInfo> ports, List<ParameterInfo> params) {
    return new ModuleInfo("org.example.fx", "Fx", "EFFECT", List.of(), ports, params);
  }

  private static ParameterInfo param(String id, boolean stepped, String unit, boolean removed) {
    return new ParameterInfo(id, id, 0, 1, 0, unit, stepped, removed);
  }

  @Test
  void additionsRangesAndRetiredIdsAreCompatible() {
    ModuleInfo before = module(List.of(new PortInfo("in", "AUDIO", "INPUT", 2)), List.of(param("a", false, "dB", false)));
    ModuleInfo after = module(List.of(new PortInfo("in", "AUDIO", "INPUT", 1), new PortInfo("side", "CV", "INPUT", 1)),
        List.of(new ParameterInfo("a", "A!", -5, 5, 1, "dB", false, true), param("b", true, "", false)));
    assertEquals(List.of(), Compatibility.breakingChanges(List.of(before), List.of(after)));
  }

  @Test
  void removalsAndRetypesAreNamed() {
    ModuleInfo before = module(List.of(new PortInfo("in", "AUDIO", "INPUT", 2), new PortInfo("out", "AUDIO", "OUTPUT", 2)),
        List.of(param("a", false, "dB", false), param("b", true, "", false), param("c", false, "Hz", false)));
    ModuleInfo after = module(List.of(new PortInfo("in", "CV", "INPUT", 1)),
        List.of(param("b", false, "", false), param("c", false, "ms", false)));
    assertEquals(List.of(
        "module org.example.fx: port 'in' was retyped from AUDIO INPUT to CV INPUT",
        "module org.example.fx: port 'out' was removed",
        "module org.example.fx: parameter 'a' was removed (keep it and flag it REMOVED instead)",
        "module org.example.fx: parameter 'b' was retyped from stepped to continuous",
        "module org.example.fx: parameter 'c' changed its unit from 'Hz' to 'ms'"),
        Compatibility.breakingChanges(List.of(before), List.of(after)));
    assertEquals(List.of("module org.example.fx was removed"), Compatibility.breakingChanges(List.of(before), List.of()));
  }
}

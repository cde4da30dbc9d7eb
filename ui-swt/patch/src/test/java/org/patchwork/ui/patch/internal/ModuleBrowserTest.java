package org.patchwork.ui.patch.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Node;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleKind;

class ModuleBrowserTest {

  private static final ModuleDescriptor LADDER = new ModuleDescriptor("org.patchwork.dsp.ladder", "Ladder filter",
      "Patchwork", "1.0.0", ModuleKind.EFFECT, Set.of("filter"), List.of(), List.of(), 0);

  @Test
  void searchMatchesNameIdTagAndKind() {
    assertTrue(ModuleBrowser.matches(LADDER, "ladder"));
    assertTrue(ModuleBrowser.matches(LADDER, "dsp.lad"));
    assertTrue(ModuleBrowser.matches(LADDER, "filter"));
    assertTrue(ModuleBrowser.matches(LADDER, "effect"));
    assertFalse(ModuleBrowser.matches(LADDER, "oscillator"));
  }

  @Test
  void newModulesGetAFreeNameFromTheModuleName() {
    Graph empty = Graph.of(List.of(), List.of(), List.of());
    assertEquals("ladder-filter", ModuleBrowser.freshId(empty, LADDER));
    Graph taken = Graph.of(List.of(new Node("ladder-filter", "x"), new Node("ladder-filter-2", "x")), List.of(),
        List.of());
    assertEquals("ladder-filter-3", ModuleBrowser.freshId(taken, LADDER));
  }
}

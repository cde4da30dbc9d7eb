package org.patchwork.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;

class ServiceModuleRegistryTest {

  private static ModuleFactory version(String id, String version) {
    ModuleDescriptor d = new ModuleDescriptor(id, "V", "Patchwork tests", version, ModuleKind.UTILITY, Set.of(),
        List.of(PortDescriptor.audioOut("out", 1)), List.of(), 0);
    return new ModuleFactory() {
      @Override
      public ModuleDescriptor descriptor() {
        return d;
      }

      @Override
      public AudioModule create() {
        throw new UnsupportedOperationException();
      }
    };
  }

  @Test
  void followsFactoriesAsTheyComeAndGo() {
    ServiceModuleRegistry registry = new ServiceModuleRegistry();
    assertTrue(registry.find("org.patchwork.examples.sine").isEmpty());
    SineFactory sine = new SineFactory();
    GainFactory gain = new GainFactory();
    registry.addFactory(sine);
    registry.addFactory(gain);
    assertSame(sine, registry.find("org.patchwork.examples.sine").orElseThrow());
    assertEquals(List.of("org.patchwork.examples.gain", "org.patchwork.examples.sine"),
        registry.descriptors().stream().map(ModuleDescriptor::id).toList());
    registry.removeFactory(sine);
    assertTrue(registry.find("org.patchwork.examples.sine").isEmpty());
    assertEquals(1, registry.descriptors().size());
  }

  @Test
  void theNewestVersionWinsWhileTwoAreInstalled() {
    ServiceModuleRegistry registry = new ServiceModuleRegistry();
    ModuleFactory v1 = version("test.v", "1.2.0");
    ModuleFactory v2 = version("test.v", "1.10.0");
    ModuleFactory beta = version("test.v", "1.10.0-beta");
    registry.addFactory(v2);
    registry.addFactory(v1);
    registry.addFactory(beta);
    assertSame(v2, registry.find("test.v").orElseThrow(), "1.10.0 > 1.10.0-beta > 1.2.0");
    registry.removeFactory(v2);
    assertSame(beta, registry.find("test.v").orElseThrow());
    registry.removeFactory(beta);
    assertSame(v1, registry.find("test.v").orElseThrow());
    assertEquals(-1, Integer.signum(ServiceModuleRegistry.compareVersions("1.0.0-rc1", "1.0.0")));
    assertEquals(1, Integer.signum(ServiceModuleRegistry.compareVersions("2.0.0", "1.99.99")));
  }
}

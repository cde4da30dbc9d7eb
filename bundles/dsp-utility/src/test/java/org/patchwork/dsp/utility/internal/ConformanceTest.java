package org.patchwork.dsp.utility.internal;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.patchwork.sdk.testkit.ModuleConformance;

/**
 * Every module of this bundle keeps the module rules (descriptor, snapshot, no allocation in
 * process, clean output at extremes, clamped parameters, reproducible reset, decay or silence),
 * checked by the SDK's conformance kit. New modules are picked up without editing this test.
 */
class ConformanceTest {

  @TestFactory
  Stream<DynamicNode> conformance() {
    return ModuleConformance.scan("org.patchwork.dsp.utility").tests();
  }
}

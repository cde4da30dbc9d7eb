package org.patchwork.dsp.granular.internal;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.RealTimeRules;

/**
 * Granular keeps the audio thread's rules in {@code process} and {@code reset}: no lock, no
 * blocking, no logging, no I/O, no hidden allocation, on any path, found by reading the
 * bytecode. New modules of this bundle are picked up without editing this test.
 */
class RealTimeRulesTest {

  @Test
  void everyModuleProcessesAndResetsWithinTheRealTimeRules() {
    RealTimeRules.scan("org.patchwork.dsp.granular").allAudioModules().assertRealTimeSafe();
  }
}

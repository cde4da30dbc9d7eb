package org.patchwork.dsp.fm.internal;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.RealTimeRules;

/**
 * Every module of this bundle keeps the audio thread's rules in {@code process} and
 * {@code reset}: no lock, no blocking, no logging, no I/O, no hidden allocation (string
 * concatenation, capturing lambdas, boxing), on any path, found by reading the bytecode. New
 * modules are picked up without editing this test.
 */
class RealTimeRulesTest {

  @Test
  void everyModuleProcessesAndResetsWithinTheRealTimeRules() {
    RealTimeRules.scan("org.patchwork.dsp.fm").allAudioModules().assertRealTimeSafe();
  }
}

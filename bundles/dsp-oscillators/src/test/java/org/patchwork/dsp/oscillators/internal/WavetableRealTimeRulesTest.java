package org.patchwork.dsp.oscillators.internal;

import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.RealTimeRules;

/**
 * The wavetable oscillator keeps the audio thread's rules in {@code process} and
 * {@code reset}: no lock, no blocking, no logging, no I/O, no hidden allocation, on any path,
 * found by reading the bytecode.
 */
class WavetableRealTimeRulesTest {

  @Test
  void processesAndResetsWithinTheRealTimeRules() {
    RealTimeRules.scan("org.patchwork.dsp.oscillators").audioModule(WavetableOscillator.class)
        .assertRealTimeSafe();
  }
}

package org.patchwork.dsp.oscillators.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FastTrigTest {

  @Test
  void sineIsWithinOneBillionth() {
    double worst = 0;
    for (int i = 0; i < 1_000_000; i++) {
      double x = i / 1e6;
      worst = Math.max(worst, Math.abs(FastTrig.sin2pi(x) - Math.sin(2 * Math.PI * x)));
    }
    System.out.printf("FastTrig.sin2pi worst error %.2e%n", worst);
    assertTrue(worst < 1e-9, "worst " + worst);
  }

  @Test
  void tangentIsWithinOneHundredMillionthRelative() {
    double worst = 0;
    for (int i = 1; i <= 1_000_000; i++) {
      double a = 1.45 * i / 1e6;
      worst = Math.max(worst, Math.abs(FastTrig.tan(a) / Math.tan(a) - 1));
    }
    System.out.printf("FastTrig.tan worst relative error %.2e%n", worst);
    assertTrue(worst < 1e-8, "worst " + worst);
  }
}

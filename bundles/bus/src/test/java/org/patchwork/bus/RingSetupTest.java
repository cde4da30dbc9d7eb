package org.patchwork.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RingSetupTest {

  private static final ControlHandler IGNORE = (m, end) -> { };

  @ParameterizedTest
  @ValueSource(ints = {1000, 0, -8, 3, Integer.MIN_VALUE})
  void badBufferSizeFailsAtOnceWithThePlainRule(int size) {
    String expected = "bufferSize must be a power of 2: " + size;
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> new EngineRing(size)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> new TelemetryRing(size)).getMessage());
    assertEquals(expected, assertThrows(IllegalArgumentException.class,
        () -> new ControlRing(size, 1, TimeUnit.MILLISECONDS, IGNORE)).getMessage());
  }

  @org.junit.jupiter.api.Test
  void idleTimeoutMustBePositive() {
    assertEquals("idleTimeout must be positive: 0 MILLISECONDS",
        assertThrows(IllegalArgumentException.class,
            () -> new ControlRing(64, 0, TimeUnit.MILLISECONDS, IGNORE)).getMessage());
  }

  @org.junit.jupiter.api.Test
  void sizesAreKept() {
    assertEquals(1024, new EngineRing(1024).bufferSize());
    assertEquals(1024, new EngineRing(1024).remainingCapacity());
    assertEquals(8, new TelemetryRing(8).bufferSize());
  }
}

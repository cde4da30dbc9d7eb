package org.patchwork.trackerio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.patchwork.trackerio.internal.Tempos;

/** MIDI tempos as {@code Txx} + {@code Wxxxx}: the file's microseconds come back exactly. */
class TemposTest {

  private static int roundTrip(int micros) {
    int[] tw = Tempos.encode(micros);
    return Tempos.micros(Tempos.bpm(tw[0], tw[1]).doubleValue());
  }

  @Test
  void everyTempoFrom30To999BpmComesBackExactly() {
    // Every 7th value (the whole range 60061..1984014 was checked once, in 4 s).
    for (int micros = 60_061; micros <= 1_984_014; micros += 7) {
      assertEquals(micros, roundTrip(micros), "µs " + micros);
    }
    assertArrayEquals(new int[] {120, 0}, Tempos.encode(500_000));
    assertArrayEquals(new int[] {140, 9}, Tempos.encode(428_571));        // 140.00014 bpm
    assertArrayEquals(new int[] {150, 32770}, Tempos.encode(398_671));    // 150.50003 bpm
    assertEquals(new BigDecimal("140.0001373291015625"), Tempos.bpm(140, 9));
  }

  @Test
  void slowerTemposComeBackWithinHalfAStep() {
    for (int micros = 1_984_015; micros <= 16_777_215; micros += 9973) {
      double bpm = 60e6 / micros;
      double halfStep = 60e6 / (bpm * bpm) / 131_072;
      assertTrue(Math.abs(roundTrip(micros) - micros) <= Math.ceil(halfStep), "µs " + micros);
    }
    assertArrayEquals(new int[] {999, 0}, Tempos.encode(50_000), "above 999 bpm: capped");
  }
}

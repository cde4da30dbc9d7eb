package org.patchwork.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.patchwork.ui.shell.widgets.ValueScale;

class LevelsTest {

  @Test
  void decibelsAndTheFaderScale() {
    assertEquals(-6.0206, Levels.toDb(0.5), 1e-4);
    assertEquals(0, Levels.toLinear(-144));
    assertEquals("-inf dB", Levels.format(Double.NEGATIVE_INFINITY));
    float[] pr = new float[2];
    Levels.measure(new float[] {1, -1, 1, -1}, 4, pr);
    assertEquals(1f, pr[0]);
    assertEquals(1f, pr[1], 1e-6);
    ValueScale fader = ValueScale.decibels(6);
    assertEquals(-144, fader.value(0));
    assertEquals(6, fader.value(1), 1e-9);
    assertEquals(-60, fader.value(0.1), 1e-9);
    for (double db : new double[] {-100, -60, -12, 0, 6}) {
      assertEquals(db, fader.value(fader.position(db)), 1e-9);
    }
    for (double pan : new double[] {-1, -0.3, 0, 0.7, 1}) {
      double l = Levels.panGain(pan, 0);
      double r = Levels.panGain(pan, 1);
      assertEquals(1, l * l + r * r, 1e-12, "equal power at " + pan);
    }
    assertEquals(Math.sqrt(0.5), Levels.panGain(0, 0), 1e-12, "-3 dB each side at the centre");
  }
}

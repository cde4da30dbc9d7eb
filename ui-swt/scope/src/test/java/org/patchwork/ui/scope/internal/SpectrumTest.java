package org.patchwork.ui.scope.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpectrumTest {

  private static final int N = 4096;
  private static final double RATE = 48_000;

  @Test
  void aFullScaleSineReadsZeroDecibelsAtItsBin() {
    // 1 kHz sits between bins (11.72 Hz apart); the Hann window's scalloping loss is at most
    // 1.42 dB, so the strongest bin reads within 1.5 dB of 0.
    double[] db = analyse(1000, 1.0);
    int peak = argmax(db);
    assertEquals(1000 / (RATE / N), peak, 1.0, "the peak bin is the sine's");
    assertEquals(0, db[peak], 1.5);
    // Far from the tone the Hann window's sidelobes are more than 90 dB down.
    assertTrue(db[peak * 4] < -90, "leakage 3 kHz away: " + db[peak * 4]);
  }

  @Test
  void halfTheAmplitudeIsSixDecibelsLess() {
    double full = analyse(3000, 1.0)[(int) Math.round(3000 / (RATE / N))];
    double half = analyse(3000, 0.5)[(int) Math.round(3000 / (RATE / N))];
    assertEquals(-6.02, half - full, 0.01);
  }

  @Test
  void silenceIsTheFloor() {
    double[] db = new double[N / 2 + 1];
    new Spectrum(N).analyse(new float[N], new float[N], db);
    for (double d : db) {
      assertEquals(-200, d);
    }
    assertThrows(IllegalArgumentException.class, () -> new Spectrum(1000));
  }

  private static double[] analyse(double hz, double amplitude) {
    float[] x = new float[N];
    for (int i = 0; i < N; i++) {
      x[i] = (float) (amplitude * Math.sin(2 * Math.PI * hz * i / RATE));
    }
    double[] db = new double[N / 2 + 1];
    new Spectrum(N).analyse(x, x, db);
    return db;
  }

  private static int argmax(double[] v) {
    int best = 0;
    for (int i = 1; i < v.length; i++) {
      if (v[i] > v[best]) {
        best = i;
      }
    }
    return best;
  }
}

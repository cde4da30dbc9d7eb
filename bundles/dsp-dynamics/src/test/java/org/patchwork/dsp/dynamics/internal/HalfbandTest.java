package org.patchwork.dsp.dynamics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.Signals;

/** The half-band decimators meet their design: flat pass band, 100 dB stop band. */
class HalfbandTest {

  private static final int N = 1 << 15;

  /** Gain of a 2:1 decimation for a sine at {@code f} (fraction of the high rate), in dB. */
  private static double decimate(double[] coefficients, double f) {
    Halfband h = new Halfband(coefficients);
    double[] in = new double[4 * N];
    for (int i = 0; i < in.length; i++) {
      in[i] = Math.sin(2 * Math.PI * f * i);
    }
    double[] out = new double[2 * N];
    h.downsample(in, 2 * N, out);
    float[] tail = new float[N];
    for (int i = 0; i < N; i++) {
      tail[i] = (float) out[N + i];
    }
    double low = 2 * f <= 0.5 ? 2 * f : 1 - 2 * f; // where it lands at the low rate
    double magnitude = Signals.magnitude(Signals.hann(tail), low, 1) * 4;
    return 20 * Math.log10(magnitude);
  }

  @ParameterizedTest
  @CsvSource({"0.04", "0.10", "0.17"})
  void passBandIsFlatAndStopBandIsOneHundredDecibelsDown(double width) {
    double[] c = Halfband.design(100, width);
    double worstPass = 0;
    double worstStop = -400;
    for (int i = 0; i <= 20; i++) {
      double pass = (0.25 - width) * i / 20 + 0.001;
      double stop = 0.25 + width + (0.249 - width) * i / 20;
      worstPass = Math.max(worstPass, Math.abs(decimate(c, pass)));
      worstStop = Math.max(worstStop, decimate(c, stop));
    }
    System.out.printf("half-band width %.2f: %d all-passes, pass-band error %.4f dB, stop band %.1f dB%n",
        width, c.length, worstPass, worstStop);
    assertEquals(0, worstPass, 0.01);
    assertTrue(worstStop < -95, "stop band " + worstStop);
  }
}

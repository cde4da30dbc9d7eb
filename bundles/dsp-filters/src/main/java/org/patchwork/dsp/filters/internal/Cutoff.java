package org.patchwork.dsp.filters.internal;

import org.patchwork.sdk.module.ParameterDescriptor;

/** What the filters share: the cutoff parameter, its 1 V/oct CV, and the limits on both. */
final class Cutoff {

  static final ParameterDescriptor PARAMETER =
      ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 1000, "Hz");

  private static final double LN2 = Math.log(2);
  private static final double LOWEST = 5;
  /** tan(π·0.49) ≈ 32: far enough below the pole at Nyquist to stay well conditioned. */
  private static final double HIGHEST_FRACTION = 0.49;

  /** Below this a state is 400 dB down: flushed to zero so it never decays into denormals. */
  static final double TINY = 1e-20;

  private Cutoff() {
  }

  /**
   * The bilinear transform's prewarped integrator gain {@code g = tan(π·fc/fs)} for
   * {@code fc = cutoff·2^cv}, with fc limited to 5 Hz .. 0.49·fs (NaN gives the lowest).
   */
  static double gain(double cutoff, double cv, double sampleRate) {
    double fc = cutoff * Math.exp(cv * LN2);
    double highest = HIGHEST_FRACTION * sampleRate;
    if (!(fc >= LOWEST)) {
      fc = LOWEST;
    } else if (fc > highest) {
      fc = highest;
    }
    return Math.tan(Math.PI * fc / sampleRate);
  }

  /** {@code x}, or 0 when it is too small to hear and would otherwise become denormal. */
  static double flush(double x) {
    return x > -TINY && x < TINY ? 0 : x;
  }
}

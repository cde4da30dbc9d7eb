package org.patchwork.controllers;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A module parameter's range, for scaling a control's 0..1 onto the parameter.
 *
 * @param min the value at a control's bottom
 * @param max the value at its top
 */
@ProviderType
public record ParameterRange(double min, double max) {

  /** 0..1, what an unknown parameter is taken to span. */
  public static final ParameterRange UNIT = new ParameterRange(0, 1);

  /** Checks that both ends are finite and distinct. */
  public ParameterRange {
    if (!Double.isFinite(min) || !Double.isFinite(max) || min == max) {
      throw new IllegalArgumentException("a parameter range needs two distinct finite ends: " + min + ".." + max);
    }
  }

  /** {@code min + x·(max − min)} for {@code x} in 0..1. */
  public double at(double x) {
    return min + Math.max(0, Math.min(1, x)) * (max - min);
  }

  /** Where {@code value} lies in the range, 0..1. */
  public double fraction(double value) {
    return Math.max(0, Math.min(1, (value - min) / (max - min)));
  }
}

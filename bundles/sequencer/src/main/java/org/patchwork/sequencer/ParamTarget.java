package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A module parameter that a tracker value drives, written {@code "node.param"}, with the
 * parameter values the tracker's range maps onto linearly: for a track's volume 0..1 goes to
 * {@code min..max}; for pan -1..1; for sample offset 0..1; for a parameter slot the command's
 * {@code 00..FF}.
 *
 * <pre>{@code
 * ParamTarget cutoff = new ParamTarget("filter", "cutoff", 200, 8000);   // "filter.cutoff"
 * }</pre>
 *
 * @param node the node id in the project's graph
 * @param parameter the parameter id in that node's module descriptor
 * @param min the parameter value at the low end of the tracker's range
 * @param max the parameter value at the high end (may be below {@code min} to invert)
 */
@ProviderType
public record ParamTarget(String node, String parameter, double min, double max) {

  /** Checks the names and that the range is finite. */
  public ParamTarget {
    if (node == null || node.isBlank() || node.contains(".")) {
      throw new IllegalArgumentException("a parameter target needs a node id without dots: " + node);
    }
    if (parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("a parameter target needs a parameter id");
    }
    Checks.range("min of " + node + "." + parameter, min, -Double.MAX_VALUE, Double.MAX_VALUE);
    Checks.range("max of " + node + "." + parameter, max, -Double.MAX_VALUE, Double.MAX_VALUE);
  }

  /**
   * Parses {@code "node.param"}.
   *
   * @throws IllegalArgumentException without a dot
   */
  public static ParamTarget parse(String target, double min, double max) {
    int dot = target == null ? -1 : target.indexOf('.');
    if (dot <= 0 || dot == target.length() - 1) {
      throw new IllegalArgumentException("a parameter target is written node.param: " + target);
    }
    return new ParamTarget(target.substring(0, dot), target.substring(dot + 1), min, max);
  }

  /** {@code min + fraction · (max − min)}. */
  public double at(double fraction) {
    return min + fraction * (max - min);
  }

  /** {@code "node.param"}. */
  public String id() {
    return node + "." + parameter;
  }
}

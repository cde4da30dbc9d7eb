package org.patchwork.project;

import java.util.Arrays;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A parameter's curve, sampled every {@code step} beats from {@code start}. In JSON the values
 * are packed (32-bit floats, little-endian, deflated, base64) or, for diffing, a plain array:
 * {@link ProjectFormat.Write#PLAIN_AUTOMATION}. Both are read.
 *
 * @param node the node id
 * @param parameter the parameter id
 * @param start the beat of the first value
 * @param step beats between values
 * @param values the curve; not copied on access, do not change it
 */
@ProviderType
public record AutomationLane(
    @Field(doc = "The node id.", pattern = "\\S") String node,
    @Field(doc = "The parameter id.", pattern = "\\S") String parameter,
    @Field(doc = "Beat of the first value.", min = 0, max = 1e7) double start,
    @Field(doc = "Beats between values.", min = 0, exclusiveMin = true, max = 1e4) double step,
    @Field(doc = "The values: an array of numbers, or base64 of the deflated little-endian 32-bit floats.")
    float[] values) {

  /** Copies the values. */
  public AutomationLane {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(parameter, "parameter");
    values = values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AutomationLane l && node.equals(l.node) && parameter.equals(l.parameter)
        && Double.compare(start, l.start) == 0 && Double.compare(step, l.step) == 0
        && Arrays.equals(values, l.values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(node, parameter, start, step) * 31 + Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    return "AutomationLane[" + node + "." + parameter + ", start=" + start + ", step=" + step + ", "
        + values.length + " values]";
  }
}

package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * Automation of one module parameter along the song: points at song positions, each with the
 * shape of the segment that leaves it. Positions count lines through the order list as laid out
 * (order 0's pattern first, then order 1's, ...), so {@code 64.5} is half way through line 0 of
 * order 1 when order 0 plays a 64-line pattern. Jumps and loops replay the envelope of the lines
 * they play. Before the first point the value is the first point's, after the last the last's.
 *
 * <pre>{@code
 * new Envelope("filter", "cutoff", List.of(
 *     new Envelope.Point(BigDecimal.ZERO, 200, Envelope.Curve.EXPONENTIAL, 0),
 *     new Envelope.Point(BigDecimal.valueOf(64), 4000, Envelope.Curve.STEP, 0)));
 * }</pre>
 *
 * @param node the node id in the project's graph
 * @param parameter the parameter id of its module
 * @param points in increasing position, at least one
 */
@ProviderType
public record Envelope(String node, String parameter, List<Point> points) {

  /** How a segment goes from its point's value to the next point's. */
  @ProviderType
  public enum Curve {
    /** Holds the value until the next point, then jumps. */
    STEP,
    /** A straight line. */
    LINEAR,
    /**
     * Constant ratio per line ({@code a·(b/a)^t}), natural for frequencies and gains; both values
     * must have the same sign and not be 0, else it is linear.
     */
    EXPONENTIAL,
    /**
     * Bent by {@link Point#curvature()} {@code k}: {@code a + (b−a)·(e^{kt}−1)/(e^k−1)};
     * {@code k > 0} starts slow, {@code k < 0} starts fast, 0 is linear.
     */
    CURVED
  }

  /**
   * A point of the envelope.
   *
   * @param position song lines from the start of order 0 (decimal, exact), at least 0
   * @param value the parameter's value there
   * @param curve the shape of the segment to the next point
   * @param curvature for {@link Curve#CURVED}, -50..50
   */
  @ProviderType
  public record Point(BigDecimal position, double value, Curve curve, double curvature) {

    /** Checks the values. */
    public Point {
      position = Checks.decimal("point position", position, "0", "100000000", false);
      Checks.range("point value", value, -Double.MAX_VALUE, Double.MAX_VALUE);
      Objects.requireNonNull(curve, "point curve");
      Checks.range("curvature", curvature, -50, 50);
    }

    /** A point with a linear segment after it. */
    public static Point linear(double position, double value) {
      return new Point(BigDecimal.valueOf(position), value, Curve.LINEAR, 0);
    }
  }

  /** Checks the target and the order of the points. */
  public Envelope {
    if (node == null || node.isBlank() || parameter == null || parameter.isBlank()) {
      throw new IllegalArgumentException("an envelope needs a node and a parameter");
    }
    points = List.copyOf(points);
    if (points.isEmpty()) {
      throw new IllegalArgumentException("envelope " + node + "." + parameter + " needs at least one point");
    }
    for (int i = 1; i < points.size(); i++) {
      if (points.get(i).position().compareTo(points.get(i - 1).position()) < 0) {
        throw new IllegalArgumentException("envelope " + node + "." + parameter + ": point " + i
            + " comes before point " + (i - 1));
      }
    }
  }

  /** {@code "node.param"}. */
  public String target() {
    return node + "." + parameter;
  }

  /** The value at song position {@code lines} (see the class comment). */
  public double valueAt(double lines) {
    Point first = points.getFirst();
    if (lines <= first.position().doubleValue()) {
      return first.value();
    }
    for (int i = 0; i < points.size() - 1; i++) {
      Point a = points.get(i);
      Point b = points.get(i + 1);
      double pa = a.position().doubleValue();
      double pb = b.position().doubleValue();
      if (lines < pb) {
        double t = pb == pa ? 1 : (lines - pa) / (pb - pa);
        return shape(a, b.value(), t);
      }
    }
    return points.getLast().value();
  }

  private static double shape(Point a, double b, double t) {
    double va = a.value();
    return switch (a.curve()) {
      case STEP -> va;
      case LINEAR -> va + (b - va) * t;
      case EXPONENTIAL -> va != 0 && b != 0 && Math.signum(va) == Math.signum(b)
          ? va * Math.pow(b / va, t) : va + (b - va) * t;
      case CURVED -> a.curvature() == 0 ? va + (b - va) * t
          : va + (b - va) * Math.expm1(a.curvature() * t) / Math.expm1(a.curvature());
    };
  }
}

package org.patchwork.ui.automation.internal;

import java.util.List;
import org.patchwork.sequencer.Envelope;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * Where a lane's values and points are on the canvas: x from the {@link TimeAxis}, y from the
 * parameter's {@link ValueScale} over the plot's height (the top is the parameter's maximum),
 * and hit testing of points and segments. Plain Java.
 *
 * @param axis the time axis (x)
 * @param top the plot's first pixel row
 * @param height the plot's height in pixels
 * @param scale the parameter's scale
 */
record LaneGeometry(TimeAxis axis, int top, int height, ValueScale scale) {

  /** The pixel row of {@code value}. */
  double yOf(double value) {
    return top + (1 - scale.position(value)) * height;
  }

  /** The value at pixel row {@code y}: within the scale's range, whole steps when it is stepped. */
  double valueAt(double y) {
    return scale.value(1 - (y - top) / Math.max(1, height));
  }

  /** The pixel of a point. */
  double[] pixel(Envelope.Point p) {
    return new double[] {axis.xOf(p.position().doubleValue()), yOf(p.value())};
  }

  /** The index of the point nearest to {@code (x, y)} within {@code radius} pixels, or -1. */
  int pointAt(Envelope e, double x, double y, double radius) {
    int best = -1;
    double bestDistance = radius * radius;
    List<Envelope.Point> points = e.points();
    for (int i = 0; i < points.size(); i++) {
      double[] p = pixel(points.get(i));
      double d = (p[0] - x) * (p[0] - x) + (p[1] - y) * (p[1] - y);
      if (d <= bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  /**
   * The point whose outgoing segment lies under {@code x} (the last point at or before it), or
   * -1 before the first point and after the last, where there is no segment to shape.
   */
  int segmentAt(Envelope e, double x) {
    double at = axis.linesAt(x);
    List<Envelope.Point> points = e.points();
    if (points.size() < 2 || at < points.getFirst().position().doubleValue()
        || at >= points.getLast().position().doubleValue()) {
      return -1;
    }
    int i = 0;
    while (i + 1 < points.size() && points.get(i + 1).position().doubleValue() <= at) {
      i++;
    }
    return i;
  }
}

package org.patchwork.ui.automation.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.sequencer.Envelope;

/**
 * Point editing on immutable envelopes: insert, move, remove, and a segment's curve. Each returns
 * a new envelope whose points stay in position order (what {@link Envelope} demands): a new
 * point goes after those at or before its position, and a moved point stays between its
 * neighbours, so no gesture can reorder the points under the user's hand.
 */
final class EnvelopeEdits {

  /** Positions a free (unsnapped) point may take: thousandths of a line. */
  static final int FREE_DECIMALS = 3;

  /** An envelope with the index of the point just inserted. */
  record Inserted(Envelope envelope, int index) {
  }

  private EnvelopeEdits() {
  }

  /**
   * A song position from a pointer position in lines: whole lines, or thousandths when
   * {@code free}; never before the song's start.
   */
  static BigDecimal snap(double lines, boolean free) {
    // Envelope.Point keeps decimals in their shortest form, so 12.500 and 12.5 are one position.
    return BigDecimal.valueOf(Math.max(0, lines)).setScale(free ? FREE_DECIMALS : 0, RoundingMode.HALF_EVEN);
  }

  /**
   * {@code e} with a point at {@code position} of {@code value}. It takes the curve of the
   * segment it splits (so a stepped lane stays stepped), or linear before the first point.
   */
  static Inserted insert(Envelope e, BigDecimal position, double value) {
    List<Envelope.Point> points = new ArrayList<>(e.points());
    int at = 0;
    while (at < points.size() && points.get(at).position().compareTo(position) <= 0) {
      at++;
    }
    Envelope.Point before = at > 0 ? points.get(at - 1) : null;
    Envelope.Curve curve = before == null ? Envelope.Curve.LINEAR : before.curve();
    double curvature = before == null ? 0 : before.curvature();
    points.add(at, new Envelope.Point(position, value, curve, curvature));
    return new Inserted(new Envelope(e.node(), e.parameter(), points), at);
  }

  /**
   * {@code e} with point {@code index} at {@code position} (kept between its neighbours) and
   * {@code value}; its curve stays.
   */
  static Envelope move(Envelope e, int index, BigDecimal position, double value) {
    List<Envelope.Point> points = new ArrayList<>(e.points());
    Envelope.Point p = points.get(index);
    BigDecimal at = position.max(BigDecimal.ZERO);
    if (index > 0) {
      at = at.max(points.get(index - 1).position());
    }
    if (index < points.size() - 1) {
      at = at.min(points.get(index + 1).position());
    }
    points.set(index, new Envelope.Point(at, value, p.curve(), p.curvature()));
    return new Envelope(e.node(), e.parameter(), points);
  }

  /** {@code e} without point {@code index}, or null if it was the only one (the lane goes). */
  static Envelope remove(Envelope e, int index) {
    if (e.points().size() == 1) {
      return null;
    }
    List<Envelope.Point> points = new ArrayList<>(e.points());
    points.remove(index);
    return new Envelope(e.node(), e.parameter(), points);
  }

  /** {@code e} with the segment leaving point {@code index} shaped by {@code curve}. */
  static Envelope curve(Envelope e, int index, Envelope.Curve curve, double curvature) {
    List<Envelope.Point> points = new ArrayList<>(e.points());
    Envelope.Point p = points.get(index);
    points.set(index, new Envelope.Point(p.position(), p.value(), curve, curve == Envelope.Curve.CURVED ? curvature : 0));
    return new Envelope(e.node(), e.parameter(), points);
  }
}

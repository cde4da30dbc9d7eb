package org.patchwork.sequencer.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.SongEvent;

/**
 * Turns automation envelopes into parameter events line by line: a value on a grid of every
 * {@code interval} frames while the envelope moves, plus one at the exact frame of every point
 * (so steps land on their frame), each sent only when it differs from the last one sent. The
 * engine then applies each value at its frame with the parameter's own smoothing, exactly as
 * for a live change.
 */
final class Automator {

  private final int interval;
  private List<Envelope> envelopes = List.of();
  private double[] sent = new double[0];

  Automator(int interval) {
    this.interval = interval;
  }

  /** Follows a new list of envelopes; values of kept targets are not sent again. */
  void envelopes(List<Envelope> next) {
    if (next.equals(envelopes)) {
      return;
    }
    double[] values = new double[next.size()];
    Arrays.fill(values, Double.NaN);
    for (int i = 0; i < next.size(); i++) {
      for (int j = 0; j < envelopes.size(); j++) {
        if (envelopes.get(j).target().equals(next.get(i).target())) {
          values[i] = sent[j];
        }
      }
    }
    envelopes = next;
    sent = values;
  }

  /** Forgets what was sent, so the next line sends every value (after a chase or a restart). */
  void forget() {
    Arrays.fill(sent, Double.NaN);
  }

  /**
   * Emits the events of one line: it starts at the exact frame {@code start}, lasts
   * {@code duration} frames and sits at position {@code layoutLine} of the envelope coordinate.
   */
  void line(Emitter p, Rational start, Rational duration, long layoutLine) {
    if (envelopes.isEmpty()) {
      return;
    }
    Rational end = start.add(duration);
    long first = start.ceil();
    long stop = end.ceil();
    for (int e = 0; e < envelopes.size(); e++) {
      Envelope env = envelopes.get(e);
      // Candidate frames with their exact envelope positions, in frame order.
      List<long[]> frames = new ArrayList<>();
      List<Double> positions = new ArrayList<>();
      if (Double.isNaN(sent[e])) {
        frames.add(new long[] {p.frameAt(Rational.ZERO)});
        positions.add((double) layoutLine);
      }
      for (Envelope.Point point : env.points()) {
        BigDecimal offset = point.position().subtract(BigDecimal.valueOf(layoutLine));
        if (offset.signum() >= 0 && offset.compareTo(BigDecimal.ONE) < 0) {
          frames.add(new long[] {p.frameAt(Rational.of(offset))});
          positions.add(point.position().doubleValue());
        }
      }
      if (moves(env, layoutLine)) {
        long g = Math.floorDiv(first + interval - 1, interval) * interval;
        for (; g < stop; g += interval) {
          Rational fraction = Rational.of(g).subtract(start).divide(duration);
          frames.add(new long[] {g});
          positions.add(layoutLine + fraction.doubleValue());
        }
      }
      Integer[] order = new Integer[frames.size()];
      for (int i = 0; i < order.length; i++) {
        order[i] = i;
      }
      Arrays.sort(order, (a, b) -> Long.compare(frames.get(a)[0], frames.get(b)[0]));
      for (int i : order) {
        double v = env.valueAt(positions.get(i));
        if (v != sent[e]) {
          sent[e] = v;
          p.emit(new SongEvent(frames.get(i)[0], SongEvent.Kind.PARAMETER, -1, "", -1, -1, v, env.node(),
              env.parameter()));
        }
      }
    }
  }

  /** Whether the envelope changes anywhere within the line at {@code layoutLine} (not counting steps). */
  private static boolean moves(Envelope env, long layoutLine) {
    List<Envelope.Point> points = env.points();
    for (int i = 0; i < points.size() - 1; i++) {
      Envelope.Point a = points.get(i);
      Envelope.Point b = points.get(i + 1);
      boolean overlaps = a.position().compareTo(BigDecimal.valueOf(layoutLine + 1)) < 0
          && b.position().compareTo(BigDecimal.valueOf(layoutLine)) > 0;
      if (overlaps && a.curve() != Envelope.Curve.STEP && a.value() != b.value()) {
        return true;
      }
    }
    return false;
  }
}

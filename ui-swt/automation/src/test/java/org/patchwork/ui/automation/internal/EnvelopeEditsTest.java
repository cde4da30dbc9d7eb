package org.patchwork.ui.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sequencer.Envelope;
import org.patchwork.ui.shell.widgets.ValueScale;

class EnvelopeEditsTest {

  private static final Envelope RAMP = new Envelope("lead", "cutoff", List.of(
      new Envelope.Point(BigDecimal.ZERO, 200, Envelope.Curve.EXPONENTIAL, 0),
      new Envelope.Point(BigDecimal.valueOf(32), 4000, Envelope.Curve.STEP, 0),
      new Envelope.Point(BigDecimal.valueOf(48), 1000, Envelope.Curve.LINEAR, 0)));

  @Test
  void anInsertedPointLandsInOrderAndTakesTheCurveOfTheSegmentItSplits() {
    EnvelopeEdits.Inserted in = EnvelopeEdits.insert(RAMP, new BigDecimal("40"), 2500);
    assertEquals(2, in.index());
    assertSorted(in.envelope());
    assertEquals(4, in.envelope().points().size());
    assertEquals(Envelope.Curve.STEP, in.envelope().points().get(2).curve());
    assertEquals(2500, in.envelope().points().get(2).value());
    EnvelopeEdits.Inserted last = EnvelopeEdits.insert(RAMP, new BigDecimal("60"), 300);
    assertEquals(3, last.index());
    EnvelopeEdits.Inserted same = EnvelopeEdits.insert(RAMP, new BigDecimal("32"), 100);
    assertEquals(2, same.index(), "at an existing position it goes after it");
    assertSorted(same.envelope());
  }

  @Test
  void aMovedPointStaysBetweenItsNeighboursSoTheEnvelopeStaysSorted() {
    Envelope moved = EnvelopeEdits.move(RAMP, 1, new BigDecimal("100"), 500);
    assertEquals(0, new BigDecimal("48").compareTo(moved.points().get(1).position()), "stopped at the next point");
    assertEquals(500, moved.points().get(1).value());
    assertEquals(Envelope.Curve.STEP, moved.points().get(1).curve(), "its curve stays");
    assertSorted(moved);
    Envelope back = EnvelopeEdits.move(RAMP, 1, new BigDecimal("-3"), 500);
    assertEquals(0, BigDecimal.ZERO.compareTo(back.points().get(1).position()), "stopped at the previous point");
    assertSorted(back);
  }

  @Test
  void aPointDraggedToAPixelLandsAtThatLineAndValue() {
    TimeAxis axis = new TimeAxis();
    axis.fit(64, 640);
    ParameterDescriptor cutoff = ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 800, "Hz");
    LaneGeometry g = new LaneGeometry(axis, 10, 300, ValueScale.of(cutoff));
    Lane lane = new Lane(RAMP, cutoff);
    // A drag of point 1 to x = 403 (line 40.3, snapped to 40) and y = 160 (the geometric middle).
    Envelope e = EnvelopeEdits.move(RAMP, 1, EnvelopeEdits.snap(axis.linesAt(403), false), lane.clamp(g.valueAt(160)));
    assertEquals(0, new BigDecimal("40").compareTo(e.points().get(1).position()));
    assertEquals(Math.sqrt(20 * 20000), e.points().get(1).value(), 1e-6);
    assertEquals(160, g.yOf(e.points().get(1).value()), 1e-9);
    // With Shift, thousandths of a line.
    Envelope free = EnvelopeEdits.move(RAMP, 1, EnvelopeEdits.snap(axis.linesAt(403), true), 4000);
    assertEquals(0, new BigDecimal("40.3").compareTo(free.points().get(1).position()));
    assertEquals(4000, free.valueAt(40.3), "the curve plays the moved point from its position");
  }

  @Test
  void valuesOutsideTheRangeAreClampedAndSteppedOnesRounded() {
    Lane lane = new Lane(RAMP, ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 800, "Hz"));
    assertEquals(20000, lane.clamp(1e6));
    assertEquals(20, lane.clamp(-5));
    Lane wave = new Lane(new Envelope("lead", "wave", List.of(Envelope.Point.linear(0, 0))),
        ParameterDescriptor.choice("wave", "Wave", 0, "Saw", "Square"));
    assertEquals(1, wave.clamp(0.7));
  }

  @Test
  void removingAPointKeepsTheOthersAndRemovingTheLastOneRemovesTheLane() {
    Envelope e = EnvelopeEdits.remove(RAMP, 1);
    assertEquals(List.of(RAMP.points().get(0), RAMP.points().get(2)), e.points());
    Envelope one = new Envelope("lead", "cutoff", List.of(Envelope.Point.linear(0, 1)));
    assertNull(EnvelopeEdits.remove(one, 0));
  }

  @Test
  void aSegmentsCurveChangesAndOnlyACurvedOneKeepsItsCurvature() {
    Envelope curved = EnvelopeEdits.curve(RAMP, 0, Envelope.Curve.CURVED, -4);
    assertEquals(Envelope.Curve.CURVED, curved.points().get(0).curve());
    assertEquals(-4, curved.points().get(0).curvature());
    // A fast start: past the linear line at a quarter of the way.
    double linear = 200 + (4000 - 200) * 0.25;
    assertTrue(curved.valueAt(8) > linear, curved.valueAt(8) + " > " + linear);
    Envelope step = EnvelopeEdits.curve(curved, 0, Envelope.Curve.STEP, -4);
    assertEquals(0, step.points().get(0).curvature());
    assertEquals(200, step.valueAt(31.9));
  }

  @Test
  void positionsSnapToWholeLinesOrToThousandthsAndNeverBeforeTheStart() {
    assertEquals(0, new BigDecimal("12").compareTo(EnvelopeEdits.snap(12.49, false)));
    assertEquals(0, new BigDecimal("13").compareTo(EnvelopeEdits.snap(12.5001, false)));
    assertEquals(0, new BigDecimal("12.346").compareTo(EnvelopeEdits.snap(12.34567, true)));
    assertEquals(0, BigDecimal.ZERO.compareTo(EnvelopeEdits.snap(-3.2, true)));
  }

  private static void assertSorted(Envelope e) {
    for (int i = 1; i < e.points().size(); i++) {
      assertEquals(true, e.points().get(i - 1).position().compareTo(e.points().get(i).position()) <= 0, "sorted at " + i);
    }
  }
}

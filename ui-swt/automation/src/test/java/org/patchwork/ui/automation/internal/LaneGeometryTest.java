package org.patchwork.ui.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sequencer.Envelope;
import org.patchwork.ui.shell.widgets.ValueScale;

class LaneGeometryTest {

  private static final ParameterDescriptor CUTOFF = ParameterDescriptor.of("cutoff", "Cutoff", 20, 20000, 800, "Hz");
  private static final ParameterDescriptor LEVEL = ParameterDescriptor.of("level", "Level", 0, 1, 0.5, "");
  private static final ParameterDescriptor WAVE = ParameterDescriptor.choice("wave", "Wave", 0, "Saw", "Square", "Pulse");

  private static LaneGeometry geometry(ParameterDescriptor p, double lines, int width) {
    TimeAxis axis = new TimeAxis();
    axis.fit(lines, width);
    return new LaneGeometry(axis, 20, 200, ValueScale.of(p));
  }

  @Test
  void pixelToValueToPixelRoundTripsOnLinearAndLogarithmicScales() {
    for (ParameterDescriptor p : List.of(CUTOFF, LEVEL)) {
      LaneGeometry g = geometry(p, 64, 640);
      for (int y = 20; y <= 220; y += 7) {
        assertEquals(y, g.yOf(g.valueAt(y)), 1e-6, p.id() + " at y " + y);
      }
    }
  }

  @Test
  void theTopIsTheMaximumAndTheBottomTheMinimumAndOutsideIsClamped() {
    LaneGeometry g = geometry(CUTOFF, 64, 640);
    assertEquals(20000, g.valueAt(20), 1e-6);
    assertEquals(20, g.valueAt(220), 1e-9);
    assertEquals(20000, g.valueAt(-500), 1e-6);
    assertEquals(20, g.valueAt(900), 1e-9);
    assertEquals(120, g.yOf(Math.sqrt(20 * 20000)), 1e-6, "the middle of a logarithmic lane is the geometric mean");
    LaneGeometry lin = geometry(LEVEL, 64, 640);
    assertEquals(120, lin.yOf(0.5), 1e-9);
  }

  @Test
  void aSteppedLaneReadsWholeStepsOnly() {
    LaneGeometry g = geometry(WAVE, 64, 640);
    for (int y = 20; y <= 220; y++) {
      double v = g.valueAt(y);
      assertEquals(Math.rint(v), v, 0, "y " + y);
    }
    assertEquals(1, g.valueAt(g.yOf(1) + 30), 0, "anywhere near a step reads that step");
  }

  @Test
  void pixelToPositionToPixelRoundTripsWhenZoomed() {
    TimeAxis axis = new TimeAxis();
    axis.fit(192, 960);
    assertEquals(5, axis.xOf(1), 1e-9);
    axis.zoom(7.5, 300);
    for (int x = 0; x <= 960; x += 31) {
      assertEquals(x, axis.xOf(axis.linesAt(x)), 1e-6);
    }
    double under = axis.linesAt(123);
    axis.zoom(3, 123);
    assertEquals(under, axis.linesAt(123), 1e-9, "zoom keeps the line under the pointer");
    axis.zoom(1e9, 0);
    assertEquals(1 / TimeAxis.MAX_PIXELS_PER_LINE, axis.linesPerPixel(), 1e-12);
    axis.zoom(1e-9, 0);
    assertTrue(axis.isWhole());
  }

  @Test
  void aPointIsHitWithinItsRadiusAndTheNearestWins() {
    LaneGeometry g = geometry(LEVEL, 64, 640);
    Envelope e = new Envelope("osc", "level", List.of(Envelope.Point.linear(0, 0), Envelope.Point.linear(10, 1),
        Envelope.Point.linear(11, 1)));
    // Point 1 is at (100, 20), point 2 at (110, 20).
    assertEquals(1, g.pointAt(e, 103, 22, 6));
    assertEquals(2, g.pointAt(e, 107, 20, 6));
    assertEquals(-1, g.pointAt(e, 100, 40, 6), "20 pixels below is a miss");
    assertEquals(0, g.pointAt(e, 0, 218, 6));
  }

  @Test
  void theSegmentUnderThePointerBelongsToThePointBeforeIt() {
    LaneGeometry g = geometry(LEVEL, 64, 640);
    Envelope e = new Envelope("osc", "level", List.of(Envelope.Point.linear(8, 0), Envelope.Point.linear(16, 1),
        Envelope.Point.linear(32, 0.5)));
    assertEquals(-1, g.segmentAt(e, 40), "before the first point");
    assertEquals(0, g.segmentAt(e, 80));
    assertEquals(0, g.segmentAt(e, 159));
    assertEquals(1, g.segmentAt(e, 160));
    assertEquals(1, g.segmentAt(e, 319));
    assertEquals(-1, g.segmentAt(e, 330), "after the last point");
  }
}

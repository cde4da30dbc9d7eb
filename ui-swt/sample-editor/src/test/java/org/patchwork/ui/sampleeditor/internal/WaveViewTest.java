package org.patchwork.ui.sampleeditor.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WaveViewTest {

  @Test
  void fitShowsEveryFrameAcrossTheWidth() {
    WaveView v = new WaveView();
    v.fit(48_000, 800);
    assertEquals(0, v.frameAt(0), 0);
    assertEquals(48_000, v.frameAt(800), 1e-9);
    assertEquals(60, v.framesPerPixel(), 1e-12);
    assertTrue(v.isWhole());
  }

  @Test
  void pixelToFrameToPixelRoundTripsAtAnyZoom() {
    WaveView v = new WaveView();
    v.fit(100_000, 1000);
    for (double factor : new double[] {1, 3.7, 50, 3000}) {
      v.zoom(factor, 333);
      for (int x = 0; x <= 1000; x += 37) {
        assertEquals(x, v.xOf(v.frameAt(x)), 1e-6, "zoom " + factor + " x " + x);
      }
    }
  }

  @Test
  void zoomKeepsTheFrameUnderThePointerAndStaysWithinItsLimits() {
    WaveView v = new WaveView();
    v.fit(100_000, 1000);
    double under = v.frameAt(250);
    v.zoom(4, 250);
    assertEquals(under, v.frameAt(250), 1e-6);
    assertEquals(25, v.framesPerPixel(), 1e-9);
    assertFalse(v.isWhole());
    v.zoom(1e9, 250);
    assertEquals(1 / WaveView.MAX_PIXELS_PER_FRAME, v.framesPerPixel(), 1e-12, "at most 32 pixels a frame");
    v.zoom(1e-9, 250);
    assertTrue(v.isWhole(), "zooming out stops at the whole sample");
    assertEquals(0, v.start(), 0);
  }

  @Test
  void scrollingStaysWithinTheSample() {
    WaveView v = new WaveView();
    v.fit(10_000, 100);
    v.zoom(10, 0);
    v.scrollTo(1e9);
    assertEquals(10_000, v.frameAt(100), 1e-9);
    v.scrollTo(-5);
    assertEquals(0, v.frameAt(0), 0);
  }

  @Test
  void eachColumnHoldsTheMinAndMaxOfItsFrames() {
    float[] data = Signals.sine(10_000, 1234, 0.8);
    WaveView v = new WaveView();
    v.fit(data.length, 97);
    float[] min = new float[97];
    float[] max = new float[97];
    v.columns(data, min, max);
    for (int x = 0; x < 97; x++) {
      int a = (int) Math.floor(v.frameAt(x));
      int b = Math.min(data.length - 1, (int) Math.floor(v.frameAt(x + 1)));
      float lo = Float.MAX_VALUE;
      float hi = -Float.MAX_VALUE;
      for (int i = a; i <= b; i++) {
        lo = Math.min(lo, data[i]);
        hi = Math.max(hi, data[i]);
      }
      assertEquals(lo, min[x], 0f, "column " + x);
      assertEquals(hi, max[x], 0f, "column " + x);
    }
  }

  @Test
  void zoomedInColumnsShareTheirEdgeFrameSoTheTraceHasNoGaps() {
    float[] data = {0f, 1f, -1f};
    WaveView v = new WaveView();
    v.fit(3, 40);
    v.zoom(1e9, 0);
    assertEquals(1 / WaveView.MAX_PIXELS_PER_FRAME, v.framesPerPixel(), 0);
    float[] min = new float[40];
    float[] max = new float[40];
    v.columns(data, min, max);
    assertEquals(0f, min[0], 0f);
    assertEquals(0f, max[0], 0f, "inside frame 0 a column is just that frame");
    assertEquals(0f, min[31], 0f);
    assertEquals(1f, max[31], 0f, "the last column of frame 0 reaches frame 1");
    assertEquals(1f, min[32], 0f);
    assertEquals(1f, max[32], 0f);
  }

  @Test
  void columnsPastTheEndOfTheDataAreEmpty() {
    WaveView v = new WaveView();
    v.fit(10, 10);
    float[] min = new float[10];
    float[] max = new float[10];
    v.columns(new float[] {0.5f, 0.5f, 0.5f}, min, max);
    assertEquals(0.5f, max[1], 0f);
    assertTrue(Float.isNaN(min[3]) && Float.isNaN(max[9]));
  }

  @Test
  void loopMarkersAreHitNearTheirLinesAndDragWithinTheSample() {
    WaveView v = new WaveView();
    v.fit(1000, 1000);
    assertEquals(WaveView.Marker.START, v.markerAt(103, 100, 500, 5));
    assertEquals(WaveView.Marker.END, v.markerAt(497, 100, 500, 5));
    assertEquals(WaveView.Marker.NONE, v.markerAt(300, 100, 500, 5));
    assertArrayEquals(new int[] {250, 500}, v.dragLoop(WaveView.Marker.START, 250.4, 100, 500));
    assertArrayEquals(new int[] {498, 500}, v.dragLoop(WaveView.Marker.START, 900, 100, 500), "two frames at least");
    assertArrayEquals(new int[] {100, 1000}, v.dragLoop(WaveView.Marker.END, 5000, 100, 500), "not past the end");
    assertArrayEquals(new int[] {0, 500}, v.dragLoop(WaveView.Marker.START, -40, 100, 500));
  }

  @Test
  void keysAreNamedAsTheTrackerWritesThem() {
    assertEquals("C-4", Keys.name(60));
    assertEquals("A-4", Keys.name(69));
    assertEquals("F#2", Keys.name(42));
    assertEquals("G-9", Keys.name(127));
    assertEquals("C-(-1)", Keys.name(0));
    assertEquals("-6.0 dBFS", Keys.dbfs(0.5012));
  }
}

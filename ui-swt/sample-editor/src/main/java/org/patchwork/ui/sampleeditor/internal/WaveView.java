package org.patchwork.ui.sampleeditor.internal;

/**
 * What part of a sample the waveform shows and where: the frame at the left edge and the frames
 * per pixel column, with the mapping between pixels and frames, zooming about a pixel,
 * scrolling, min/max peaks per column and the loop markers' hit testing and dragging. Plain
 * Java, so the editing geometry is tested without a display.
 */
final class WaveView {

  /** Closest zoom: this many pixels per frame. */
  static final double MAX_PIXELS_PER_FRAME = 32;

  /** Which loop marker a pointer is on. */
  enum Marker { NONE, START, END }

  private int frames = 1;
  private int width = 1;
  private double start;
  private double framesPerPixel = 1;

  /** Shows all {@code frames} across {@code width} pixels. */
  void fit(int frames, int width) {
    this.frames = Math.max(1, frames);
    this.width = Math.max(1, width);
    start = 0;
    framesPerPixel = (double) this.frames / this.width;
  }

  /** A new sample length or view width: keeps the zoom unless the whole sample was shown. */
  void resize(int frames, int width) {
    boolean whole = isWhole();
    this.frames = Math.max(1, frames);
    this.width = Math.max(1, width);
    if (whole) {
      fit(this.frames, this.width);
    } else {
      framesPerPixel = Math.min(framesPerPixel, maxFramesPerPixel());
      clampStart();
    }
  }

  /** Whether the whole sample is in view. */
  boolean isWhole() {
    return start <= 0 && framesPerPixel * width >= frames - 1e-9;
  }

  int frames() {
    return frames;
  }

  int width() {
    return width;
  }

  double start() {
    return start;
  }

  double framesPerPixel() {
    return framesPerPixel;
  }

  /** The frame (fractional) under pixel column {@code x}. */
  double frameAt(double x) {
    return start + x * framesPerPixel;
  }

  /** The pixel column of {@code frame}. */
  double xOf(double frame) {
    return (frame - start) / framesPerPixel;
  }

  /** The whole frame under {@code x}, within {@code [0, frames]}: where a selection edge goes. */
  int snap(double x) {
    return (int) Math.max(0, Math.min(frames, Math.round(frameAt(x))));
  }

  /**
   * Zooms by {@code factor} (above 1 closer) keeping the frame under {@code anchorX} in place;
   * from the whole sample to {@link #MAX_PIXELS_PER_FRAME} pixels per frame.
   */
  void zoom(double factor, double anchorX) {
    double anchor = frameAt(anchorX);
    framesPerPixel = Math.max(1 / MAX_PIXELS_PER_FRAME, Math.min(maxFramesPerPixel(), framesPerPixel / factor));
    start = anchor - anchorX * framesPerPixel;
    clampStart();
  }

  /** Moves the left edge to {@code frame}, kept within the sample. */
  void scrollTo(double frame) {
    start = frame;
    clampStart();
  }

  /** The total width of the zoomed sample in pixels, for the scroll bar. */
  int contentWidth() {
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(frames / framesPerPixel));
  }

  private double maxFramesPerPixel() {
    return Math.max((double) frames / width, 1 / MAX_PIXELS_PER_FRAME);
  }

  private void clampStart() {
    start = Math.max(0, Math.min(start, frames - framesPerPixel * width));
  }

  /**
   * The lowest and highest value of each column {@code x} of {@code data} into {@code min[x]},
   * {@code max[x]} (NaN past the end). A column covers the frames from its left edge to its right
   * edge inclusive, so neighbouring columns share a frame and the trace has no gaps when zoomed in.
   */
  void columns(float[] data, float[] min, float[] max) {
    int n = Math.min(width, Math.min(min.length, max.length));
    for (int x = 0; x < n; x++) {
      long f0 = (long) Math.floor(frameAt(x));
      long f1 = (long) Math.floor(frameAt(x + 1));
      if (f0 >= data.length || f1 < 0) {
        min[x] = Float.NaN;
        max[x] = Float.NaN;
        continue;
      }
      int a = (int) Math.max(0, f0);
      int b = (int) Math.min(data.length - 1, Math.max(f0, f1));
      float lo = data[a];
      float hi = lo;
      for (int i = a + 1; i <= b; i++) {
        float v = data[i];
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
      min[x] = lo;
      max[x] = hi;
    }
  }

  /** The marker within {@code tolerance} pixels of {@code x}, the nearer one if both are. */
  Marker markerAt(double x, int loopStart, int loopEnd, double tolerance) {
    double ds = Math.abs(xOf(loopStart) - x);
    double de = Math.abs(xOf(loopEnd) - x);
    if (ds > tolerance && de > tolerance) {
      return Marker.NONE;
    }
    return ds < de ? Marker.START : Marker.END;
  }

  /**
   * The loop {@code {start, end}} with {@code marker} moved to pixel {@code x}: whole frames,
   * inside the sample, and at least two frames long (the rule of a sampler loop).
   */
  int[] dragLoop(Marker marker, double x, int loopStart, int loopEnd) {
    int f = snap(x);
    if (marker == Marker.START) {
      return new int[] {Math.max(0, Math.min(f, loopEnd - 2)), loopEnd};
    }
    if (marker == Marker.END) {
      return new int[] {loopStart, Math.min(frames, Math.max(f, loopStart + 2))};
    }
    return new int[] {loopStart, loopEnd};
  }
}

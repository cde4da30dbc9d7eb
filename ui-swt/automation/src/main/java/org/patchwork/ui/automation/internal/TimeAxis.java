package org.patchwork.ui.automation.internal;

/**
 * The lane's horizontal axis: song lines (the envelope coordinate, through the order list as laid
 * out) to pixels and back, with zooming about a pixel and scrolling. Plain Java.
 */
final class TimeAxis {

  /** Closest zoom: this many pixels per line. */
  static final double MAX_PIXELS_PER_LINE = 96;

  private double lines = 1;
  private int width = 1;
  private double start;
  private double linesPerPixel = 1;

  /** Shows all {@code lines} across {@code width} pixels. */
  void fit(double lines, int width) {
    this.lines = Math.max(1, lines);
    this.width = Math.max(1, width);
    start = 0;
    linesPerPixel = this.lines / this.width;
  }

  /** A new song length or width: keeps the zoom unless the whole song was shown. */
  void resize(double lines, int width) {
    boolean whole = isWhole();
    this.lines = Math.max(1, lines);
    this.width = Math.max(1, width);
    if (whole) {
      fit(this.lines, this.width);
    } else {
      linesPerPixel = Math.min(linesPerPixel, maxLinesPerPixel());
      clampStart();
    }
  }

  boolean isWhole() {
    return start <= 0 && linesPerPixel * width >= lines - 1e-9;
  }

  double lines() {
    return lines;
  }

  double start() {
    return start;
  }

  double linesPerPixel() {
    return linesPerPixel;
  }

  /** The song position under pixel {@code x}. */
  double linesAt(double x) {
    return start + x * linesPerPixel;
  }

  /** The pixel of song position {@code position}. */
  double xOf(double position) {
    return (position - start) / linesPerPixel;
  }

  /** Zooms by {@code factor} (above 1 closer) keeping the position under {@code anchorX}. */
  void zoom(double factor, double anchorX) {
    double anchor = linesAt(anchorX);
    linesPerPixel = Math.max(1 / MAX_PIXELS_PER_LINE, Math.min(maxLinesPerPixel(), linesPerPixel / factor));
    start = anchor - anchorX * linesPerPixel;
    clampStart();
  }

  /** Moves the left edge to {@code position}, kept within the song. */
  void scrollTo(double position) {
    start = position;
    clampStart();
  }

  /** The zoomed song's width in pixels, for the scroll bar. */
  int contentWidth() {
    return (int) Math.min(Integer.MAX_VALUE / 2, Math.ceil(lines / linesPerPixel));
  }

  private double maxLinesPerPixel() {
    return Math.max(lines / width, 1 / MAX_PIXELS_PER_LINE);
  }

  private void clampStart() {
    start = Math.max(0, Math.min(start, lines - linesPerPixel * width));
  }
}

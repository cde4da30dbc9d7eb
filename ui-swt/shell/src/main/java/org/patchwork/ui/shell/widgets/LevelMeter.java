package org.patchwork.ui.shell.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.ui.shell.Levels;
import org.patchwork.ui.shell.Theme;

/**
 * A stereo peak and RMS meter from -60 to +6 dBFS: the peak falls back at 24 dB per second, a
 * peak-hold line stays for 1.5 s, and the bar turns yellow above -6 dB and red above 0 dB.
 * Feed it at display rate with {@link #update}.
 */
@ProviderType
public final class LevelMeter extends Canvas {

  private static final double FLOOR_DB = -60;
  private static final double TOP_DB = 6;
  private static final double FALL_DB_PER_SECOND = 24;
  private static final long HOLD_NANOS = 1_500_000_000L;

  private final double[] peak = {FLOOR_DB, FLOOR_DB};
  private final double[] rms = {FLOOR_DB, FLOOR_DB};
  private final double[] hold = {FLOOR_DB, FLOOR_DB};
  private final long[] heldAt = new long[2];
  private long last = System.nanoTime();
  private final Theme theme;

  public LevelMeter(Composite parent) {
    super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    theme = Theme.of(getDisplay());
    addListener(SWT.Paint, e -> paint(e.gc));
  }

  @Override
  public Point computeSize(int wHint, int hHint, boolean changed) {
    int em = Theme.em(this);
    return new Point(wHint == SWT.DEFAULT ? em : wHint, hHint == SWT.DEFAULT ? em * 10 : hHint);
  }

  /** New linear peak and RMS levels of both channels; redraws when something moved. */
  public void update(float peakLeft, float rmsLeft, float peakRight, float rmsRight) {
    long now = System.nanoTime();
    double fall = (now - last) / 1e9 * FALL_DB_PER_SECOND;
    last = now;
    boolean moved = false;
    moved |= channel(0, peakLeft, rmsLeft, fall, now);
    moved |= channel(1, peakRight, rmsRight, fall, now);
    if (moved) {
      redraw();
    }
  }

  /** The peak now shown, in dB (after the fall-back), for tests. */
  public double peakDb(int channel) {
    return peak[channel];
  }

  private boolean channel(int ch, float pk, float level, double fall, long now) {
    double p = Math.max(FLOOR_DB, Math.min(TOP_DB, Levels.toDb(pk)));
    double r = Math.max(FLOOR_DB, Math.min(TOP_DB, Levels.toDb(level)));
    double oldPeak = peak[ch];
    double oldRms = rms[ch];
    double oldHold = hold[ch];
    peak[ch] = Math.max(p, peak[ch] - fall);
    rms[ch] = Math.max(r, rms[ch] - fall);
    if (p >= hold[ch] || now - heldAt[ch] > HOLD_NANOS) {
      hold[ch] = p;
      heldAt[ch] = now;
    }
    return Math.abs(oldPeak - peak[ch]) > 0.05 || Math.abs(oldRms - rms[ch]) > 0.05 || oldHold != hold[ch];
  }

  private void paint(GC gc) {
    Rectangle r = getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    int gap = Math.max(1, r.width / 10);
    int w = (r.width - gap) / 2;
    for (int ch = 0; ch < 2; ch++) {
      int x = r.x + ch * (w + gap);
      bar(gc, x, r, w, peak[ch], true);
      bar(gc, x + w / 4, r, Math.max(1, w / 2), rms[ch], false);
      int y = y(r, hold[ch]);
      gc.setForeground(hold[ch] > 0 ? theme.bad() : theme.text());
      gc.drawLine(x, y, x + w - 1, y);
    }
    gc.setForeground(theme.border());
    for (double db : new double[] {0, -6, -12, -24, -48}) {
      int y = y(r, db);
      gc.drawLine(r.x, y, r.x + r.width, y);
    }
  }

  private void bar(GC gc, int x, Rectangle r, int w, double db, boolean dim) {
    if (db <= FLOOR_DB) {
      return;
    }
    int top = y(r, db);
    int warn = y(r, -6);
    int clip = y(r, 0);
    int bottom = r.y + r.height;
    fill(gc, dim ? theme.raised() : theme.good(), x, Math.max(top, warn), w, bottom);
    if (top < warn) {
      fill(gc, theme.warn(), x, Math.max(top, clip), w, warn);
    }
    if (top < clip) {
      fill(gc, theme.bad(), x, top, w, clip);
    }
  }

  private static void fill(GC gc, org.eclipse.swt.graphics.Color c, int x, int top, int w, int bottom) {
    gc.setBackground(c);
    gc.fillRectangle(x, top, w, Math.max(0, bottom - top));
  }

  private static int y(Rectangle r, double db) {
    double p = (db - FLOOR_DB) / (TOP_DB - FLOOR_DB);
    return r.y + (int) Math.round((1 - p) * r.height);
  }
}

package org.patchwork.ui.sampleeditor.internal;

import java.util.function.BiConsumer;
import java.util.function.IntUnaryOperator;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.ui.shell.Theme;

/**
 * The waveform of one sample: min/max per pixel column for each channel, the selection, and the
 * zone's loop with draggable start and end markers. Wheel or +/- zoom about the pointer (0 shows
 * it all), the scroll bar or the arrow keys scroll, a drag selects, Ctrl+A selects everything.
 * The canvas only shows and reports: a moved loop goes to {@code onLoop} when the drag ends.
 *
 * <p>Thread: the UI thread.
 */
final class WaveCanvas extends Canvas {

  private static final double WHEEL_ZOOM = 1.5;

  private enum Drag { NONE, SELECT, MARKER }

  private final Theme theme;
  private final WaveView view = new WaveView();
  private final BiConsumer<Integer, Integer> onLoop;
  private final Runnable onSelection;
  private Sample sample;
  private float[][] channels = new float[0][];
  private Zone zone;
  private String message = "";
  private int selFrom;
  private int selTo;
  private int anchor;
  private int head;
  private Drag drag = Drag.NONE;
  private WaveView.Marker marker = WaveView.Marker.NONE;
  private int[] loop = {0, 0};
  private float[] min = new float[0];
  private float[] max = new float[0];

  /**
   * @param onLoop hears a loop moved by dragging a marker: start, end
   * @param onSelection hears every change of the selection
   */
  WaveCanvas(Composite parent, BiConsumer<Integer, Integer> onLoop, Runnable onSelection) {
    super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL);
    this.theme = Theme.of(getDisplay());
    this.onLoop = onLoop;
    this.onSelection = onSelection;
    setData("patchwork.test.id", "sample.wave");
    // Tests place the pointer by frame: frame -> x on this canvas.
    setData("patchwork.test.frameX", (IntUnaryOperator) f -> (int) Math.round(view.xOf(f)));
    addListener(SWT.Paint, e -> paint(e.gc));
    addListener(SWT.Resize, e -> layoutView());
    addListener(SWT.MouseDown, this::down);
    addListener(SWT.MouseMove, this::move);
    addListener(SWT.MouseUp, this::up);
    addListener(SWT.MouseVerticalWheel, this::wheel);
    addListener(SWT.KeyDown, this::key);
    addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS);
    getHorizontalBar().addListener(SWT.Selection, e -> {
      view.scrollTo(getHorizontalBar().getSelection() * view.framesPerPixel());
      redraw();
    });
  }

  /** Shows {@code s} with the loop of {@code z}; keeps zoom and selection while the length stays. */
  void show(Sample s, Zone z) {
    if (s != sample) {
      boolean sameLength = sample != null && sample.frames() == s.frames();
      sample = s;
      channels = new float[s.channels()][];
      for (int c = 0; c < channels.length; c++) {
        channels[c] = s.channel(c);
      }
      if (sameLength) {
        view.resize(s.frames(), waveWidth());
      } else {
        view.fit(s.frames(), waveWidth());
        selFrom = 0;
        selTo = 0;
        onSelection.run();
      }
    }
    zone = z;
    if (drag != Drag.MARKER) {
      loop = new int[] {z.loopStart(), z.loopEnd()};
    }
    message = "";
    setData("patchwork.test.message", null);
    updateScrollBar();
    redraw();
  }

  /** Shows a message instead of a waveform. */
  void showMessage(String text) {
    sample = null;
    channels = new float[0][];
    zone = null;
    message = text;
    setData("patchwork.test.message", text);
    selFrom = 0;
    selTo = 0;
    onSelection.run();
    redraw();
  }

  /** The selected frames {@code {from, to}}; equal when nothing is selected. */
  int[] selection() {
    return new int[] {selFrom, selTo};
  }

  boolean hasSelection() {
    return selTo > selFrom;
  }

  /** Selects frames {@code [from, to)}, kept within the sample. */
  void select(int from, int to) {
    int frames = sample == null ? 0 : sample.frames();
    selFrom = Math.max(0, Math.min(frames, Math.min(from, to)));
    selTo = Math.max(0, Math.min(frames, Math.max(from, to)));
    onSelection.run();
    redraw();
  }

  @Override
  public Point computeSize(int wHint, int hHint, boolean changed) {
    int em = Theme.em(this);
    return new Point(wHint == SWT.DEFAULT ? em * 40 : wHint, hHint == SWT.DEFAULT ? em * 12 : hHint);
  }

  private int waveWidth() {
    return Math.max(1, getClientArea().width);
  }

  private void layoutView() {
    if (sample != null) {
      view.resize(sample.frames(), waveWidth());
      updateScrollBar();
    }
  }

  private void updateScrollBar() {
    ScrollBar bar = getHorizontalBar();
    int content = view.contentWidth();
    int width = waveWidth();
    bar.setValues((int) Math.round(view.start() / view.framesPerPixel()), 0, Math.max(content, width), width,
        Math.max(1, width / 20), Math.max(1, width * 3 / 4));
    bar.setEnabled(content > width);
  }

  private void zoom(double factor, double x) {
    if (sample == null) {
      return;
    }
    view.zoom(factor, x);
    updateScrollBar();
    redraw();
  }

  private void down(Event e) {
    if (e.button != 1 || sample == null) {
      return;
    }
    setFocus();
    marker = loopOn() ? view.markerAt(e.x, loop[0], loop[1], Theme.em(this) / 2.0) : WaveView.Marker.NONE;
    if (marker != WaveView.Marker.NONE) {
      drag = Drag.MARKER;
    } else {
      drag = Drag.SELECT;
      anchor = view.snap(e.x);
      head = anchor;
      select(anchor, anchor);
    }
  }

  private void move(Event e) {
    if (sample == null) {
      return;
    }
    if (drag == Drag.SELECT) {
      int f = view.snap(e.x);
      if (f != head) {
        head = f;
        select(anchor, f);
      }
    } else if (drag == Drag.MARKER) {
      loop = view.dragLoop(marker, e.x, loop[0], loop[1]);
      redraw();
    } else {
      boolean over = loopOn() && view.markerAt(e.x, loop[0], loop[1], Theme.em(this) / 2.0) != WaveView.Marker.NONE;
      setCursor(over ? getDisplay().getSystemCursor(SWT.CURSOR_SIZEWE) : null);
    }
  }

  private void up(Event e) {
    if (drag == Drag.MARKER && zone != null && (loop[0] != zone.loopStart() || loop[1] != zone.loopEnd())) {
      onLoop.accept(loop[0], loop[1]);
    }
    drag = Drag.NONE;
    marker = WaveView.Marker.NONE;
  }

  private void wheel(Event e) {
    e.doit = false;
    if (e.count != 0) {
      zoom(e.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, e.x);
    }
  }

  private void key(Event e) {
    int width = waveWidth();
    if (e.character == '+' || e.character == '=') {
      zoom(2, width / 2.0);
    } else if (e.character == '-') {
      zoom(0.5, width / 2.0);
    } else if (e.character == '0' && sample != null) {
      view.fit(sample.frames(), width);
      updateScrollBar();
      redraw();
    } else if ((e.keyCode == SWT.ARROW_LEFT || e.keyCode == SWT.ARROW_RIGHT) && sample != null) {
      double step = width / 4.0 * view.framesPerPixel();
      view.scrollTo(view.start() + (e.keyCode == SWT.ARROW_LEFT ? -step : step));
      updateScrollBar();
      redraw();
    } else if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'a' || e.keyCode == 'A') && sample != null) {
      select(0, sample.frames());
    } else {
      return;
    }
    e.doit = false;
  }

  private boolean loopOn() {
    return zone != null && zone.loop() != Zone.Loop.OFF;
  }

  private void paint(GC gc) {
    Rectangle r = getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    gc.setFont(theme.small());
    int em = gc.getFontMetrics().getHeight();
    if (sample == null) {
      gc.setForeground(theme.dimText());
      gc.setFont(null);
      gc.drawText(message, r.x + em, r.y + em, SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
      return;
    }
    int ruler = em + 2;
    if (r.width < 2 || r.height < ruler + 4) {
      return;
    }
    paintRuler(gc, r, ruler);
    if (hasSelection()) {
      int a = (int) Math.round(view.xOf(selFrom));
      int b = (int) Math.round(view.xOf(selTo));
      gc.setBackground(theme.raised());
      gc.fillRectangle(a, r.y + ruler, Math.max(1, b - a), r.height - ruler);
    }
    if (min.length < r.width) {
      min = new float[r.width];
      max = new float[r.width];
    }
    int lanes = channels.length;
    int laneHeight = (r.height - ruler) / lanes;
    for (int c = 0; c < lanes; c++) {
      int top = r.y + ruler + c * laneHeight;
      int mid = top + laneHeight / 2;
      double half = laneHeight / 2.0 - 2;
      gc.setForeground(theme.border());
      gc.drawLine(r.x, mid, r.x + r.width, mid);
      if (c > 0) {
        gc.drawLine(r.x, top, r.x + r.width, top);
      }
      view.columns(channels[c], min, max);
      gc.setForeground(theme.audio());
      for (int x = 0; x < r.width; x++) {
        if (!Float.isNaN(min[x])) {
          gc.drawLine(x, mid - (int) Math.round(max[x] * half), x, mid - (int) Math.round(min[x] * half));
        }
      }
    }
    if (loopOn()) {
      paintLoop(gc, r, ruler);
    }
  }

  private void paintRuler(GC gc, Rectangle r, int ruler) {
    gc.setForeground(theme.dimText());
    double seconds = view.framesPerPixel() * r.width / sample.sampleRate();
    double step = niceStep(seconds / 8);
    double first = Math.ceil(view.start() / sample.sampleRate() / step) * step;
    for (double t = first; ; t += step) {
      double x = view.xOf(t * sample.sampleRate());
      if (x > r.width) {
        break;
      }
      gc.drawLine((int) x, r.y + ruler - 4, (int) x, r.y + ruler);
      gc.drawText(label(t, step), (int) x + 2, r.y, true);
    }
  }

  private void paintLoop(GC gc, Rectangle r, int ruler) {
    // Kept a pixel inside, so a marker at the sample's very end is still seen and grabbed.
    int a = (int) Math.max(1, Math.min(r.width - 1, Math.round(view.xOf(loop[0]))));
    int b = (int) Math.max(1, Math.min(r.width - 1, Math.round(view.xOf(loop[1]))));
    gc.setBackground(theme.cv());
    gc.fillRectangle(a, r.y + ruler - 3, Math.max(1, b - a), 3);
    gc.setForeground(theme.selection());
    gc.setLineWidth(2);
    gc.drawLine(a, r.y + ruler, a, r.y + r.height);
    gc.drawLine(b, r.y + ruler, b, r.y + r.height);
    gc.setLineWidth(1);
    int h = ruler / 2;
    gc.setBackground(theme.selection());
    gc.fillPolygon(new int[] {a, r.y + ruler, a + h, r.y + ruler, a, r.y + ruler + h});
    gc.fillPolygon(new int[] {b, r.y + ruler, b - h, r.y + ruler, b, r.y + ruler + h});
  }

  /** 1, 2 or 5 times a power of ten, at least {@code x}. */
  static double niceStep(double x) {
    double p = Math.pow(10, Math.floor(Math.log10(Math.max(x, 1e-9))));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * p >= x) {
        return m * p;
      }
    }
    return 10 * p;
  }

  private static String label(double t, double step) {
    int decimals = (int) Math.max(0, Math.min(6, Math.ceil(-Math.log10(step))));
    return String.format(java.util.Locale.ROOT, "%." + decimals + "f s", t);
  }
}

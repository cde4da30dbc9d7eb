package org.patchwork.ui.automation.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * One automation lane over the song's timeline: order entries shaded in turn with their
 * pattern numbers, beat lines, a value grid in the parameter's unit, the curve as
 * {@link Envelope#valueAt} computes it (so it is exactly what plays), the points and the
 * playhead. A click adds a point and a drag moves it (Shift: off the line grid), double-click
 * or Delete removes one, the context menu shapes a segment; the wheel and +/- zoom, 0 shows the
 * whole song. The canvas reports changes to its {@link Editor}; while a drag lasts it draws its
 * own copy so the point follows the hand.
 *
 * <p>Thread: the UI thread.
 */
final class LaneCanvas extends Canvas {

  /** How much the "Curved" menu entries bend a segment. */
  static final double CURVATURE = 4;
  private static final double WHEEL_ZOOM = 1.25;

  /** Where the canvas sends its changes. */
  interface Editor {
    /** Replaces the lane's envelope; edits with one merge key are one journal entry. */
    void set(Envelope envelope, String label, String mergeKey);

    /** Removes the lane. */
    void remove(Envelope lane);
  }

  private final Theme theme;
  private final Editor editor;
  private final Consumer<String> status;
  private final TimeAxis axis = new TimeAxis();
  private Lane lane;
  private Envelope shown;
  private Song song;
  private String message = "";
  private double playhead = Double.NaN;
  private int selected = -1;
  private boolean dragging;
  private Envelope base;
  private int index;
  private String gesture;
  private boolean free;

  LaneCanvas(Composite parent, Editor editor, Consumer<String> status) {
    super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL);
    this.theme = Theme.of(getDisplay());
    this.editor = editor;
    this.status = status;
    setData("patchwork.test.id", "automation.lane");
    // Tests place the pointer by song position and value: (lines, value) -> point on this canvas.
    setData("patchwork.test.pixel", (BiFunction<Double, Double, Point>) (lines, value) -> {
      LaneGeometry g = geometry();
      return g == null ? null : new Point((int) Math.round(axis.xOf(lines)), (int) Math.round(g.yOf(value)));
    });
    addListener(SWT.Paint, e -> paint(e.gc));
    addListener(SWT.Resize, e -> {
      axis.resize(axis.lines(), Math.max(1, getClientArea().width));
      updateScrollBar();
    });
    addListener(SWT.MouseDown, this::down);
    addListener(SWT.MouseMove, this::move);
    addListener(SWT.MouseUp, e -> dragging = false);
    addListener(SWT.MouseDoubleClick, this::doubleClick);
    addListener(SWT.MouseVerticalWheel, this::wheel);
    addListener(SWT.KeyDown, this::key);
    addListener(SWT.MenuDetect, this::menu);
    addListener(SWT.Traverse, e -> e.doit = e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS);
    getHorizontalBar().addListener(SWT.Selection, e -> {
      axis.scrollTo(getHorizontalBar().getSelection() * axis.linesPerPixel());
      redraw();
    });
  }

  /** Shows {@code l} over {@code s}'s timeline; a drag in progress keeps its own copy. */
  void show(Lane l, Song s) {
    boolean other = lane == null || !lane.envelope().target().equals(l.envelope().target());
    lane = l;
    song = s;
    message = "";
    if (!dragging || other) {
      dragging = false;
      shown = l.envelope();
    }
    if (other || selected >= shown.points().size()) {
      selected = -1;
    }
    // The song as laid out; a song without order entries, or points past its end, get room.
    long songLines = SongClock.lines(s);
    double last = shown.points().getLast().position().doubleValue();
    double lines = songLines == 0 ? Math.max(64, last + 16) : Math.max(songLines, Math.ceil(last) + 1);
    if (other) {
      axis.fit(lines, Math.max(1, getClientArea().width));
    } else {
      axis.resize(lines, Math.max(1, getClientArea().width));
    }
    updateScrollBar();
    redraw();
  }

  /** Shows a message instead of a lane. */
  void showMessage(String text) {
    lane = null;
    shown = null;
    dragging = false;
    message = text;
    setData("patchwork.test.message", text);
    redraw();
  }

  /** Moves the playhead to a song position (NaN hides it); redraws only when it moved a pixel. */
  void playhead(double position) {
    double before = axis.xOf(playhead);
    playhead = position;
    setData("patchwork.test.playhead", position);
    double after = axis.xOf(position);
    if (Double.isNaN(before) != Double.isNaN(after) || Math.abs(before - after) >= 1) {
      redraw();
    }
  }

  /** The index of the selected point, or -1. */
  int selected() {
    return selected;
  }

  @Override
  public Point computeSize(int wHint, int hHint, boolean changed) {
    int em = Theme.em(this);
    return new Point(wHint == SWT.DEFAULT ? em * 40 : wHint, hHint == SWT.DEFAULT ? em * 10 : hHint);
  }

  private int header() {
    return Theme.em(this) + 4;
  }

  /** The geometry of the shown lane, or null. */
  private LaneGeometry geometry() {
    if (lane == null) {
      return null;
    }
    Rectangle r = getClientArea();
    int pad = Theme.em(this) / 2;
    int top = header() + pad;
    return new LaneGeometry(axis, top, Math.max(1, r.height - top - pad), lane.scale());
  }

  private void updateScrollBar() {
    int width = Math.max(1, getClientArea().width);
    int content = axis.contentWidth();
    getHorizontalBar().setValues((int) Math.round(axis.start() / axis.linesPerPixel()), 0, Math.max(content, width),
        width, Math.max(1, width / 20), Math.max(1, width * 3 / 4));
    getHorizontalBar().setEnabled(content > width);
  }

  // ---- input ----

  private void down(Event e) {
    LaneGeometry g = geometry();
    if (e.button != 1 || g == null) {
      return;
    }
    setFocus();
    free = (e.stateMask & SWT.SHIFT) != 0;
    gesture = "automation:" + shown.target() + ":" + System.nanoTime();
    int hit = g.pointAt(shown, e.x, e.y, radius());
    if (hit < 0) {
      EnvelopeEdits.Inserted in = EnvelopeEdits.insert(shown,
          EnvelopeEdits.snap(axis.linesAt(e.x), free), lane.clamp(g.valueAt(e.y)));
      base = in.envelope();
      index = in.index();
      shown = base;
      editor.set(base, "Add a point to " + shown.target(), gesture);
    } else {
      base = shown;
      index = hit;
    }
    selected = index;
    dragging = true;
    redraw();
  }

  private void move(Event e) {
    LaneGeometry g = geometry();
    if (g == null) {
      return;
    }
    if (dragging) {
      free = (e.stateMask & SWT.SHIFT) != 0;
      Envelope next = EnvelopeEdits.move(base, index, EnvelopeEdits.snap(axis.linesAt(e.x), free),
          lane.clamp(g.valueAt(e.y)));
      if (!next.equals(shown)) {
        shown = next;
        editor.set(next, "Move a point of " + shown.target(), gesture);
        redraw();
      }
      Envelope.Point p = shown.points().get(index);
      status.accept(describe(p.position().doubleValue(), p.value()));
    } else {
      status.accept(describe(axis.linesAt(e.x), g.valueAt(e.y)));
    }
  }

  private void doubleClick(Event e) {
    LaneGeometry g = geometry();
    if (e.button != 1 || g == null) {
      return;
    }
    int hit = g.pointAt(shown, e.x, e.y, radius());
    if (hit >= 0) {
      removePoint(hit);
    }
  }

  private void removePoint(int point) {
    dragging = false;
    Envelope next = EnvelopeEdits.remove(shown, point);
    selected = -1;
    if (next == null) {
      editor.remove(shown);
    } else {
      shown = next;
      editor.set(next, "Remove a point of " + next.target(), null);
    }
    redraw();
  }

  private void wheel(Event e) {
    e.doit = false;
    if (e.count != 0 && lane != null) {
      axis.zoom(e.count > 0 ? WHEEL_ZOOM : 1 / WHEEL_ZOOM, e.x);
      updateScrollBar();
      redraw();
    }
  }

  private void key(Event e) {
    int width = Math.max(1, getClientArea().width);
    if ((e.keyCode == SWT.DEL || e.keyCode == SWT.BS) && lane != null && selected >= 0
        && selected < shown.points().size()) {
      removePoint(selected);
    } else if (e.character == '+' || e.character == '=') {
      axis.zoom(2, width / 2.0);
    } else if (e.character == '-') {
      axis.zoom(0.5, width / 2.0);
    } else if (e.character == '0') {
      axis.fit(axis.lines(), width);
    } else {
      return;
    }
    e.doit = false;
    updateScrollBar();
    redraw();
  }

  private void menu(Event e) {
    LaneGeometry g = geometry();
    if (g == null) {
      return;
    }
    Point p = toControl(e.x, e.y);
    int hit = g.pointAt(shown, p.x, p.y, radius());
    int segment = hit >= 0 && hit < shown.points().size() - 1 ? hit : g.segmentAt(shown, p.x);
    Menu menu = new Menu(this);
    if (segment >= 0) {
      Envelope.Point from = shown.points().get(segment);
      curveItem(menu, "Step", Envelope.Curve.STEP, 0, from, segment);
      curveItem(menu, "Linear", Envelope.Curve.LINEAR, 0, from, segment);
      curveItem(menu, "Exponential", Envelope.Curve.EXPONENTIAL, 0, from, segment);
      curveItem(menu, "Curved, slow start", Envelope.Curve.CURVED, CURVATURE, from, segment);
      curveItem(menu, "Curved, fast start", Envelope.Curve.CURVED, -CURVATURE, from, segment);
      new MenuItem(menu, SWT.SEPARATOR);
    }
    if (hit >= 0) {
      MenuItem delete = new MenuItem(menu, SWT.PUSH);
      delete.setText("Delete point\tDelete");
      delete.addListener(SWT.Selection, x -> removePoint(hit));
    }
    MenuItem remove = new MenuItem(menu, SWT.PUSH);
    remove.setText("Remove lane " + shown.target());
    Envelope lanePoints = shown;
    remove.addListener(SWT.Selection, x -> editor.remove(lanePoints));
    menu.addListener(SWT.Hide, x -> getDisplay().asyncExec(() -> {
      if (!menu.isDisposed()) {
        menu.dispose();
      }
    }));
    menu.setLocation(e.x, e.y);
    menu.setVisible(true);
  }

  private void curveItem(Menu menu, String text, Envelope.Curve curve, double curvature, Envelope.Point from,
      int segment) {
    MenuItem item = new MenuItem(menu, SWT.RADIO);
    item.setText(text);
    item.setData("patchwork.test.curve", curve + ":" + curvature);
    item.setSelection(from.curve() == curve && (curve != Envelope.Curve.CURVED || Math.signum(from.curvature()) == Math.signum(curvature)));
    item.addListener(SWT.Selection, x -> {
      if (item.getSelection()) {
        Envelope next = EnvelopeEdits.curve(shown, segment, curve, curvature);
        if (!next.equals(shown)) {
          shown = next;
          editor.set(next, "Make a segment of " + next.target() + " " + text.toLowerCase(Locale.ROOT), null);
          redraw();
        }
      }
    });
  }

  private int radius() {
    return Math.max(4, Theme.em(this) / 2);
  }

  private String describe(double lines, double value) {
    return String.format(Locale.ROOT, "line %.2f", lines) + "  \u00b7  " + lane.scale().format(value);
  }

  // ---- drawing ----

  private void paint(GC gc) {
    Rectangle r = getClientArea();
    gc.setBackground(theme.background());
    gc.fillRectangle(r);
    LaneGeometry g = geometry();
    if (g == null || song == null) {
      gc.setForeground(theme.dimText());
      gc.drawText(message, r.x + Theme.em(this), r.y + Theme.em(this), SWT.DRAW_DELIMITER | SWT.DRAW_TRANSPARENT);
      return;
    }
    if (r.width < 2 || g.height() < 4) {
      return;
    }
    gc.setFont(theme.small());
    paintTimeline(gc, r);
    paintValueGrid(gc, r, g);
    paintCurve(gc, r, g);
    if (!Double.isNaN(playhead)) {
      int x = (int) Math.round(axis.xOf(playhead));
      gc.setForeground(theme.good());
      gc.setLineWidth(2);
      gc.drawLine(x, r.y, x, r.y + r.height);
      gc.setLineWidth(1);
    }
  }

  /** Order entries shaded in turn and numbered, beat lines between. */
  private void paintTimeline(GC gc, Rectangle r) {
    int header = header();
    long at = 0;
    List<Integer> order = song.order();
    for (int i = 0; i < order.size(); i++) {
      long length = song.patterns().get(order.get(i)).length();
      int a = (int) Math.round(axis.xOf(at));
      int b = (int) Math.round(axis.xOf(at + length));
      if (b >= 0 && a <= r.width) {
        gc.setBackground(i % 2 == 0 ? theme.surface() : theme.background());
        gc.fillRectangle(a, r.y + header, b - a, r.height - header);
        gc.setForeground(theme.dimText());
        gc.drawLine(a, r.y, a, r.y + r.height);
        gc.drawText(String.format(Locale.ROOT, "%02d \u00b7 P%02d", i, order.get(i)), a + 3, r.y + 1, true);
      }
      at += length;
    }
    int lpb = song.settings().linesPerBeat();
    double beat = lpb / axis.linesPerPixel();
    int every = beat >= 8 ? 1 : beat * 4 >= 8 ? 4 : 0;
    if (every > 0) {
      gc.setForeground(theme.raised());
      long first = (long) Math.ceil(axis.linesAt(0) / (lpb * every));
      for (long k = first; ; k++) {
        double x = axis.xOf(k * lpb * every);
        if (x > r.width) {
          break;
        }
        gc.drawLine((int) x, r.y + header, (int) x, r.y + r.height);
      }
    }
  }

  /** Grid lines at values worth reading ({@link Lane#gridValues}), labelled in the unit. */
  private void paintValueGrid(GC gc, Rectangle r, LaneGeometry g) {
    ValueScale scale = g.scale();
    int h = gc.getFontMetrics().getHeight();
    int lastLabel = Integer.MIN_VALUE;
    List<Double> values = lane.gridValues();
    for (int i = values.size() - 1; i >= 0; i--) {
      double v = values.get(i);
      int y = (int) Math.round(g.yOf(v));
      gc.setForeground(theme.border());
      gc.drawLine(r.x, y, r.x + r.width, y);
      // Labels above their line (the top one below it), skipped where they would overlap.
      int top = i == values.size() - 1 ? y + 1 : y - h;
      if (top >= lastLabel + h) {
        gc.setForeground(theme.dimText());
        gc.drawText(scale.format(v), r.x + 4, top, true);
        lastLabel = top;
      }
    }
  }

  private void paintCurve(GC gc, Rectangle r, LaneGeometry g) {
    int[] line = new int[2 * (r.width + 1)];
    for (int x = 0; x <= r.width; x++) {
      line[2 * x] = x;
      line[2 * x + 1] = (int) Math.round(g.yOf(shown.valueAt(axis.linesAt(x))));
    }
    gc.setAntialias(SWT.ON);
    gc.setForeground(theme.accent());
    gc.setLineWidth(2);
    gc.drawPolyline(line);
    gc.setLineWidth(1);
    int size = Math.max(6, Theme.em(this) / 2);
    List<Envelope.Point> points = shown.points();
    for (int i = 0; i < points.size(); i++) {
      double[] p = g.pixel(points.get(i));
      gc.setBackground(i == selected ? theme.selection() : theme.text());
      gc.fillRectangle((int) Math.round(p[0]) - size / 2, (int) Math.round(p[1]) - size / 2, size, size);
    }
    gc.setAntialias(SWT.DEFAULT);
  }
}

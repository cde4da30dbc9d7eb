package org.patchwork.ui.shell.widgets;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.ui.shell.Theme;

/**
 * What faders and knobs share: a value on a {@link ValueScale}, changed by dragging, the mouse
 * wheel and the keyboard (arrows: fine steps, Page Up/Down: coarse, Home/End: ends), reset by a
 * double click; listeners hear every change the user makes (not {@link #setValue} calls).
 *
 * <p>Thread: the UI thread.
 */
@ProviderType
public abstract class ValueControl extends Canvas {

  private static final double FINE = 0.01;
  private static final double COARSE = 0.1;

  private final ValueScale scale;
  private final double defaultValue;
  private final List<DoubleConsumer> listeners = new ArrayList<>();
  private double position;
  private boolean dragging;
  private int dragStart;
  private double dragFrom;
  private final Theme theme;

  protected ValueControl(Composite parent, ValueScale scale, double defaultValue) {
    super(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
    this.scale = scale;
    this.defaultValue = defaultValue;
    this.theme = Theme.of(getDisplay());
    this.position = scale.position(defaultValue);
    addListener(SWT.Paint, e -> paint(e.gc));
    addListener(SWT.MouseDown, this::down);
    addListener(SWT.MouseMove, this::move);
    addListener(SWT.MouseUp, e -> {
      dragging = false;
      redraw();
    });
    addListener(SWT.MouseDoubleClick, e -> userSet(scale.position(defaultValue)));
    addListener(SWT.MouseVerticalWheel, e -> userSet(position + Math.signum(e.count) * FINE * 2));
    addListener(SWT.KeyDown, this::key);
    addListener(SWT.Traverse, e -> {
      if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
        e.doit = true;
      }
    });
    addListener(SWT.FocusIn, e -> redraw());
    addListener(SWT.FocusOut, e -> redraw());
  }

  /** Hears every change made by the user, with the new value. */
  public void onChange(DoubleConsumer listener) {
    listeners.add(listener);
  }

  /** The current value. */
  public double value() {
    return scale.value(position);
  }

  /** Shows {@code value} without telling the listeners; ignored while the user drags. */
  public void setValue(double value) {
    checkWidget();
    double p = scale.position(value);
    if (!dragging && p != position) {
      position = p;
      redraw();
    }
  }

  /** Whether the user is dragging right now. */
  public boolean isDragging() {
    return dragging;
  }

  /** The value as text. */
  public String text() {
    return scale.format(value());
  }

  protected ValueScale scale() {
    return scale;
  }

  protected Theme theme() {
    return theme;
  }

  /** 0..1. */
  protected double position() {
    return position;
  }

  /** How many pixels of drag move the value over its whole range. */
  protected abstract int travel();

  /** Whether dragging follows the x axis (else y, upwards). */
  protected abstract boolean horizontal();

  /** Where a click puts the value, or NaN to only start a relative drag. */
  protected double positionAt(int x, int y) {
    return Double.NaN;
  }

  protected abstract void paint(GC gc);

  private void down(Event e) {
    if (e.button != 1) {
      return;
    }
    setFocus();
    double at = positionAt(e.x, e.y);
    if (!Double.isNaN(at)) {
      userSet(at);
    }
    dragging = true;
    dragStart = horizontal() ? e.x : -e.y;
    dragFrom = position;
  }

  private void move(Event e) {
    if (!dragging) {
      return;
    }
    int now = horizontal() ? e.x : -e.y;
    userSet(dragFrom + (double) (now - dragStart) / Math.max(1, travel()));
  }

  private void key(Event e) {
    double step = switch (e.keyCode) {
      case SWT.ARROW_UP, SWT.ARROW_RIGHT -> FINE;
      case SWT.ARROW_DOWN, SWT.ARROW_LEFT -> -FINE;
      case SWT.PAGE_UP -> COARSE;
      case SWT.PAGE_DOWN -> -COARSE;
      case SWT.HOME -> -1;
      case SWT.END -> 1;
      default -> 0;
    };
    if (step != 0) {
      e.doit = false;
      userSet(position + step);
    }
  }

  private void userSet(double p) {
    double q = p < 0 ? 0 : p > 1 ? 1 : p;
    if (scale.stepped()) {
      q = scale.position(scale.value(q));
    }
    if (q == position && !listeners.isEmpty()) {
      return;
    }
    position = q;
    redraw();
    double v = scale.value(q);
    for (DoubleConsumer l : listeners) {
      l.accept(v);
    }
  }
}

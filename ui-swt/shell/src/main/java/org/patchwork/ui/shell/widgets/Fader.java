package org.patchwork.ui.shell.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.ui.shell.Theme;

/**
 * A linear fader, vertical (channel levels) or horizontal (pan, send levels). A click moves the
 * thumb there; a drag moves it with the pointer.
 *
 * <pre>{@code
 * Fader gain = new Fader(strip, SWT.VERTICAL, ValueScale.decibels(6), 0);
 * gain.onChange(db -> workbench.submit(new Edits.SetTrackGain("bass", db)));
 * }</pre>
 */
@ProviderType
public final class Fader extends ValueControl {

  private final boolean vertical;

  /** @param orientation {@link SWT#VERTICAL} or {@link SWT#HORIZONTAL} */
  public Fader(Composite parent, int orientation, ValueScale scale, double defaultValue) {
    super(parent, scale, defaultValue);
    this.vertical = (orientation & SWT.VERTICAL) != 0;
  }

  @Override
  public Point computeSize(int wHint, int hHint, boolean changed) {
    int em = Theme.em(this);
    Point p = vertical ? new Point(em * 2, em * 10) : new Point(em * 6, em + em / 2);
    return new Point(wHint == SWT.DEFAULT ? p.x : wHint, hHint == SWT.DEFAULT ? p.y : hHint);
  }

  @Override
  protected int travel() {
    Rectangle r = getClientArea();
    return Math.max(1, (vertical ? r.height : r.width) - thumb());
  }

  @Override
  protected boolean horizontal() {
    return !vertical;
  }

  @Override
  protected double positionAt(int x, int y) {
    Rectangle r = getClientArea();
    int half = thumb() / 2;
    return vertical ? 1 - (double) (y - half) / travel() : (double) (x - half) / travel();
  }

  private int thumb() {
    Rectangle r = getClientArea();
    return Math.max(4, (vertical ? r.width : r.height) / 2);
  }

  @Override
  protected void paint(GC gc) {
    Theme t = theme();
    Rectangle r = getClientArea();
    gc.setBackground(getParent().getBackground());
    gc.fillRectangle(r);
    gc.setAntialias(SWT.ON);
    int th = thumb();
    int slot = Math.max(2, th / 4);
    gc.setBackground(t.background());
    if (vertical) {
      int cx = r.x + r.width / 2;
      gc.fillRoundRectangle(cx - slot / 2, r.y + th / 2, slot, r.height - th, slot, slot);
      int y = r.y + (int) Math.round((1 - position()) * travel());
      gc.setBackground(isFocusControl() ? t.accent() : t.raised());
      gc.fillRoundRectangle(r.x + 1, y, r.width - 2, th, th / 3, th / 3);
      gc.setForeground(t.text());
      gc.drawLine(r.x + 3, y + th / 2, r.x + r.width - 4, y + th / 2);
    } else {
      int cy = r.y + r.height / 2;
      gc.fillRoundRectangle(r.x + th / 2, cy - slot / 2, r.width - th, slot, slot, slot);
      int x = r.x + (int) Math.round(position() * travel());
      gc.setBackground(isFocusControl() ? t.accent() : t.raised());
      gc.fillRoundRectangle(x, r.y + 1, th, r.height - 2, th / 3, th / 3);
      gc.setForeground(t.text());
      gc.drawLine(x + th / 2, r.y + 3, x + th / 2, r.y + r.height - 4);
    }
  }

  /** Where on the control (in its coordinates) a value sits: for tests and pointer hints. */
  public Point pointOf(double value) {
    Rectangle r = getClientArea();
    int half = thumb() / 2;
    double p = scale().position(value);
    return vertical ? new Point(r.width / 2, half + (int) Math.round((1 - p) * travel()))
        : new Point(half + (int) Math.round(p * travel()), r.height / 2);
  }
}

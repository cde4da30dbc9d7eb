package org.patchwork.ui.shell.widgets;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Composite;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.ui.shell.Theme;

/**
 * A rotary knob with its name above and its value and unit below, for module parameters. Drag
 * up or down to turn it (the whole range over about ten lines of text), or use the wheel and
 * the arrow keys; a double click resets it to its default.
 *
 * <pre>{@code
 * Knob cutoff = new Knob(panel, "Cutoff", ValueScale.of(descriptor), descriptor.defaultValue());
 * }</pre>
 */
@ProviderType
public final class Knob extends ValueControl {

  private static final int START_DEGREES = 225;
  private static final int SWEEP_DEGREES = 270;
  private final String name;

  public Knob(Composite parent, String name, ValueScale scale, double defaultValue) {
    super(parent, scale, defaultValue);
    this.name = name;
    setToolTipText(name);
  }

  /** The label above the knob. */
  public String name() {
    return name;
  }

  @Override
  public Point computeSize(int wHint, int hHint, boolean changed) {
    int em = Theme.em(this);
    return new Point(wHint == SWT.DEFAULT ? em * 6 : wHint, hHint == SWT.DEFAULT ? em * 5 : hHint);
  }

  @Override
  protected int travel() {
    return Theme.em(this) * 10;
  }

  @Override
  protected boolean horizontal() {
    return false;
  }

  @Override
  protected void paint(GC gc) {
    Theme t = theme();
    Rectangle r = getClientArea();
    gc.setBackground(getParent().getBackground());
    gc.fillRectangle(r);
    gc.setAntialias(SWT.ON);
    gc.setTextAntialias(SWT.ON);
    int em = gc.getFontMetrics().getHeight();
    gc.setFont(t.small());
    gc.setForeground(t.dimText());
    center(gc, clip(gc, name, r.width), r, r.y);
    int size = Math.max(em, Math.min(r.width, r.height - 2 * em) - 4);
    int x = r.x + (r.width - size) / 2;
    int y = r.y + em + (r.height - 2 * em - size) / 2;
    gc.setBackground(t.raised());
    gc.fillOval(x, y, size, size);
    int line = Math.max(2, size / 10);
    gc.setLineWidth(line);
    gc.setForeground(t.background());
    gc.drawArc(x + line, y + line, size - 2 * line, size - 2 * line, START_DEGREES, -SWEEP_DEGREES);
    gc.setForeground(isFocusControl() ? t.selection() : t.accent());
    gc.drawArc(x + line, y + line, size - 2 * line, size - 2 * line, START_DEGREES,
        -(int) Math.round(SWEEP_DEGREES * position()));
    double angle = Math.toRadians(START_DEGREES - SWEEP_DEGREES * position());
    int cx = x + size / 2;
    int cy = y + size / 2;
    gc.setForeground(t.text());
    gc.drawLine(cx, cy, cx + (int) Math.round(Math.cos(angle) * size * 0.35),
        cy - (int) Math.round(Math.sin(angle) * size * 0.35));
    gc.setLineWidth(1);
    gc.setForeground(t.text());
    center(gc, clip(gc, text(), r.width), r, r.y + r.height - em);
  }

  private static void center(GC gc, String s, Rectangle r, int y) {
    Point e = gc.textExtent(s);
    gc.drawText(s, r.x + (r.width - e.x) / 2, y, true);
  }

  private static String clip(GC gc, String s, int width) {
    if (gc.textExtent(s).x <= width) {
      return s;
    }
    String out = s;
    while (out.length() > 1 && gc.textExtent(out + "\u2026").x > width) {
      out = out.substring(0, out.length() - 1);
    }
    return out + "\u2026";
  }

}

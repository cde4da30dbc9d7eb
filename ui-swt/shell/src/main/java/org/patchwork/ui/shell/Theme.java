package org.patchwork.ui.shell;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The workbench's dark palette and fonts, one per display. The theme owns its colours and fonts
 * and disposes them with the display, so panels use them freely and never dispose them.
 *
 * <p>Sizes for custom-drawn widgets come from {@link #em(Control)} (the height of a line of text
 * in the control's font), never from fixed pixel counts, so everything scales with the desktop's
 * font size and with HiDPI scaling alike.
 *
 * <pre>{@code
 * Theme theme = Theme.of(parent.getDisplay());
 * theme.apply(myComposite);                         // dark background, light text, recursively
 * gc.setBackground(theme.accent());
 * int knob = 3 * Theme.em(canvas);                  // three lines of text tall
 * }</pre>
 *
 * <p>Thread: the display's.
 */
@ProviderType
public final class Theme {

  private static final String KEY = Theme.class.getName();

  private final Color background;
  private final Color surface;
  private final Color raised;
  private final Color border;
  private final Color text;
  private final Color dimText;
  private final Color accent;
  private final Color selection;
  private final Color good;
  private final Color warn;
  private final Color bad;
  private final Color audio;
  private final Color cv;
  private final Color events;
  private final Font bold;
  private final Font small;
  private final Font mono;

  private Theme(Display display) {
    background = new Color(display, 0x1e, 0x20, 0x24);
    surface = new Color(display, 0x26, 0x29, 0x2e);
    raised = new Color(display, 0x33, 0x37, 0x3e);
    border = new Color(display, 0x45, 0x4a, 0x53);
    text = new Color(display, 0xdc, 0xdf, 0xe4);
    dimText = new Color(display, 0x8a, 0x91, 0x9c);
    accent = new Color(display, 0x4f, 0xa3, 0xe0);
    selection = new Color(display, 0xf0, 0xb4, 0x3c);
    good = new Color(display, 0x4c, 0xc3, 0x5a);
    warn = new Color(display, 0xe6, 0xc2, 0x3a);
    bad = new Color(display, 0xe5, 0x4b, 0x4b);
    audio = new Color(display, 0x4f, 0xa3, 0xe0);
    cv = new Color(display, 0xe0, 0x8a, 0x3c);
    events = new Color(display, 0x9b, 0x6c, 0xe0);
    FontData base = display.getSystemFont().getFontData()[0];
    bold = new Font(display, base.getName(), base.getHeight(), SWT.BOLD);
    small = new Font(display, base.getName(), Math.max(6, Math.round(base.getHeight() * 0.85f)), SWT.NORMAL);
    mono = new Font(display, "Monospace", base.getHeight(), SWT.NORMAL);
  }

  /** The theme of {@code display}, made on first use and disposed with the display. */
  public static Theme of(Display display) {
    Object t = display.getData(KEY);
    if (t instanceof Theme theme) {
      return theme;
    }
    Theme theme = new Theme(display);
    display.setData(KEY, theme);
    display.disposeExec(theme::dispose);
    return theme;
  }

  /** The height of a line of text in the control's font, in SWT points: the unit of sizes. */
  public static int em(Control control) {
    GC gc = new GC(control);
    try {
      return gc.getFontMetrics().getHeight();
    } finally {
      gc.dispose();
    }
  }

  /** Gives {@code control} and everything inside it the dark colours. */
  public void apply(Control control) {
    control.setBackground(control instanceof Composite && !(control instanceof CTabFolder) ? background : surface);
    control.setForeground(text);
    if (control instanceof CTabFolder tabs) {
      tabs.setBackground(background);
      tabs.setSelectionBackground(raised);
      tabs.setSelectionForeground(text);
    }
    if (control instanceof Composite c) {
      for (Control child : c.getChildren()) {
        apply(child);
      }
    }
  }

  public Color background() {
    return background;
  }

  /** Panels and fields, one step lighter than the background. */
  public Color surface() {
    return surface;
  }

  /** Raised elements: module boxes, knobs, buttons. */
  public Color raised() {
    return raised;
  }

  public Color border() {
    return border;
  }

  public Color text() {
    return text;
  }

  /** Secondary text: units, hints. */
  public Color dimText() {
    return dimText;
  }

  public Color accent() {
    return accent;
  }

  /** What is selected: a module, a cable. */
  public Color selection() {
    return selection;
  }

  /** Meter colours: safe level, near full scale, clipping. */
  public Color good() {
    return good;
  }

  public Color warn() {
    return warn;
  }

  public Color bad() {
    return bad;
  }

  /** Cable and port colours by signal type. */
  public Color audio() {
    return audio;
  }

  public Color cv() {
    return cv;
  }

  public Color events() {
    return events;
  }

  public Font bold() {
    return bold;
  }

  public Font small() {
    return small;
  }

  public Font mono() {
    return mono;
  }

  private void dispose() {
    for (Color c : new Color[] {background, surface, raised, border, text, dimText, accent, selection, good, warn,
        bad, audio, cv, events}) {
      c.dispose();
    }
    bold.dispose();
    small.dispose();
    mono.dispose();
  }
}

package org.patchwork.sdk.ui;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * A panel of the workbench (tracker, mixer, scope...). A bundle registers it as a DS service;
 * the shell calls {@link #create} when the panel appears and disposes the returned control when
 * the service goes away or is replaced by a newer version of the bundle.
 *
 * <pre>{@code
 * @Component(service = UiPanel.class)
 * public final class ScopePanel implements UiPanel {
 *   public String id() { return "org.example.scope"; }
 *   public String title() { return "Scope"; }
 *   public Control create(Composite parent) { return new ScopeCanvas(parent); }
 * }
 * }</pre>
 *
 * <p>Thread: the SWT UI thread, for every method. A panel updates its widgets from other
 * threads only through {@code display.asyncExec}, checking {@code isDisposed()} first, and
 * disposes every Color, Font and Image it creates.
 */
@ConsumerType
public interface UiPanel {

  /** Where the shell places a panel. */
  enum Placement {
    /** The main editing area (tracker, patch editor). */
    CENTER,
    /** The bottom area (mixer, scope, automation). */
    BOTTOM,
    /** The side area (browsers, properties). */
    SIDE
  }

  /** A stable reverse-DNS id; the shell remembers layout by it. */
  String id();

  /** The tab title. */
  String title();

  /** Where the panel goes by default. */
  default Placement placement() {
    return Placement.CENTER;
  }

  /** Builds the panel's widgets inside {@code parent} and returns its top control. */
  Control create(Composite parent);
}

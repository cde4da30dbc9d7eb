package org.patchwork.ui.market.internal;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.patchwork.marketplace.Missing;
import org.patchwork.ui.shell.Theme;

/**
 * The strip over the panel when the workbench's project uses modules that are not installed:
 * which, the exact versions its lockfile names, and a button that installs them. Hidden (and
 * taking no space) otherwise. Thread: the UI thread.
 */
final class MissingBanner {

  private final Composite strip;
  private final Label text;
  private final Button install;
  private List<Missing> shown = List.of();

  /** The strip, first in {@code parent}, whose layout is a GridLayout of one column. */
  MissingBanner(Composite parent, Theme theme, Runnable onInstall) {
    strip = new Composite(parent, SWT.NONE);
    strip.setData("patchwork.test.id", "market.banner");
    GridLayout layout = new GridLayout(2, false);
    layout.marginWidth = Theme.em(parent) / 2;
    strip.setLayout(layout);
    strip.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    text = new Label(strip, SWT.WRAP);
    text.setData("patchwork.test.id", "market.banner.text");
    text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    install = new Button(strip, SWT.PUSH);
    install.setData("patchwork.test.id", "market.banner.install");
    install.setText("Install exact versions");
    install.setToolTipText("Install the bundle versions this project was saved with (its lockfile), checked"
        + " against the lockfile's SHA-256 as well as every usual check");
    install.addListener(SWT.Selection, e -> onInstall.run());
    colour(theme);
    show(List.of());
  }

  /** Its own colours, after the theme coloured the whole panel: a raised strip, warning text. */
  void colour(Theme theme) {
    theme.apply(strip);
    strip.setBackground(theme.raised());
    text.setBackground(theme.raised());
    text.setForeground(theme.warn());
  }

  /** Shows the missing modules, or hides the strip when there are none. */
  void show(List<Missing> missing) {
    shown = List.copyOf(missing);
    boolean visible = !missing.isEmpty();
    text.setText(Texts.banner(missing));
    install.setEnabled(Texts.installable(missing));
    ((GridData) strip.getLayoutData()).exclude = !visible;
    strip.setVisible(visible);
    strip.getParent().layout(true, true);
  }

  /** Enables the button unless a command runs. */
  void busy(boolean busy) {
    install.setEnabled(!busy && Texts.installable(shown));
  }
}

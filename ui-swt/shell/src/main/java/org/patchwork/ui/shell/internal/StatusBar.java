package org.patchwork.ui.shell.internal;

import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.WorkbenchState;

/** The bottom row: engine load, xruns, sample rate, latency, driver and the latest message. */
final class StatusBar {

  private final Composite root;
  private final Label load;
  private final Label xruns;
  private final Label rate;
  private final Label latency;
  private final Label driver;
  private final Label message;
  private final Theme theme;

  StatusBar(Composite parent, Theme theme) {
    this.theme = theme;
    root = new Composite(parent, SWT.NONE);
    GridLayout layout = new GridLayout(6, false);
    layout.marginHeight = 1;
    layout.horizontalSpacing = layout.horizontalSpacing * 3;
    root.setLayout(layout);
    load = label("DSP load: block processing time over block duration");
    xruns = label("Buffer under- and overruns since playback started");
    rate = label("Sample rate");
    latency = label("Output latency: one block plus the modules' own latency");
    driver = label("Audio driver");
    message = new Label(root, SWT.NONE);
    message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    theme.apply(root);
    root.setBackground(theme.surface());
    for (var c : root.getChildren()) {
      c.setBackground(theme.surface());
      c.setFont(theme.small());
    }
  }

  private Label label(String tip) {
    Label l = new Label(root, SWT.NONE);
    l.setToolTipText(tip);
    return l;
  }

  Composite control() {
    return root;
  }

  /** The text now shown, for tests and screen readers: every field, tab-separated. */
  String text() {
    return String.join("\t", load.getText(), xruns.getText(), rate.getText(), latency.getText(), driver.getText(),
        message.getText());
  }

  void refresh(WorkbenchState state, Telemetry t) {
    boolean changed = set(load, t.running() ? String.format(Locale.ROOT, "DSP %.1f %%", t.load() * 100) : "DSP --");
    load.setForeground(t.load() > 0.8 ? theme.bad() : t.load() > 0.5 ? theme.warn() : theme.text());
    changed |= set(xruns, "xruns " + t.xruns());
    xruns.setForeground(t.xruns() > 0 ? theme.warn() : theme.text());
    changed |= set(rate, t.sampleRate() + " Hz");
    changed |= set(latency, t.running()
        ? String.format(Locale.ROOT, "latency %.1f ms (%d frames)", t.latencyMillis(), t.latencyFrames())
        : "latency --");
    changed |= set(driver, t.running() ? t.driver() + " driver" : "stopped");
    changed |= set(message, state.message());
    message.setForeground(state.error() ? theme.bad() : theme.dimText());
    if (changed) {
      root.layout(true);
    }
  }

  private static boolean set(Label l, String text) {
    if (text.equals(l.getText())) {
      return false;
    }
    l.setText(text);
    return true;
  }
}

package org.patchwork.ui.mixer.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Send;
import org.patchwork.engine.Track;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The mixer's view model and widgets: strips follow the project's tracks (rebuilt when tracks or
 * their sends change), controls follow the state at display rate unless the user holds them,
 * and every user change goes to the workbench as an edit.
 */
final class MixerView {

  private final Workbench workbench;
  private final ScrolledComposite scroll;
  private final Composite row;
  private final Theme theme;
  private final List<ChannelStrip> strips = new ArrayList<>();
  private MasterStrip master;
  /** The tracks and sends the strips were built for; null until the first build. */
  private List<Object> layout;
  private long revision = -1;

  MixerView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    this.theme = Theme.of(parent.getDisplay());
    scroll = new ScrolledComposite(parent, SWT.H_SCROLL | SWT.V_SCROLL);
    row = new Composite(scroll, SWT.NONE);
    RowLayout rows = new RowLayout(SWT.HORIZONTAL);
    rows.fill = true;
    rows.spacing = Theme.em(parent) / 2;
    row.setLayout(rows);
    scroll.setContent(row);
    scroll.setExpandHorizontal(true);
    scroll.setExpandVertical(true);
    theme.apply(scroll);
    DisplayRate.every(scroll, DisplayRate.METERS_HZ, this::refresh);
    refresh();
  }

  Control control() {
    return scroll;
  }

  private void refresh() {
    WorkbenchState s = workbench.state();
    if (s.revision() != revision) {
      revision = s.revision();
      Graph g = s.project().graph();
      List<Object> shape = shape(g);
      if (!shape.equals(layout)) {
        layout = shape;
        rebuild(g);
      }
      for (int i = 0; i < strips.size(); i++) {
        strips.get(i).show(g.tracks().get(i), g);
      }
      master.show(g.master().gainDb());
    }
    for (ChannelStrip strip : strips) {
      strip.meter();
    }
    master.meter(workbench.telemetry());
  }

  private void rebuild(Graph g) {
    for (Control c : row.getChildren()) {
      c.dispose();
    }
    strips.clear();
    if (g.tracks().isEmpty()) {
      Label none = new Label(row, SWT.NONE);
      none.setText("No tracks in this project.");
    }
    for (Track t : g.tracks()) {
      strips.add(new ChannelStrip(row, workbench, t));
    }
    master = new MasterStrip(row, workbench);
    theme.apply(row);
    strips.forEach(ChannelStrip::colour);
    row.layout(true, true);
    scroll.setMinSize(row.computeSize(SWT.DEFAULT, SWT.DEFAULT));
  }

  private static List<Object> shape(Graph g) {
    List<Object> s = new ArrayList<>();
    for (Track t : g.tracks()) {
      s.add(t.id());
      s.add(t.sends().stream().map(Send::bus).toList());
    }
    return s;
  }

  /** Layout data for a control that fills its strip's width. */
  static GridData fill() {
    return new GridData(SWT.FILL, SWT.CENTER, true, false);
  }

  /**
   * Layout data for faders and meters: at least five lines of text tall, and all the height the
   * mixer area gives beyond that.
   */
  static GridData tall(Composite parent) {
    GridData d = new GridData(SWT.CENTER, SWT.FILL, false, true);
    d.heightHint = Theme.em(parent) * 5;
    return d;
  }

  static GridLayout column(int columns) {
    GridLayout l = new GridLayout(columns, false);
    l.marginWidth = 2;
    l.marginHeight = 2;
    return l;
  }
}

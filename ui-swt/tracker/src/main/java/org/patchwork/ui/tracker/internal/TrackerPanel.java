package org.patchwork.ui.tracker.internal;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Workbench;

/** The tracker panel service: the pattern editor of the project's song, in the main area. */
@Component(service = UiPanel.class)
public final class TrackerPanel implements UiPanel, PanelShortcuts {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.tracker";

  private final Workbench workbench;

  @Activate
  public TrackerPanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Tracker";
  }

  @Override
  public Placement placement() {
    return Placement.CENTER;
  }

  @Override
  public List<KeyHelp> shortcuts() {
    return TrackerKeys.ALL.stream().map(k -> new KeyHelp(k[0], k[1])).toList();
  }

  @Override
  public Control create(Composite parent) {
    return new TrackerView(parent, workbench).control();
  }
}

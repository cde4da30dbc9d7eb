package org.patchwork.ui.automation.internal;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Workbench;

/** The automation lanes panel service: the song's parameter envelopes, in the bottom area. */
@Component(service = UiPanel.class)
public final class AutomationPanel implements UiPanel, PanelShortcuts {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.automation";

  private final Workbench workbench;

  @Activate
  public AutomationPanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Automation";
  }

  @Override
  public Placement placement() {
    return Placement.BOTTOM;
  }

  @Override
  public Control create(Composite parent) {
    return new AutomationView(parent, workbench).control();
  }

  @Override
  public List<KeyHelp> shortcuts() {
    return List.of(
        new KeyHelp("Click", "Add a point (snapped to a line; Shift: in between)"),
        new KeyHelp("Drag a point", "Move it"),
        new KeyHelp("Double-click, Delete", "Remove a point"),
        new KeyHelp("Right-click a segment", "Its curve: step, linear, exponential, curved"),
        new KeyHelp("Wheel, + / -", "Zoom"),
        new KeyHelp("0", "Show the whole song"));
  }
}

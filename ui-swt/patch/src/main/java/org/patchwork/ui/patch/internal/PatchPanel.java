package org.patchwork.ui.patch.internal;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Workbench;

/** The instrument/patch editor panel service, in the main area. */
@Component(service = UiPanel.class)
public final class PatchPanel implements UiPanel {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.patch";

  private final Workbench workbench;

  @Activate
  public PatchPanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Patch";
  }

  @Override
  public Control create(Composite parent) {
    return new PatchView(parent, workbench).control();
  }
}

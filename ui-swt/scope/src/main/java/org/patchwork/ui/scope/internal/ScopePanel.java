package org.patchwork.ui.scope.internal;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Workbench;

/** The scope and spectrum analyser panel service, in the bottom area. */
@Component(service = UiPanel.class)
public final class ScopePanel implements UiPanel {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.scope";

  private final Workbench workbench;

  @Activate
  public ScopePanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Scope";
  }

  @Override
  public Placement placement() {
    return Placement.BOTTOM;
  }

  @Override
  public Control create(Composite parent) {
    return new ScopeView(parent, workbench).control();
  }
}

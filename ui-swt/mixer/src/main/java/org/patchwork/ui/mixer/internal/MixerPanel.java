package org.patchwork.ui.mixer.internal;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Workbench;

/** The mixer panel service: a strip per track and the master, in the bottom area. */
@Component(service = UiPanel.class)
public final class MixerPanel implements UiPanel {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.mixer";

  private final Workbench workbench;

  @Activate
  public MixerPanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Mixer";
  }

  @Override
  public Placement placement() {
    return Placement.BOTTOM;
  }

  @Override
  public Control create(Composite parent) {
    return new MixerView(parent, workbench).control();
  }
}

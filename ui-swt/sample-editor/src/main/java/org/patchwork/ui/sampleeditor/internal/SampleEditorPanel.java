package org.patchwork.ui.sampleeditor.internal;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Workbench;

/**
 * The sample editor panel service: the samples of the project's Sampler modules, in the main
 * area because a waveform wants the width.
 */
@Component(service = UiPanel.class)
public final class SampleEditorPanel implements UiPanel, PanelShortcuts {

  /** The panel's id. */
  public static final String ID = "org.patchwork.ui.sampleeditor";

  private final Workbench workbench;

  @Activate
  public SampleEditorPanel(@Reference Workbench workbench) {
    this.workbench = workbench;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Sample";
  }

  @Override
  public Placement placement() {
    return Placement.CENTER;
  }

  @Override
  public Control create(Composite parent) {
    return new SampleEditorView(parent, workbench).control();
  }

  @Override
  public List<KeyHelp> shortcuts() {
    return List.of(
        new KeyHelp("Drag on the waveform", "Select frames"),
        new KeyHelp("Drag a loop marker", "Move the loop start or end"),
        new KeyHelp("Wheel, + / -", "Zoom (the wheel at the pointer)"),
        new KeyHelp("0", "Show the whole sample"),
        new KeyHelp("Left / Right", "Scroll"),
        new KeyHelp("Ctrl+A", "Select the whole sample"));
  }
}

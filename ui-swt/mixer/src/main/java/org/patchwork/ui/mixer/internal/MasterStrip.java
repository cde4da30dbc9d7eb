package org.patchwork.ui.mixer.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Levels;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.widgets.Fader;
import org.patchwork.ui.shell.widgets.LevelMeter;
import org.patchwork.ui.shell.widgets.ValueScale;

/** The master strip: its fader and the output meter the engine reports through telemetry. */
final class MasterStrip {

  private final Fader fader;
  private final LevelMeter meter;
  private final Label level;

  MasterStrip(Composite parent, Workbench workbench) {
    Theme theme = Theme.of(parent.getDisplay());
    Composite root = new Composite(parent, SWT.BORDER);
    root.setLayout(MixerView.column(2));
    Label name = new Label(root, SWT.CENTER);
    name.setText("Master");
    name.setFont(theme.bold());
    GridData top = MixerView.fill();
    top.horizontalSpan = 2;
    name.setLayoutData(top);
    fader = new Fader(root, SWT.VERTICAL, ValueScale.decibels(6), 0);
    fader.setLayoutData(MixerView.tall(parent));
    fader.setData("patchwork.test.id", "mixer.fader.master");
    fader.setToolTipText("Master level (double-click: 0 dB)");
    fader.onChange(db -> {
      workbench.submit(new Edits.SetMasterGain(db));
      show(db);
    });
    meter = new LevelMeter(root);
    meter.setLayoutData(MixerView.tall(parent));
    meter.setData("patchwork.test.id", "mixer.meter.master");
    level = new Label(root, SWT.CENTER);
    GridData bottom = MixerView.fill();
    bottom.horizontalSpan = 2;
    level.setLayoutData(bottom);
  }

  void show(double gainDb) {
    fader.setValue(gainDb);
    String text = Levels.format(gainDb);
    if (!text.equals(level.getText())) {
      level.setText(text);
    }
  }

  /** The engine meters the master output itself and reports it through the telemetry ring. */
  void meter(Telemetry t) {
    meter.update(t.peakLeft(), t.rmsLeft(), t.peakRight(), t.rmsRight());
  }
}

package org.patchwork.ui.shell.internal;

import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/** The transport row: play/stop, song position, tempo and the project's name. */
final class TransportBar {

  private final Composite root;
  private final Button play;
  private final Label position;
  private final Spinner tempo;
  private final Label name;
  private boolean playing;

  TransportBar(Composite parent, Workbench workbench, Theme theme) {
    root = new Composite(parent, SWT.NONE);
    GridLayout layout = new GridLayout(6, false);
    layout.horizontalSpacing = layout.horizontalSpacing * 2;
    root.setLayout(layout);
    play = new Button(root, SWT.PUSH);
    play.setText("\u25B6 Play");
    play.setToolTipText("Play from the start / stop (Space)");
    play.setData("patchwork.test.id", "transport.play");
    play.addListener(SWT.Selection, e -> {
      if (playing) {
        workbench.stop();
      } else {
        workbench.play();
      }
    });
    position = new Label(root, SWT.NONE);
    position.setFont(theme.mono());
    position.setText(format(0, 120, 48_000));
    position.setToolTipText("Position: bar.beat.sixteenth and minutes:seconds");
    Label tempoLabel = new Label(root, SWT.NONE);
    tempoLabel.setText("Tempo");
    tempo = new Spinner(root, SWT.BORDER);
    tempo.setDigits(1);
    tempo.setValues(1200, 10, 9990, 1, 10, 100);
    tempo.setToolTipText("Beats per minute (applies the next time playback starts)");
    tempo.addListener(SWT.Selection, e -> workbench.submit(new Edits.SetTempo(tempo.getSelection() / 10.0)));
    Label bpm = new Label(root, SWT.NONE);
    bpm.setText("bpm");
    name = new Label(root, SWT.NONE);
    name.setFont(theme.bold());
    name.setLayoutData(new GridData(SWT.END, SWT.CENTER, true, false));
    theme.apply(root);
    position.setForeground(theme.accent());
    bpm.setForeground(theme.dimText());
  }

  Composite control() {
    return root;
  }

  Button playButton() {
    return play;
  }

  /** Display-rate refresh from the latest state and telemetry. */
  void refresh(WorkbenchState state, Telemetry telemetry) {
    if (playing != state.playing()) {
      playing = state.playing();
      play.setText(playing ? "\u25A0 Stop" : "\u25B6 Play");
      root.layout(true);
    }
    String text = format(state.playing() ? telemetry.playheadFrame() : 0, state.project().tempo(),
        telemetry.sampleRate());
    if (!text.equals(position.getText())) {
      position.setText(text);
      root.layout(true);
    }
    int bpm10 = (int) Math.round(state.project().tempo() * 10);
    if (!tempo.isFocusControl() && tempo.getSelection() != bpm10) {
      tempo.setSelection(bpm10);
    }
    if (!state.project().name().equals(name.getText())) {
      name.setText(state.project().name());
      root.layout(true);
    }
  }

  /** {@code bar.beat.sixteenth  m:ss.mmm} in 4/4 from a frame position. */
  static String format(long frame, double tempo, int sampleRate) {
    double seconds = sampleRate <= 0 ? 0 : (double) frame / sampleRate;
    long sixteenths = (long) Math.floor(seconds * tempo / 60 * 4 + 1e-9);
    long bar = sixteenths / 16 + 1;
    long beat = sixteenths / 4 % 4 + 1;
    long sixteenth = sixteenths % 4 + 1;
    long millis = Math.round(seconds * 1000);
    return String.format(Locale.ROOT, "%03d.%d.%d  %d:%02d.%03d", bar, beat, sixteenth, millis / 60_000,
        millis / 1000 % 60, millis % 1000);
  }
}

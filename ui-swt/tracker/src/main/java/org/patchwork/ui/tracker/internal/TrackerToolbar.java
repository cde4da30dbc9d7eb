package org.patchwork.ui.tracker.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Pattern;

/**
 * The row above the grid: octave, edit step, current instrument, the pattern's length, hex or
 * decimal line numbers, follow playhead, and the editor's last message.
 */
final class TrackerToolbar {

  private final PatternEditor editor;
  private final Runnable changed;
  private final Consumer<PatternEditor.Outcome> outcomes;
  private final Composite bar;
  private final Spinner octave;
  private final Spinner step;
  private final Combo instrument;
  private final Spinner length;
  private final Button hex;
  private final Button follow;
  private final Label message;
  private List<Instrument> instruments = List.of();

  TrackerToolbar(Composite parent, PatternEditor editor, Runnable changed,
      Consumer<PatternEditor.Outcome> outcomes) {
    this.editor = editor;
    this.changed = changed;
    this.outcomes = outcomes;
    bar = new Composite(parent, SWT.NONE);
    GridLayout layout = new GridLayout(12, false);
    layout.marginHeight = 2;
    bar.setLayout(layout);
    octave = spinner("Octave", "tracker.octave", 0, 9, "Octave of the lower piano row (keypad * and /)");
    octave.addListener(SWT.Selection, e -> set(() -> editor.octave(octave.getSelection())));
    step = spinner("Step", "tracker.step", 0, 16, "Lines the cursor moves after typing (keypad + and -)");
    step.addListener(SWT.Selection, e -> set(() -> editor.step(step.getSelection())));
    new Label(bar, SWT.NONE).setText("Instrument");
    instrument = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
    instrument.setData("patchwork.test.id", "tracker.instrument");
    instrument.setToolTipText("Instrument of new notes (Alt+Up / Alt+Down); -- plays on the track's own output");
    instrument.addListener(SWT.Selection, e -> set(() -> editor.instrument(instrument.getSelectionIndex() - 1)));
    length = spinner("Lines", "tracker.length", 1, Pattern.MAX_LENGTH, "Lines of this pattern");
    length.addListener(SWT.Selection, e -> resize());
    hex = new Button(bar, SWT.CHECK);
    hex.setText("Hex");
    hex.setData("patchwork.test.id", "tracker.hex");
    hex.setToolTipText("Line numbers in hex");
    hex.addListener(SWT.Selection, e -> set(() -> editor.hexLines(hex.getSelection())));
    follow = new Button(bar, SWT.CHECK);
    follow.setText("Follow");
    follow.setData("patchwork.test.id", "tracker.follow");
    follow.setToolTipText("Follow the playhead while playing (Scroll Lock)");
    follow.addListener(SWT.Selection, e -> set(() -> editor.follow(follow.getSelection())));
    message = new Label(bar, SWT.NONE);
    message.setData("patchwork.test.id", "tracker.message");
    message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
  }

  Control control() {
    return bar;
  }

  private Spinner spinner(String label, String id, int min, int max, String tip) {
    new Label(bar, SWT.NONE).setText(label);
    Spinner s = new Spinner(bar, SWT.BORDER);
    s.setValues(min, min, max, 0, 1, 4);
    s.setData("patchwork.test.id", id);
    s.setToolTipText(tip);
    return s;
  }

  private void set(Runnable r) {
    r.run();
    changed.run();
  }

  private void resize() {
    PatternEditor.Outcome out = editor.resize(length.getSelection());
    if (out.handled()) {
      outcomes.accept(out);
    }
  }

  /** Shows the editor's settings. */
  void show() {
    octave.setSelection(editor.octave());
    step.setSelection(editor.step());
    if (!editor.song().instruments().equals(instruments)) {
      instruments = editor.song().instruments();
      List<String> items = new ArrayList<>();
      items.add("-- (the track's own)");
      for (int i = 0; i < instruments.size(); i++) {
        items.add(String.format(Locale.ROOT, "%02X %s", i, instruments.get(i).name()));
      }
      instrument.setItems(items.toArray(String[]::new));
      bar.layout(true);
    }
    instrument.select(editor.instrument() + 1);
    length.setSelection(Math.max(1, editor.length()));
    length.setEnabled(editor.pattern() >= 0);
    hex.setSelection(editor.hexLines());
    follow.setSelection(editor.follow());
  }

  /** Shows a message of the editor (a refused key, what was copied); "" clears it. */
  void message(String text) {
    String t = text == null ? "" : text;
    if (!t.equals(message.getText())) {
      message.setText(t);
      message.setToolTipText(t);
    }
  }
}

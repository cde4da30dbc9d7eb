package org.patchwork.ui.tracker.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.Theme;

/**
 * The order list beside the grid: one row per entry, {@code 03 : 07} for order index 3 playing
 * pattern 7; a click shows that pattern. Below it, buttons add a new pattern after the entry on
 * show and remove the entry.
 */
final class OrderList {

  private final PatternEditor editor;
  private final Runnable changed;
  private final Consumer<PatternEditor.Outcome> outcomes;
  private final Composite box;
  private final org.eclipse.swt.widgets.List list;
  private String[] items = new String[0];

  OrderList(Composite parent, PatternEditor editor, Runnable changed, Consumer<PatternEditor.Outcome> outcomes) {
    this.editor = editor;
    this.changed = changed;
    this.outcomes = outcomes;
    box = new Composite(parent, SWT.NONE);
    GridLayout layout = new GridLayout(2, true);
    layout.marginWidth = 2;
    layout.marginHeight = 0;
    box.setLayout(layout);
    list = new org.eclipse.swt.widgets.List(box, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
    list.setData("patchwork.test.id", "tracker.order");
    list.setToolTipText("The order list: which pattern plays when (Alt+Left / Alt+Right in the grid)");
    GridData fill = new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1);
    fill.widthHint = Theme.em(parent) * 4;
    list.setLayoutData(fill);
    list.addListener(SWT.Selection, e -> {
      if (list.getSelectionIndex() >= 0) {
        editor.goToOrder(list.getSelectionIndex());
        changed.run();
      }
    });
    Button add = new Button(box, SWT.PUSH);
    add.setText("+");
    add.setToolTipText("A new empty pattern after this one in the order");
    add.setData("patchwork.test.id", "tracker.newPattern");
    add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    add.addListener(SWT.Selection, e -> addPattern());
    Button remove = new Button(box, SWT.PUSH);
    remove.setText("-");
    remove.setToolTipText("Take this entry out of the order (the pattern stays in the song)");
    remove.setData("patchwork.test.id", "tracker.removeOrder");
    remove.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    remove.addListener(SWT.Selection, e -> removeEntry());
  }

  Control control() {
    return box;
  }

  /** Shows the order list and the entry on show. */
  void show() {
    Song song = editor.song();
    List<String> rows = new ArrayList<>();
    if (song.order().isEmpty()) {
      for (int p = 0; p < song.patterns().size(); p++) {
        rows.add(String.format(Locale.ROOT, "-- : %02X", p));
      }
    } else {
      for (int i = 0; i < song.order().size(); i++) {
        rows.add(String.format(Locale.ROOT, "%02X : %02X", i, song.order().get(i)));
      }
    }
    String[] now = rows.toArray(String[]::new);
    if (!Arrays.equals(now, items)) {
      items = now;
      list.setItems(now);
    }
    if (editor.entries() > 0 && list.getSelectionIndex() != editor.order()) {
      list.setSelection(editor.order());
      list.showSelection();
    }
  }

  private void addPattern() {
    apply(editor.addPattern());
  }

  private void removeEntry() {
    apply(editor.removeEntry());
  }

  private void apply(PatternEditor.Outcome out) {
    outcomes.accept(out);
  }
}

package org.patchwork.ui.shell.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Theme;

/** The keyboard shortcuts, as a panel (F1 brings it to the front). */
@Component(service = UiPanel.class)
public final class HelpPanel implements UiPanel {

  @Override
  public String id() {
    return WorkbenchWindow.HELP_ID;
  }

  @Override
  public String title() {
    return "Keys";
  }

  @Override
  public Placement placement() {
    return Placement.BOTTOM;
  }

  @Override
  public Control create(Composite parent) {
    Table table = new Table(parent, SWT.FULL_SELECTION | SWT.V_SCROLL);
    table.setHeaderVisible(true);
    table.setLinesVisible(false);
    for (String title : new String[] {"Where", "Keys", "What"}) {
      TableColumn c = new TableColumn(table, SWT.LEFT);
      c.setText(title);
    }
    for (Shortcuts.Shortcut s : Shortcuts.ALL) {
      TableItem row = new TableItem(table, SWT.NONE);
      row.setText(new String[] {s.area(), s.keys(), s.action()});
    }
    Theme theme = Theme.of(parent.getDisplay());
    theme.apply(table);
    for (TableColumn c : table.getColumns()) {
      c.pack();
    }
    return table;
  }
}

package org.patchwork.ui.shell.internal;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.osgi.service.component.annotations.Component;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Theme;

/**
 * The keyboard shortcuts, as a panel (F1 brings it to the front): the shell's, then those of
 * every panel in the window that lists its keys ({@link PanelShortcuts}), refreshed as panels
 * come and go.
 */
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
    table.setData("patchwork.test.id", "help.keys");
    table.setHeaderVisible(true);
    table.setLinesVisible(false);
    for (String title : new String[] {"Where", "Keys", "What"}) {
      TableColumn c = new TableColumn(table, SWT.LEFT);
      c.setText(title);
    }
    Theme.of(parent.getDisplay()).apply(table);
    // Outside a workbench window (a test, a preview) only the shell's own keys are listed.
    PanelHost host = PanelHost.of(parent);
    fill(table, host == null ? List.of() : host.present());
    if (host != null) {
      host.onChange(table, () -> {
        if (!table.isDisposed()) {
          fill(table, host.present());
        }
      });
    }
    return table;
  }

  private static void fill(Table table, List<UiPanel> panels) {
    List<HelpRows.Row> rows = HelpRows.of(panels);
    table.setRedraw(false);
    try {
      table.removeAll();
      for (HelpRows.Row r : rows) {
        TableItem row = new TableItem(table, SWT.NONE);
        row.setText(new String[] {r.where(), r.keys(), r.action()});
      }
      for (TableColumn c : table.getColumns()) {
        c.pack();
      }
    } finally {
      table.setRedraw(true);
    }
  }
}

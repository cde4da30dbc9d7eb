package org.patchwork.ui.patch.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.patchwork.engine.Graph;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;

/**
 * The module browser: every installed module, filtered as you type by name, id or tag
 * ("filter", "lfo", "oscillator"); Enter, a double click or Add puts the selected one into the
 * patch under a fresh name.
 */
final class ModuleBrowser {

  private final Workbench workbench;
  private final Composite root;
  private final Text search;
  private final Table table;
  private List<ModuleDescriptor> shown = List.of();
  private List<String> known = List.of();

  ModuleBrowser(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    root = new Composite(parent, SWT.NONE);
    root.setLayout(new GridLayout(1, false));
    search = new Text(root, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
    search.setMessage("Search modules by name or tag");
    search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    search.setData("patchwork.test.id", "patch.search");
    search.addListener(SWT.Modify, e -> filter());
    search.addListener(SWT.DefaultSelection, e -> add());
    search.addListener(SWT.KeyDown, e -> {
      if (e.keyCode == SWT.ARROW_DOWN) {
        focusList();
      }
    });
    table = new Table(root, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL);
    table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    table.setData("patchwork.test.id", "patch.modules");
    table.addListener(SWT.DefaultSelection, e -> add());
    Button add = new Button(root, SWT.PUSH);
    add.setText("Add to patch");
    add.setToolTipText("Add the selected module (Enter)");
    add.setData("patchwork.test.id", "patch.add");
    add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    add.addListener(SWT.Selection, e -> add());
    Theme.of(parent.getDisplay()).apply(root);
  }

  Control control() {
    return root;
  }

  /** Gives the search field the keyboard (Ctrl+F). */
  void focusSearch() {
    search.setFocus();
    search.selectAll();
  }

  private void focusList() {
    if (table.getItemCount() > 0) {
      table.setFocus();
      table.setSelection(0);
    }
  }

  /** Refills the list when the installed modules changed (a module bundle came or went). */
  void refresh() {
    List<String> ids = workbench.modules().stream().map(ModuleDescriptor::id).toList();
    if (!ids.equals(known)) {
      known = ids;
      filter();
    }
  }

  private void filter() {
    String q = search.getText().strip().toLowerCase(Locale.ROOT);
    List<ModuleDescriptor> matches = new ArrayList<>();
    for (ModuleDescriptor d : workbench.modules()) {
      if (q.isEmpty() || matches(d, q)) {
        matches.add(d);
      }
    }
    shown = matches;
    table.removeAll();
    for (ModuleDescriptor d : matches) {
      TableItem row = new TableItem(table, SWT.NONE);
      row.setText(d.name() + "  \u2014  " + String.join(", ", d.tags().stream().sorted().toList()));
    }
    if (!matches.isEmpty()) {
      table.setSelection(0);
    }
  }

  static boolean matches(ModuleDescriptor d, String query) {
    if (d.name().toLowerCase(Locale.ROOT).contains(query) || d.id().toLowerCase(Locale.ROOT).contains(query)) {
      return true;
    }
    for (String tag : d.tags()) {
      if (tag.toLowerCase(Locale.ROOT).contains(query)) {
        return true;
      }
    }
    return d.kind().name().toLowerCase(Locale.ROOT).contains(query);
  }

  private void add() {
    int i = table.getSelectionIndex();
    if (i < 0 || i >= shown.size()) {
      return;
    }
    ModuleDescriptor d = shown.get(i);
    workbench.submit(new Edits.AddNode(freshId(workbench.state().project().graph(), d), d.id()));
  }

  /** A node id from the module's name: "lfo", then "lfo-2", "lfo-3"... */
  static String freshId(Graph g, ModuleDescriptor d) {
    String base = d.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    if (base.isEmpty() || base.equals("master")) {
      base = "module";
    }
    String id = base;
    for (int n = 2; g.node(id).isPresent(); n++) {
      id = base + "-" + n;
    }
    return id;
  }
}

package org.patchwork.ui.patch.internal;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.patchwork.engine.Graph;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The patch editor: the module browser on the left, the graph in the middle, the selected
 * module's parameters on the right. It follows the workbench state at display rate (redrawing only
 * when the revision changed) and changes nothing itself: every action is an edit.
 */
final class PatchView {

  private final Workbench workbench;
  private final SashForm root;
  private final ModuleBrowser browser;
  private final GraphCanvas graph;
  private final ParameterPane parameters;
  private long revision = -1;
  private Graph shown;

  PatchView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    root = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
    browser = new ModuleBrowser(root, workbench);
    ScrolledComposite scroll = new ScrolledComposite(root, SWT.H_SCROLL | SWT.V_SCROLL);
    graph = new GraphCanvas(scroll, workbench, this::selected);
    scroll.setContent(graph);
    parameters = new ParameterPane(root, workbench);
    root.setWeights(2, 7, 3);
    Theme.of(parent.getDisplay()).apply(root);
    scroll.addListener(SWT.Resize, e -> {
      if (shown != null) {
        graph.show(shown);
      }
    });
    // One listener object, so the same one is removed again when the view goes.
    org.eclipse.swt.widgets.Listener keys = this::searchKey;
    root.getDisplay().addFilter(SWT.KeyDown, keys);
    root.addListener(SWT.Dispose, e -> root.getDisplay().removeFilter(SWT.KeyDown, keys));
    DisplayRate.every(root, 30, this::refresh);
    refresh();
  }

  Control control() {
    return root;
  }

  /** Ctrl+F anywhere in the patch editor goes to the module search. */
  private void searchKey(org.eclipse.swt.widgets.Event e) {
    if ((e.stateMask & SWT.MOD1) != 0 && (e.keyCode == 'f' || e.keyCode == 'F') && inside(e.widget)) {
      e.doit = false;
      browser.focusSearch();
    }
  }

  private boolean inside(org.eclipse.swt.widgets.Widget w) {
    for (Control c = w instanceof Control x ? x : null; c != null; c = c.getParent()) {
      if (c == root) {
        return true;
      }
    }
    return false;
  }

  private void selected(String node) {
    parameters.show(node);
  }

  private void refresh() {
    browser.refresh();
    WorkbenchState s = workbench.state();
    if (s.revision() == revision) {
      return;
    }
    revision = s.revision();
    Graph g = s.project().graph();
    if (!g.equals(shown)) {
      shown = g;
      graph.show(g);
    }
    parameters.show(graph.selectedNode());
  }
}

package org.patchwork.ui.patch.internal;

import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Node;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.widgets.Knob;
import org.patchwork.ui.shell.widgets.ValueScale;

/**
 * The selected module's parameters: a knob each, scaled, named and formatted from the module's
 * descriptor (range, default, unit, stepped value names). Turning a knob sends a parameter edit;
 * the knobs follow the project (undo, another view) unless the user is turning them.
 */
final class ParameterPane {

  private final Workbench workbench;
  private final ScrolledComposite scroll;
  private final Composite body;
  private final Label title;
  private final Composite knobs;
  private final List<Knob> controls = new ArrayList<>();
  private final List<String> parameters = new ArrayList<>();
  private String node;
  private String module;

  ParameterPane(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    scroll = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
    body = new Composite(scroll, SWT.NONE);
    body.setLayout(new GridLayout(1, false));
    title = new Label(body, SWT.WRAP);
    GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
    wide.widthHint = Theme.em(parent) * 10;
    title.setLayoutData(wide);
    knobs = new Composite(body, SWT.NONE);
    knobs.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    RowLayout row = new RowLayout(SWT.HORIZONTAL);
    row.wrap = true;
    knobs.setLayout(row);
    scroll.setContent(body);
    scroll.setExpandHorizontal(true);
    scroll.setExpandVertical(true);
    scroll.addListener(SWT.Resize, e -> resize());
    Theme theme = Theme.of(parent.getDisplay());
    theme.apply(scroll);
    title.setFont(theme.bold());
    show(null);
  }

  Control control() {
    return scroll;
  }

  /** Shows the parameters of {@code nodeId} (null: a hint to select a module). */
  void show(String nodeId) {
    Node n = nodeId == null ? null : workbench.state().project().graph().node(nodeId).orElse(null);
    ModuleDescriptor d = n == null ? null : workbench.module(n.module()).orElse(null);
    String moduleId = n == null ? null : n.module();
    if (java.util.Objects.equals(nodeId, node) && java.util.Objects.equals(moduleId, module) && !controls.isEmpty()) {
      refresh();
      return;
    }
    node = n == null ? null : nodeId;
    module = moduleId;
    for (Control c : knobs.getChildren()) {
      c.dispose();
    }
    controls.clear();
    parameters.clear();
    if (n == null) {
      title.setText("Select a module to edit its parameters");
    } else if (d == null) {
      title.setText(n.id() + ": module " + n.module() + " is not installed");
    } else {
      title.setText(n.id() + ": " + d.name() + " (" + d.vendor() + " " + d.version() + ")");
      for (ParameterDescriptor p : d.parameters()) {
        Knob k = new Knob(knobs, p.name(), ValueScale.of(p), p.defaultValue());
        k.setData("patchwork.test.id", "patch.param." + n.id() + "." + p.id());
        k.setToolTipText(p.name() + " (" + p.id() + "): " + ValueScale.of(p).format(p.min()) + " .. "
            + ValueScale.of(p).format(p.max()) + "; double-click resets to " + ValueScale.of(p).format(p.defaultValue()));
        String nodeRef = n.id();
        k.onChange(v -> workbench.submit(new Edits.SetParameter(nodeRef, p.id(), v)));
        controls.add(k);
        parameters.add(p.id());
      }
      refresh();
    }
    Theme.of(knobs.getDisplay()).apply(knobs);
    title.getParent().layout(true, true);
    resize();
  }

  /** Follows the project's values. */
  void refresh() {
    if (node == null) {
      return;
    }
    Node n = workbench.state().project().graph().node(node).orElse(null);
    if (n == null) {
      show(null);
      return;
    }
    ModuleDescriptor d = workbench.module(n.module()).orElse(null);
    if (d == null) {
      return;
    }
    for (int i = 0; i < controls.size(); i++) {
      Double v = n.params().get(parameters.get(i));
      controls.get(i).setValue(v != null ? v : d.parameters().get(i).defaultValue());
    }
  }

  private void resize() {
    int width = scroll.getClientArea().width;
    scroll.setMinSize(body.computeSize(Math.max(1, width), SWT.DEFAULT));
  }
}

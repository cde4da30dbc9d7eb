package org.patchwork.ui.automation.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.Envelope;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.SongEdit;
import org.patchwork.ui.shell.Telemetry;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The automation panel's widgets: the song's lanes in a list with controls to add a lane (a node
 * and one of its automatable parameters) or remove one, and the selected lane's canvas with a
 * line of help or of the value under the pointer. It follows the workbench at display rate
 * (the playhead every frame, the song when the state's revision moves) and sends every change
 * as a {@link SongEdit} with the sequencer's {@link Edit.SetEnvelope} or
 * {@link Edit.RemoveEnvelope}.
 */
final class AutomationView implements LaneCanvas.Editor {

  static final String HELP = "Click: add a point  \u00b7  drag: move it (Shift: off the line grid)  \u00b7  "
      + "double-click or Delete: remove  \u00b7  right-click a segment: its curve  \u00b7  wheel or +/-: zoom, 0: all";

  private final Workbench workbench;
  private final Theme theme;
  private final SashForm root;
  private final org.eclipse.swt.widgets.List lanesList;
  private final Combo node;
  private final Combo parameter;
  private final Button add;
  private final Button remove;
  private final LaneCanvas canvas;
  private final Label info;
  private final SongClock clock = new SongClock();
  private long revision = -1;
  private Project project;
  private String songJson;
  private Song song;
  private List<Lane> lanes = List.of();
  private String selectedTarget;
  private List<String> nodeIds = List.of();
  private List<ParameterDescriptor> parameters = List.of();
  private String error = "";

  AutomationView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    this.theme = Theme.of(parent.getDisplay());
    root = new SashForm(parent, SWT.HORIZONTAL);
    Composite left = new Composite(root, SWT.NONE);
    left.setLayout(new GridLayout(2, true));
    lanesList = new org.eclipse.swt.widgets.List(left, SWT.SINGLE | SWT.V_SCROLL | SWT.BORDER);
    lanesList.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
    lanesList.setData("patchwork.test.id", "automation.lanes");
    node = new Combo(left, SWT.READ_ONLY | SWT.DROP_DOWN);
    node.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    node.setData("patchwork.test.id", "automation.node");
    node.setToolTipText("The module whose parameter the new lane drives");
    parameter = new Combo(left, SWT.READ_ONLY | SWT.DROP_DOWN);
    parameter.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
    parameter.setData("patchwork.test.id", "automation.parameter");
    parameter.setToolTipText("Its automatable parameters that have no lane yet");
    add = new Button(left, SWT.PUSH);
    add.setText("Add lane");
    add.setData("patchwork.test.id", "automation.add");
    add.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    remove = new Button(left, SWT.PUSH);
    remove.setText("Remove lane");
    remove.setData("patchwork.test.id", "automation.remove");
    remove.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

    Composite right = new Composite(root, SWT.NONE);
    GridLayout grid = new GridLayout(1, false);
    grid.marginWidth = 0;
    grid.marginHeight = 2;
    right.setLayout(grid);
    canvas = new LaneCanvas(right, this, this::status);
    canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    info = new Label(right, SWT.NONE);
    info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    info.setData("patchwork.test.id", "automation.info");
    root.setWeights(1, 4);

    lanesList.addListener(SWT.Selection, e -> {
      int i = lanesList.getSelectionIndex();
      selectedTarget = i >= 0 && i < lanes.size() ? lanes.get(i).envelope().target() : null;
      showLane();
    });
    lanesList.addListener(SWT.KeyDown, e -> {
      if (e.keyCode == SWT.DEL) {
        removeSelectedLane();
      }
    });
    node.addListener(SWT.Selection, e -> fillParameters());
    add.addListener(SWT.Selection, e -> addLane());
    remove.addListener(SWT.Selection, e -> removeSelectedLane());

    theme.apply(root);
    canvas.setBackground(theme.background());
    info.setForeground(theme.dimText());
    info.setText(HELP);
    DisplayRate.every(root, DisplayRate.METERS_HZ, this::refresh);
    refresh();
  }

  Control control() {
    return root;
  }

  // ---- LaneCanvas.Editor ----

  @Override
  public void set(Envelope envelope, String label, String mergeKey) {
    submit(new SongEdit(label, new Edit.SetEnvelope(envelope), mergeKey));
  }

  @Override
  public void remove(Envelope lane) {
    submit(new SongEdit("Remove the lane " + lane.target(), new Edit.RemoveEnvelope(lane.node(), lane.parameter())));
  }

  // ---- following the workbench ----

  private void refresh() {
    WorkbenchState s = workbench.state();
    if (s.revision() != revision) {
      revision = s.revision();
      follow(s.project());
    }
    Telemetry t = workbench.telemetry();
    canvas.playhead(s.playing() && song != null ? clock.position(song, t.sampleRate(), t.playheadFrame()) : Double.NaN);
  }

  private void follow(Project p) {
    if (p != project) {
      project = p;
      error = "";
    }
    if (!p.hasSong()) {
      song = null;
      songJson = null;
      lanes = List.of();
      items(lanesList, List.of());
      canvas.showMessage("This project plays notes, not a tracker song. Automation lanes belong to a song:\n"
          + "make one in the tracker, then draw its parameters' envelopes here.");
      enable();
      return;
    }
    if (!p.song().equals(songJson)) {
      songJson = p.song();
      try {
        song = SongEdit.song(p);
      } catch (RuntimeException e) {
        song = null;
        canvas.showMessage("The song cannot be read: " + e.getMessage());
      }
    }
    lanes = song == null ? List.of() : Lane.of(song.automation(), p, workbench::module);
    items(lanesList, lanes.stream().map(Lane::label).toList());
    fillNodes();
    showLane();
  }

  private void showLane() {
    if (song == null) {
      enable();
      return;
    }
    int at = -1;
    for (int i = 0; i < lanes.size(); i++) {
      if (lanes.get(i).envelope().target().equals(selectedTarget)) {
        at = i;
      }
    }
    if (at < 0 && !lanes.isEmpty()) {
      at = 0;
      selectedTarget = lanes.getFirst().envelope().target();
    }
    if (at < 0) {
      selectedTarget = null;
      canvas.showMessage("No automation lanes yet.\nChoose a module and one of its parameters on the left, then Add lane.");
    } else {
      if (lanesList.getSelectionIndex() != at) {
        lanesList.select(at);
      }
      canvas.show(lanes.get(at), song);
    }
    enable();
  }

  /** The nodes with an automatable parameter that has no lane yet. */
  private void fillNodes() {
    Set<String> taken = lanes.stream().map(l -> l.envelope().target()).collect(Collectors.toSet());
    List<String> ids = new ArrayList<>();
    for (Node n : project.graph().nodes()) {
      List<ParameterDescriptor> free = free(n, taken);
      if (!free.isEmpty()) {
        ids.add(n.id());
      }
    }
    String chosen = node.getSelectionIndex() >= 0 && node.getSelectionIndex() < nodeIds.size()
        ? nodeIds.get(node.getSelectionIndex()) : null;
    nodeIds = ids;
    items(node, ids.isEmpty() ? List.of("(none)") : ids);
    node.select(Math.max(0, ids.indexOf(chosen)));
    fillParameters();
  }

  private void fillParameters() {
    int n = node.getSelectionIndex();
    Set<String> taken = lanes.stream().map(l -> l.envelope().target()).collect(Collectors.toSet());
    parameters = n >= 0 && n < nodeIds.size()
        ? project.graph().node(nodeIds.get(n)).map(x -> free(x, taken)).orElse(List.of())
        : List.of();
    String chosen = parameter.getSelectionIndex() >= 0 ? parameter.getText() : null;
    List<String> names = parameters.stream().map(AutomationView::parameterLabel).toList();
    items(parameter, names.isEmpty() ? List.of("(none)") : names);
    parameter.select(Math.max(0, names.indexOf(chosen)));
    enable();
  }

  private List<ParameterDescriptor> free(Node n, Set<String> taken) {
    return workbench.module(n.module()).map(Lane::automatable).orElse(List.of()).stream()
        .filter(p -> !taken.contains(n.id() + "." + p.id())).toList();
  }

  private static String parameterLabel(ParameterDescriptor p) {
    return p.name() + (p.unit().isEmpty() ? "" : " (" + p.unit() + ")");
  }

  private void enable() {
    boolean editable = song != null;
    node.setEnabled(editable && !nodeIds.isEmpty());
    parameter.setEnabled(editable && !parameters.isEmpty());
    add.setEnabled(editable && !parameters.isEmpty());
    remove.setEnabled(editable && selectedTarget != null);
    lanesList.setEnabled(editable);
  }

  // ---- commands ----

  private void addLane() {
    int n = node.getSelectionIndex();
    int p = parameter.getSelectionIndex();
    if (song == null || n < 0 || n >= nodeIds.size() || p < 0 || p >= parameters.size()) {
      return;
    }
    Node target = project.graph().node(nodeIds.get(n)).orElseThrow();
    Envelope lane = Lane.start(target, parameters.get(p));
    selectedTarget = lane.target();
    submit(new SongEdit("Add the lane " + lane.target(), new Edit.SetEnvelope(lane)));
  }

  private void removeSelectedLane() {
    for (Lane l : lanes) {
      if (l.envelope().target().equals(selectedTarget)) {
        remove(l.envelope());
        return;
      }
    }
  }

  private void submit(org.patchwork.ui.shell.Edit edit) {
    error = "";
    workbench.submit(edit).whenComplete((state, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        ui(() -> {
          error = cause.getMessage() == null ? "the edit was refused" : cause.getMessage();
          status(null);
          // Show the song as it is, not as the refused edit would have made it.
          revision = -1;
          songJson = null;
        });
      }
    });
  }

  private void status(String text) {
    if (info.isDisposed()) {
      return;
    }
    boolean failed = !error.isEmpty();
    info.setForeground(failed ? theme.bad() : theme.dimText());
    info.setText(failed ? error : text == null ? HELP : text);
  }

  private void ui(Runnable task) {
    if (root.isDisposed()) {
      return;
    }
    root.getDisplay().asyncExec(() -> {
      if (!root.isDisposed()) {
        task.run();
      }
    });
  }

  private static void items(Combo combo, List<String> items) {
    if (!Arrays.asList(combo.getItems()).equals(items)) {
      combo.setItems(items.toArray(String[]::new));
    }
  }

  private static void items(org.eclipse.swt.widgets.List list, List<String> items) {
    if (!Arrays.asList(list.getItems()).equals(items)) {
      list.setItems(items.toArray(String[]::new));
    }
  }
}

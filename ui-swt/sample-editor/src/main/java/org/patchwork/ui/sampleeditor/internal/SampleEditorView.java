package org.patchwork.ui.sampleeditor.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.WavReader;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.engine.Project;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The sample editor's widgets: a chooser of sampler node and zone, the zone's root key and loop
 * mode, the commands, the waveform and a line of facts. It follows the workbench state at
 * display rate and sends every change as a {@link SampleSetEdit}; when the project has no
 * sampler it says so and offers to add one.
 */
final class SampleEditorView {

  private static final int REFRESH_HZ = 30;

  private final Workbench workbench;
  private final Theme theme;
  private final Composite root;
  private final Button addSampler;
  private final Combo node;
  private final Combo zone;
  private final Combo rootKey;
  private final Combo loopMode;
  private final Button load;
  private final Button normalize;
  private final Button trim;
  private final Button loopSelection;
  private final WaveCanvas wave;
  private final Label info;
  private final SamplerNodes samplers = new SamplerNodes();
  private long revision = -1;
  private String nodeId;
  private int zoneIndex;
  private SampleSet set;
  private String error = "";
  private Project project;

  SampleEditorView(Composite parent, Workbench workbench) {
    this.workbench = workbench;
    this.theme = Theme.of(parent.getDisplay());
    root = new Composite(parent, SWT.NONE);
    GridLayout grid = new GridLayout(1, false);
    grid.marginWidth = 2;
    grid.marginHeight = 2;
    root.setLayout(grid);
    Composite bar = new Composite(root, SWT.NONE);
    bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    RowLayout row = new RowLayout(SWT.HORIZONTAL);
    row.center = true;
    row.wrap = true;
    bar.setLayout(row);
    node = combo(bar, "Sampler", "sample.node");
    zone = combo(bar, "Zone", "sample.zone");
    rootKey = combo(bar, "Root", "sample.root");
    List<String> keys = new ArrayList<>();
    for (int k = 0; k <= 127; k++) {
      keys.add(Keys.name(k));
    }
    rootKey.setItems(keys.toArray(String[]::new));
    rootKey.setVisibleItemCount(16);
    loopMode = combo(bar, "Loop", "sample.loop");
    loopMode.setItems(Arrays.stream(Zone.Loop.values()).map(Keys::loopName).toArray(String[]::new));
    load = button(bar, "Load WAV...", "sample.load", "Replace the zone's sample with a WAV file");
    normalize = button(bar, "Normalize", "sample.normalize", "Raise the peak of the selection (or the whole sample) to 0 dBFS");
    trim = button(bar, "Trim", "sample.trim", "Keep only the selection");
    loopSelection = button(bar, "Loop selection", "sample.loopSelection", "Loop the selected frames");
    addSampler = button(bar, "Add a sampler", "sample.addSampler", "Add a Sampler module to the project");
    addSampler.addListener(SWT.Selection, e -> addSampler());
    wave = new WaveCanvas(root, this::loopMoved, this::showInfo);
    wave.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    info = new Label(root, SWT.NONE);
    info.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    info.setData("patchwork.test.id", "sample.info");

    node.addListener(SWT.Selection, e -> {
      nodeId = node.getText();
      zoneIndex = 0;
      revision = -1;
      refresh();
    });
    zone.addListener(SWT.Selection, e -> {
      zoneIndex = Math.max(0, zone.getSelectionIndex());
      revision = -1;
      refresh();
    });
    rootKey.addListener(SWT.Selection, e -> {
      if (set != null && rootKey.getSelectionIndex() != currentZone().rootKey()) {
        submit(new SampleSetEdit.SetRootKey(nodeId, zoneIndex, rootKey.getSelectionIndex()));
      }
    });
    loopMode.addListener(SWT.Selection, e -> loopModeChosen());
    load.addListener(SWT.Selection, e -> loadWav());
    normalize.addListener(SWT.Selection, e -> normalize());
    trim.addListener(SWT.Selection, e -> {
      int[] s = wave.selection();
      submit(new SampleSetEdit.Trim(nodeId, currentZone().sample(), s[0], s[1]));
    });
    loopSelection.addListener(SWT.Selection, e -> {
      int[] s = wave.selection();
      Zone.Loop mode = currentZone().loop() == Zone.Loop.OFF ? Zone.Loop.FORWARD : currentZone().loop();
      submit(new SampleSetEdit.SetLoop(nodeId, zoneIndex, mode, s[0], s[1]));
    });

    theme.apply(root);
    wave.setBackground(theme.background());
    DisplayRate.every(root, REFRESH_HZ, this::refresh);
    refresh();
  }

  Control control() {
    return root;
  }

  private void refresh() {
    WorkbenchState s = workbench.state();
    if (s.revision() == revision) {
      return;
    }
    revision = s.revision();
    Project p = s.project();
    if (p != project) {
      // A refusal stays on show until the project changes.
      project = p;
      error = "";
    }
    List<String> ids = SamplerNodes.samplers(p);
    if (ids.isEmpty()) {
      showEmpty();
      return;
    }
    if (nodeId == null || !ids.contains(nodeId)) {
      nodeId = ids.getFirst();
      zoneIndex = 0;
    }
    items(node, ids, ids.indexOf(nodeId));
    SamplerNodes.Loaded loaded = samplers.load(p, nodeId);
    set = loaded.set();
    if (set == null) {
      items(zone, List.of(loaded.problem() != null ? "(unreadable)" : "Built-in set"), 0);
      wave.showMessage(loaded.problem() != null ? "The state of " + nodeId + " cannot be read: " + loaded.problem()
          : nodeId + " plays the Sampler's built-in electric piano.\nLoad WAV... puts a recording of yours in its place.");
    } else {
      zoneIndex = Math.min(zoneIndex, set.zones().size() - 1);
      List<String> zones = new ArrayList<>();
      for (int z = 0; z < set.zones().size(); z++) {
        zones.add(Keys.zone(set, z));
      }
      items(zone, zones, zoneIndex);
      Zone z = currentZone();
      rootKey.select(z.rootKey());
      loopMode.select(z.loop().ordinal());
      wave.show(set.samples().get(z.sample()), z);
    }
    showInfo();
  }

  private void showEmpty() {
    nodeId = null;
    set = null;
    // Placeholders, not empty lists: GTK mis-sizes a read-only combo emptied while it shows an item.
    items(node, List.of("(none)"), 0);
    items(zone, List.of("(none)"), 0);
    wave.showMessage(workbench.module(SampleSetEdit.SAMPLER).isPresent()
        ? "This project has no Sampler.\n\"Add a sampler\" puts one in it: put it on a track in the patch editor,\n"
            + "then load and edit its samples here."
        : "This project has no Sampler, and the Sampler module (bundle dsp-sampler) is not installed.");
    showInfo();
  }

  private Zone currentZone() {
    return set.zones().get(zoneIndex);
  }

  private void enable() {
    boolean edit = set != null;
    boolean selected = edit && wave.hasSelection();
    zone.setEnabled(edit);
    rootKey.setEnabled(edit);
    loopMode.setEnabled(edit);
    normalize.setEnabled(edit);
    trim.setEnabled(selected);
    loopSelection.setEnabled(selected && wave.selection()[1] - wave.selection()[0] >= 2);
    load.setEnabled(nodeId != null);
    node.setEnabled(nodeId != null);
    addSampler.setEnabled(workbench.module(SampleSetEdit.SAMPLER).isPresent());
  }

  private void showInfo() {
    if (info.isDisposed()) {
      return;
    }
    enable();
    if (!error.isEmpty()) {
      info.setForeground(theme.bad());
      info.setText(error);
      return;
    }
    info.setForeground(theme.dimText());
    if (set == null) {
      info.setText("");
      return;
    }
    Zone z = currentZone();
    Sample smp = set.samples().get(z.sample());
    StringBuilder text = new StringBuilder(Keys.describe(smp));
    int[] sel = wave.selection();
    if (wave.hasSelection()) {
      text.append("  |  selection ").append(sel[0]).append("..").append(sel[1]).append(" (")
          .append(Keys.seconds(sel[1] - sel[0], smp.sampleRate())).append("), peak ")
          .append(Keys.dbfs(SampleMath.peak(smp, sel[0], sel[1])));
    } else {
      text.append("  |  peak ").append(Keys.dbfs(SampleMath.peak(smp, 0, smp.frames())));
    }
    if (z.loop() != Zone.Loop.OFF) {
      text.append("  |  loop ").append(z.loopStart()).append("..").append(z.loopEnd());
    }
    info.setText(text.toString());
  }

  private void normalize() {
    Zone z = currentZone();
    int[] s = wave.selection();
    int frames = set.samples().get(z.sample()).frames();
    submit(wave.hasSelection() ? new SampleSetEdit.Normalize(nodeId, z.sample(), s[0], s[1])
        : new SampleSetEdit.Normalize(nodeId, z.sample(), 0, frames));
  }

  private void loopModeChosen() {
    if (set == null) {
      return;
    }
    Zone z = currentZone();
    Zone.Loop mode = Zone.Loop.values()[Math.max(0, loopMode.getSelectionIndex())];
    if (mode == z.loop()) {
      return;
    }
    int frames = set.samples().get(z.sample()).frames();
    int[] s = wave.selection();
    int start = z.loopStart();
    int end = z.loopEnd();
    if (z.loop() == Zone.Loop.OFF) {
      // A new loop spans the selection, or the whole sample.
      boolean sel = s[1] - s[0] >= 2;
      start = sel ? s[0] : 0;
      end = sel ? s[1] : frames;
    }
    if (mode != Zone.Loop.OFF && end - start < 2) {
      showError("a loop needs at least two frames; this sample has " + frames);
      loopMode.select(z.loop().ordinal());
      return;
    }
    submit(new SampleSetEdit.SetLoop(nodeId, zoneIndex, mode, start, end));
  }

  private void loopMoved(int start, int end) {
    if (set != null) {
      submit(new SampleSetEdit.SetLoop(nodeId, zoneIndex, currentZone().loop(), start, end));
    }
  }

  private void loadWav() {
    FileDialog dialog = new FileDialog(root.getShell(), SWT.OPEN);
    dialog.setText("Load a WAV file into " + nodeId);
    dialog.setFilterExtensions(new String[] {"*.wav;*.WAV;*.wave", "*"});
    dialog.setFilterNames(new String[] {"WAV files", "All files"});
    String chosen = dialog.open();
    if (chosen == null) {
      return;
    }
    String target = nodeId;
    int targetZone = set == null ? 0 : zoneIndex;
    Path file = Path.of(chosen);
    // Reading a long recording takes a moment: off the UI thread.
    Thread.ofVirtual().name("sample-editor-load").start(() -> {
      try {
        Sample s = WavReader.read(file);
        ui(() -> submit(new SampleSetEdit.LoadSample(target, targetZone, file.getFileName().toString(), s)));
      } catch (IOException | IllegalArgumentException e) {
        ui(() -> showError("cannot load " + file.getFileName() + ": " + e.getMessage()));
      }
    });
  }

  private void addSampler() {
    String id = SamplerNodes.freeId(workbench.state().project().graph(), "sampler");
    submit(new Edits.AddNode(id, SampleSetEdit.SAMPLER));
  }

  /** Sends an edit; a refusal shows below the waveform (and in the status bar). */
  private void submit(Edit edit) {
    error = "";
    workbench.submit(edit).whenComplete((state, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        ui(() -> {
          showError(cause.getMessage());
          // The controls show what the project holds, not what was refused.
          revision = -1;
        });
      }
    });
  }

  private void showError(String message) {
    error = message == null ? "the edit was refused" : message;
    showInfo();
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

  private static void items(Combo combo, List<String> items, int selected) {
    if (!Arrays.asList(combo.getItems()).equals(items)) {
      combo.setItems(items.toArray(String[]::new));
      combo.getParent().layout(true);
    }
    if (selected >= 0 && combo.getSelectionIndex() != selected) {
      combo.select(selected);
    }
  }

  private static Combo combo(Composite bar, String label, String testId) {
    Label l = new Label(bar, SWT.NONE);
    l.setText(label);
    Combo c = new Combo(bar, SWT.READ_ONLY | SWT.DROP_DOWN);
    c.setData("patchwork.test.id", testId);
    return c;
  }

  private static Button button(Composite bar, String text, String testId, String tip) {
    Button b = new Button(bar, SWT.PUSH);
    b.setText(text);
    b.setToolTipText(tip);
    b.setData("patchwork.test.id", testId);
    return b;
  }
}

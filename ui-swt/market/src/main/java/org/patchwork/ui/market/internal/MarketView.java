package org.patchwork.ui.market.internal;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.marketplace.Marketplace;
import org.patchwork.marketplace.Repository;
import org.patchwork.marketplace.Result;
import org.patchwork.ui.market.internal.Actions.Command;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;

/**
 * The marketplace panel: a search field over the cached catalogues, the results (name, version,
 * kind, installed or update), the selected bundle's details, Install / Update / Remove / Roll back,
 * a progress bar while a command runs, and its outcome in words (a refusal exactly as the
 * marketplace gives it). Over it, when the workbench's project uses modules that are not
 * installed, a {@link MissingBanner} offers the exact versions from the project's lockfile.
 * Every marketplace call runs on the {@link Worker}; the view only draws what comes back.
 */
final class MarketView {

  private static final int SEARCH_DELAY_MS = 250;

  private final Workbench workbench;
  private final Marketplace market;
  private final Theme theme;
  private final Composite root;
  private final Worker worker;
  private final DownloadProgress progress = new DownloadProgress();
  private final ProjectWatch watch = new ProjectWatch();
  private final MissingBanner banner;
  private final Text search;
  private final Label repositories;
  private final Table results;
  private final Text details;
  private final Map<Command, Button> buttons = new EnumMap<>(Command.class);
  private final ProgressBar bar;
  private final Label status;
  private final Runnable searchLater = this::search;
  private List<Entry> entries = List.of();
  private Entry selected;
  private Details shownDetails;
  private boolean busy;
  private int searches;

  MarketView(Composite parent, Workbench workbench, Marketplace market) {
    this.workbench = workbench;
    this.market = market;
    this.theme = Theme.of(parent.getDisplay());
    int em = Theme.em(parent);
    root = new Composite(parent, SWT.NONE);
    root.setLayout(new GridLayout(1, false));
    worker = new Worker(root);
    banner = new MissingBanner(root, theme, this::installLocked);

    Composite top = row(root, 3);
    search = new Text(top, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
    search.setData("patchwork.test.id", "market.search");
    search.setMessage("Search bundles: name, tag, kind, author");
    GridData wide = new GridData(SWT.FILL, SWT.CENTER, true, false);
    wide.minimumWidth = 16 * em;
    search.setLayoutData(wide);
    search.addListener(SWT.Modify, e -> {
      root.getDisplay().timerExec(-1, searchLater);
      root.getDisplay().timerExec(SEARCH_DELAY_MS, searchLater);
    });
    search.addListener(SWT.DefaultSelection, e -> search());
    search.addListener(SWT.KeyDown, this::searchKey);
    Button refresh = button(top, "Refresh", "market.refresh",
        "Fetch and verify every repository's catalogue again (F5)");
    refresh.addListener(SWT.Selection, e -> refresh());
    repositories = new Label(top, SWT.NONE);
    repositories.setData("patchwork.test.id", "market.repositories");
    repositories.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

    SashForm split = new SashForm(root, SWT.HORIZONTAL | SWT.SMOOTH);
    split.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    results = new Table(split, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
    results.setData("patchwork.test.id", "market.results");
    results.setHeaderVisible(true);
    String[] titles = {"Name", "Version", "Kind", "Installed"};
    int[] widths = {12, 4, 4, 8};
    for (int i = 0; i < titles.length; i++) {
      TableColumn c = new TableColumn(results, SWT.LEFT);
      c.setText(titles[i]);
      c.setWidth(widths[i] * em);
    }
    results.addListener(SWT.Selection, e -> select());
    results.addListener(SWT.DefaultSelection, e -> primary());
    results.addListener(SWT.KeyDown, this::listKey);
    details = new Text(split, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
    details.setData("patchwork.test.id", "market.details");
    split.setWeights(9, 11);

    Composite actions = row(root, Command.values().length + 1);
    for (Command c : Command.values()) {
      Button b = button(actions, c.label, "market." + c.name().toLowerCase(java.util.Locale.ROOT), null);
      b.addListener(SWT.Selection, e -> run(c));
      buttons.put(c, b);
    }
    buttons.get(Command.INSTALL).setToolTipText("Install the newest version with its dependencies (Enter)");
    buttons.get(Command.UPDATE).setToolTipText("Update to the newest version offered (Enter)");
    buttons.get(Command.ROLLBACK).setToolTipText("Return to the version installed before the last update");
    bar = new ProgressBar(actions, SWT.HORIZONTAL | SWT.SMOOTH);
    bar.setData("patchwork.test.id", "market.progress");
    bar.setMaximum(1000);
    bar.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    status = new Label(root, SWT.WRAP);
    status.setData("patchwork.test.id", "market.status");
    status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

    theme.apply(root);
    banner.colour(theme);
    details.setFont(theme.mono());
    repositories.setForeground(theme.dimText());
    bar.setVisible(false);
    enable();
    DisplayRate.every(root, 20, this::tick);
    search();
  }

  Control control() {
    return root;
  }

  private static Composite row(Composite parent, int columns) {
    Composite c = new Composite(parent, SWT.NONE);
    GridLayout layout = new GridLayout(columns, false);
    layout.marginWidth = 0;
    layout.marginHeight = 0;
    c.setLayout(layout);
    c.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    return c;
  }

  private static Button button(Composite parent, String text, String id, String tip) {
    Button b = new Button(parent, SWT.PUSH);
    b.setText(text);
    b.setData("patchwork.test.id", id);
    if (tip != null) {
      b.setToolTipText(tip);
    }
    return b;
  }

  /** Display rate: the progress of a running command, and whether the project to check changed. */
  private void tick() {
    if (busy) {
      DownloadProgress.Snapshot s = progress.latest();
      bar.setSelection(s.position(bar.getMaximum()));
      String line = Texts.progress(s);
      if (!line.equals(status.getText())) {
        // One line: no new layout at display rate.
        status.setText(line);
        status.setForeground(theme.dimText());
      }
    }
    Path project = watch.next(workbench.state());
    if (project != null) {
      checkProject(project);
    }
  }

  private record Found(List<Entry> entries, List<Repository> repositories) {
  }

  /** Searches the cached catalogues for the field's text; stale answers are dropped. */
  private void search() {
    String text = search.getText();
    int serial = ++searches;
    worker.run(() -> new Found(market.search(text), market.repositories()), found -> {
      if (serial == searches) {
        show(found);
      }
    }, this::readFailed);
  }

  private void show(Found found) {
    String keep = selected == null ? null : selected.id();
    entries = found.entries();
    repositories.setText(Texts.repositories(found.repositories()));
    results.removeAll();
    selected = null;
    for (Entry e : entries) {
      TableItem item = new TableItem(results, SWT.NONE);
      item.setText(Texts.row(e));
      if (e.hasUpdate()) {
        item.setForeground(3, theme.accent());
      } else if (e.isInstalled()) {
        item.setForeground(3, theme.good());
      }
      if (e.id().equals(keep)) {
        results.setSelection(item);
        selected = e;
      }
    }
    if (selected != null) {
      loadDetails(selected);
    } else {
      shownDetails = null;
      details.setText("Select a bundle to see what it is, who publishes it and its versions.");
    }
    if (found.repositories().isEmpty() && status.getText().isEmpty()) {
      say(Texts.NO_REPOSITORY, theme.warn());
    }
    enable();
  }

  private void select() {
    int i = results.getSelectionIndex();
    selected = i < 0 || i >= entries.size() ? null : entries.get(i);
    enable();
    if (selected != null) {
      loadDetails(selected);
    }
  }

  private void loadDetails(Entry e) {
    worker.run(() -> market.info(e.id()), d -> {
      if (selected != null && selected.id().equals(e.id())) {
        shownDetails = d.orElse(null);
        details.setText(d.map(Texts::details).orElse("No cached catalogue describes " + e.id() + "."));
        enable();
      }
    }, this::readFailed);
  }

  private void enable() {
    Actions a = Actions.of(selected, shownDetails, busy);
    buttons.get(Command.INSTALL).setEnabled(a.install());
    buttons.get(Command.UPDATE).setEnabled(a.update());
    buttons.get(Command.REMOVE).setEnabled(a.remove());
    buttons.get(Command.ROLLBACK).setEnabled(a.rollback());
    banner.busy(busy);
  }

  private void primary() {
    Command c = Actions.of(selected, shownDetails, busy).primary();
    if (c != null) {
      run(c);
    }
  }

  private void run(Command c) {
    Entry e = selected;
    if (e == null || busy) {
      return;
    }
    String id = e.id();
    start(c.label + " " + id, () -> switch (c) {
      case INSTALL -> market.install(id, null, progress);
      case UPDATE -> market.update(id, progress);
      case REMOVE -> market.remove(id);
      case ROLLBACK -> market.rollback(id);
    });
  }

  private void refresh() {
    if (!busy) {
      start("Refresh", () -> market.refresh(progress));
    }
  }

  private void installLocked() {
    Path project = watch.target();
    if (project != null && !busy) {
      boolean reopen = watch.targetRefused();
      start("Install from the lockfile", () -> {
        Result r = market.installFromLockfile(project, progress);
        // The workbench refused this project before its modules came: say how to get it now
        // (opening it from here could drop unsaved changes of the open one).
        return r.ok() && reopen ? new Result(true, r.message() + "; open " + project.getParent() + " again to play it",
            r.output()) : r;
      });
    }
  }

  /** Runs a command on the worker with the progress bar showing; then shows its outcome. */
  private void start(String what, Worker.Job<Result> job) {
    busy = true;
    progress.reset();
    progress.step(what);
    bar.setSelection(0);
    bar.setVisible(true);
    enable();
    worker.run(job, this::finished, this::failed);
  }

  private void finished(Result r) {
    busy = false;
    bar.setVisible(false);
    say(r.message(), r.ok() ? theme.good() : theme.bad());
    status.setToolTipText(String.join("\n", r.output()));
    enable();
    search();
    Path project = watch.target();
    if (project != null) {
      checkProject(project);
    }
  }

  private void failed(Exception e) {
    busy = false;
    bar.setVisible(false);
    say(e.getMessage() == null ? e.toString() : e.getMessage(), theme.bad());
    enable();
  }

  /** The status line, wrapped over as many lines as the words need. */
  private void say(String text, Color colour) {
    status.setText(text);
    status.setForeground(colour);
    root.layout(true, true);
  }

  /** A read (search, details) failed: say why; a running command is not affected. */
  private void readFailed(Exception e) {
    say(e.getMessage() == null ? e.toString() : e.getMessage(), theme.bad());
  }

  private void checkProject(Path project) {
    worker.run(() -> market.missingFromLockfile(project), banner::show, e -> banner.show(List.of()));
  }

  private void searchKey(Event e) {
    if (e.keyCode == SWT.ARROW_DOWN && results.getItemCount() > 0) {
      e.doit = false;
      results.setFocus();
      if (results.getSelectionIndex() < 0) {
        results.setSelection(0);
        select();
      }
    } else if (e.keyCode == SWT.F5) {
      refresh();
    }
  }

  private void listKey(Event e) {
    if (e.keyCode == SWT.F5) {
      refresh();
    }
  }
}

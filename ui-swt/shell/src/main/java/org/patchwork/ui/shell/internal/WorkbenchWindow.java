package org.patchwork.ui.shell.internal;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.MessageBox;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.DisplayRate;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.Workbench;
import org.patchwork.ui.shell.WorkbenchState;

/**
 * The workbench window: menu bar, transport bar, the panel areas and the status bar. It reads
 * the workbench at display rate and sends it requests; it holds no project state of its own.
 *
 * <p>Thread: the UI thread.
 */
final class WorkbenchWindow {

  /** The id of the built-in help panel. */
  static final String HELP_ID = "org.patchwork.ui.help";

  private final Display display;
  private final Shell shell;
  private final Workbench workbench;
  private final TransportBar transport;
  private final StatusBar status;
  private final PanelHost panels;
  private final Listener keys = this::onKey;
  private final Recoveries recoveries;
  private RecoveryPrompt prompt;
  private CrashRecovery.Offer asked;
  private boolean forceClose;

  WorkbenchWindow(Display display, Workbench workbench, PanelHost.Log log) {
    this.display = display;
    this.workbench = workbench;
    // The workbench service answers for crash recovery; a stand-in workbench need not.
    this.recoveries = workbench instanceof Recoveries r ? r : null;
    Theme theme = Theme.of(display);
    shell = new Shell(display, SWT.SHELL_TRIM);
    shell.setText("Patchwork");
    GridLayout layout = new GridLayout(1, false);
    layout.marginWidth = 0;
    layout.marginHeight = 0;
    layout.verticalSpacing = 0;
    shell.setLayout(layout);
    transport = new TransportBar(shell, workbench, theme);
    transport.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    panels = new PanelHost(shell, theme, log);
    panels.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    status = new StatusBar(shell, theme);
    status.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    shell.setBackground(theme.background());
    shell.setMenuBar(menuBar());
    // Sized in text lines, so it fits the same content at any font size or scale.
    int em = Theme.em(shell);
    shell.setSize(em * 80, em * 50);
    shell.addListener(SWT.Close, e -> e.doit = forceClose || confirmDiscard("closing"));
    display.addFilter(SWT.KeyDown, keys);
    shell.addListener(SWT.Dispose, e -> display.removeFilter(SWT.KeyDown, keys));
    DisplayRate.every(shell, DisplayRate.METERS_HZ, this::refresh);
  }

  Shell shell() {
    return shell;
  }

  PanelHost panels() {
    return panels;
  }

  TransportBar transport() {
    return transport;
  }

  StatusBar status() {
    return status;
  }

  /** The crash-recovery question on screen, or null. */
  RecoveryPrompt recoveryPrompt() {
    return prompt == null || prompt.isDisposed() ? null : prompt;
  }

  void open() {
    shell.open();
    refresh();
  }

  /** Closes the window without asking (the host is shutting down). */
  void forceClose() {
    forceClose = true;
    if (!shell.isDisposed()) {
      shell.close();
    }
  }

  private void refresh() {
    WorkbenchState s = workbench.state();
    String title = "Patchwork - " + s.title();
    if (!title.equals(shell.getText())) {
      shell.setText(title);
    }
    var t = workbench.telemetry();
    transport.refresh(s, t);
    status.refresh(s, t);
    if (recoveries != null) {
      askAboutRecovery();
    }
  }

  /**
   * Asks once about each recovery file the workbench offers (after an open, or at start for the
   * untitled project); a question whose offer went away (another project was opened) goes too.
   */
  private void askAboutRecovery() {
    CrashRecovery.Offer offered = recoveries.recoveryOffer().orElse(null);
    if (prompt != null && (prompt.isDisposed() || prompt.offer() != offered)) {
      prompt.dispose();
      prompt = null;
    }
    if (offered == null || offered == asked || prompt != null || shell.isDisposed()) {
      return;
    }
    asked = offered;
    prompt = new RecoveryPrompt(shell, offered, answer -> {
      prompt = null;
      // A refused answer (the file went meanwhile) shows in the status bar like any refusal.
      CompletionStage<WorkbenchState> done = answer == RecoveryPrompt.Answer.RECOVER
          ? recoveries.recover(offered) : recoveries.discardRecovery(offered);
      done.exceptionally(e -> null);
    });
    prompt.open();
  }

  // ---- keys that work everywhere ----

  private void onKey(Event e) {
    // Only keys typed into this window (not into a dialog it opened).
    if (shell.isDisposed() || !(e.widget instanceof Control c) || c.isDisposed() || c.getShell() != shell) {
      return;
    }
    Control focus = display.getFocusControl();
    boolean typing = focus instanceof Text || focus instanceof Combo || focus instanceof Spinner
        || focus != null && "keys".equals(focus.getData("patchwork.owns"));
    if (e.character == ' ' && e.stateMask == 0 && !typing) {
      e.doit = false;
      togglePlay();
    } else if (e.keyCode == SWT.ESC && e.stateMask == 0 && !typing) {
      workbench.stop();
    } else if ((e.stateMask & SWT.MODIFIER_MASK) == SWT.ALT && e.keyCode >= '1' && e.keyCode <= '9') {
      e.doit = false;
      panels.show(e.keyCode - '1');
    }
  }

  void togglePlay() {
    if (workbench.state().playing()) {
      workbench.stop();
    } else {
      workbench.play();
    }
  }

  // ---- menus ----

  private Menu menuBar() {
    Menu bar = new Menu(shell, SWT.BAR);
    Menu file = submenu(bar, "&File");
    item(file, "&New", Shortcuts.NEW, () -> {
      if (confirmDiscard("starting a new project")) {
        workbench.newProject();
      }
    });
    item(file, "&Open...", Shortcuts.OPEN, this::openDialog);
    Menu recent = submenu(file, "Open &Recent");
    recent.addListener(SWT.Show, e -> fillRecent(recent));
    new MenuItem(file, SWT.SEPARATOR);
    item(file, "&Save", Shortcuts.SAVE, this::save);
    item(file, "Save &As...", Shortcuts.SAVE_AS, this::saveAs);
    new MenuItem(file, SWT.SEPARATOR);
    item(file, "&Quit", Shortcuts.QUIT, shell::close);

    Menu edit = submenu(bar, "&Edit");
    MenuItem undo = item(edit, "&Undo", Shortcuts.UNDO, workbench::undo);
    MenuItem redo = item(edit, "&Redo", Shortcuts.REDO, workbench::redo);
    MenuItem redoY = item(edit, "Redo (alternative)", Shortcuts.REDO_Y, workbench::redo);
    edit.addListener(SWT.Show, e -> {
      WorkbenchState s = workbench.state();
      undo.setEnabled(!s.undoLabel().isEmpty());
      undo.setText(label("&Undo " + s.undoLabel(), Shortcuts.UNDO));
      redo.setEnabled(!s.redoLabel().isEmpty());
      redo.setText(label("&Redo " + s.redoLabel(), Shortcuts.REDO));
      redoY.setEnabled(!s.redoLabel().isEmpty());
    });

    Menu play = submenu(bar, "&Transport");
    item(play, "&Play / Stop", Shortcuts.PLAY_STOP, this::togglePlay);
    item(play, "&Stop", Shortcuts.STOP, workbench::stop);

    Menu view = submenu(bar, "&View");
    Menu list = submenu(view, "&Panels");
    list.addListener(SWT.Show, e -> fillPanels(list));
    item(view, "&Next Panel", Shortcuts.NEXT_TAB, () -> panels.cycle(display.getFocusControl(), 1));
    item(view, "P&revious Panel", Shortcuts.PREVIOUS_TAB, () -> panels.cycle(display.getFocusControl(), -1));

    Menu help = submenu(bar, "&Help");
    item(help, "&Keyboard Shortcuts", Shortcuts.HELP, () -> panels.show(HELP_ID));
    item(help, "&About Patchwork", null, () -> {
      MessageBox box = new MessageBox(shell, SWT.ICON_INFORMATION | SWT.OK);
      box.setText("About Patchwork");
      box.setMessage("Patchwork, a modular music workstation.\nPanels: " + String.join(", ", panels.ids()));
      box.open();
    });
    return bar;
  }

  private static Menu submenu(Menu parent, String text) {
    MenuItem item = new MenuItem(parent, SWT.CASCADE);
    item.setText(text);
    Menu menu = new Menu(item);
    item.setMenu(menu);
    return menu;
  }

  private static MenuItem item(Menu menu, String text, Shortcuts.Shortcut shortcut, Runnable action) {
    MenuItem item = new MenuItem(menu, SWT.PUSH);
    item.setText(label(text, shortcut));
    if (shortcut != null && shortcut.accelerator() != 0) {
      item.setAccelerator(shortcut.accelerator());
    }
    item.addListener(SWT.Selection, e -> action.run());
    return item;
  }

  private static String label(String text, Shortcuts.Shortcut shortcut) {
    return shortcut == null ? text : text + "\t" + shortcut.keys();
  }

  private void fillRecent(Menu menu) {
    for (MenuItem i : menu.getItems()) {
      i.dispose();
    }
    List<Path> recent = workbench.recentProjects();
    if (recent.isEmpty()) {
      MenuItem none = new MenuItem(menu, SWT.PUSH);
      none.setText("(none yet)");
      none.setEnabled(false);
    }
    for (Path p : recent) {
      MenuItem i = new MenuItem(menu, SWT.PUSH);
      i.setText(p.toString());
      i.addListener(SWT.Selection, e -> {
        if (confirmDiscard("opening another project")) {
          workbench.open(p);
        }
      });
    }
  }

  private void fillPanels(Menu menu) {
    for (MenuItem i : menu.getItems()) {
      i.dispose();
    }
    List<String> ids = panels.ids();
    for (int n = 0; n < ids.size(); n++) {
      String id = ids.get(n);
      MenuItem i = new MenuItem(menu, SWT.PUSH);
      i.setText(id + (n < 9 ? "\tAlt+" + (n + 1) : ""));
      i.addListener(SWT.Selection, e -> panels.show(id));
    }
  }

  // ---- files ----

  private void openDialog() {
    if (!confirmDiscard("opening another project")) {
      return;
    }
    DirectoryDialog d = new DirectoryDialog(shell, SWT.OPEN);
    d.setText("Open a project folder");
    d.setMessage("Choose a folder that holds a project.json");
    String folder = d.open();
    if (folder != null) {
      workbench.open(Path.of(folder));
    }
  }

  private boolean save() {
    if (workbench.state().file() == null) {
      return saveAs();
    }
    return await(workbench.save(null));
  }

  private boolean saveAs() {
    DirectoryDialog d = new DirectoryDialog(shell, SWT.SAVE);
    d.setText("Save the project as");
    d.setMessage("Choose or create the folder to save the project in");
    String folder = d.open();
    return folder != null && await(workbench.save(Path.of(folder)));
  }

  /**
   * Asks what to do with unsaved changes before {@code what}; true when it may go ahead (saved,
   * discarded or nothing to save).
   */
  boolean confirmDiscard(String what) {
    WorkbenchState s = workbench.state();
    if (!s.dirty()) {
      return true;
    }
    MessageBox box = new MessageBox(shell, SWT.ICON_WARNING | SWT.YES | SWT.NO | SWT.CANCEL);
    box.setText("Unsaved changes");
    box.setMessage("Save the changes to \"" + s.project().name() + "\" before " + what + "?");
    return switch (box.open()) {
      case SWT.YES -> save();
      case SWT.NO -> {
        // Changes the user chose to throw away must not come back as a recovery offer.
        if (recoveries != null) {
          await(recoveries.discardChanges());
        }
        yield true;
      }
      default -> false;
    };
  }

  /** Keeps the UI running until {@code stage} completes; true if it succeeded. */
  private boolean await(CompletionStage<WorkbenchState> stage) {
    AtomicReference<Boolean> result = new AtomicReference<>();
    stage.whenComplete((s, e) -> {
      result.set(e == null);
      display.wake();
    });
    while (result.get() == null && !shell.isDisposed()) {
      if (!display.readAndDispatch()) {
        display.sleep();
      }
    }
    return Boolean.TRUE.equals(result.get());
  }

  /** Adds panels that are not shown yet. */
  void addAll(List<UiPanel> services) {
    services.forEach(panels::add);
  }
}

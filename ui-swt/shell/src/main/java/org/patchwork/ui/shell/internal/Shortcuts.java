package org.patchwork.ui.shell.internal;

import java.util.List;
import java.util.Map;
import org.eclipse.swt.SWT;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.PanelShortcuts.KeyHelp;

/**
 * Every keyboard shortcut of the workbench in one table: the menus take their accelerators from
 * here and the help panel lists it, so the two never disagree.
 */
final class Shortcuts {

  /** One shortcut: where it works, its key as typed, what it does; 0 when the menu has none. */
  record Shortcut(String area, int accelerator, String keys, String action) {
  }

  static final Shortcut PLAY_STOP = new Shortcut("Transport", 0, "Space", "Play from the start / stop");
  static final Shortcut STOP = new Shortcut("Transport", SWT.ESC, "Esc", "Stop");
  static final Shortcut NEW = new Shortcut("Project", SWT.MOD1 | 'n', "Ctrl+N", "New project");
  static final Shortcut OPEN = new Shortcut("Project", SWT.MOD1 | 'o', "Ctrl+O", "Open a project folder");
  static final Shortcut SAVE = new Shortcut("Project", SWT.MOD1 | 's', "Ctrl+S", "Save");
  static final Shortcut SAVE_AS = new Shortcut("Project", SWT.MOD1 | SWT.SHIFT | 's', "Ctrl+Shift+S", "Save as a new folder");
  static final Shortcut QUIT = new Shortcut("Project", SWT.MOD1 | 'q', "Ctrl+Q", "Quit (asks about unsaved changes)");
  static final Shortcut UNDO = new Shortcut("Edit", SWT.MOD1 | 'z', "Ctrl+Z", "Undo the last edit");
  static final Shortcut REDO = new Shortcut("Edit", SWT.MOD1 | SWT.SHIFT | 'z', "Ctrl+Shift+Z", "Redo");
  static final Shortcut REDO_Y = new Shortcut("Edit", SWT.MOD1 | 'y', "Ctrl+Y", "Redo");
  static final Shortcut NEXT_TAB = new Shortcut("View", SWT.MOD1 | SWT.PAGE_DOWN, "Ctrl+PgDn", "Next panel in the area");
  static final Shortcut PREVIOUS_TAB = new Shortcut("View", SWT.MOD1 | SWT.PAGE_UP, "Ctrl+PgUp", "Previous panel in the area");
  static final Shortcut HELP = new Shortcut("View", SWT.F1, "F1", "Show the keyboard shortcuts");

  /** The shell's own keys, in the order the help panel lists them. */
  static final List<Shortcut> ALL = List.of(
      PLAY_STOP, STOP,
      NEW, OPEN, SAVE, SAVE_AS, QUIT,
      UNDO, REDO, REDO_Y,
      NEXT_TAB, PREVIOUS_TAB,
      new Shortcut("View", 0, "Alt+1 .. Alt+9", "Show the first .. ninth panel"),
      HELP);

  /**
   * The keys of the panels that came with the shell before {@link PanelShortcuts} existed, by
   * panel id: listed under the panel's title while it is in the window and does not list its
   * keys itself.
   */
  static final Map<String, List<KeyHelp>> BUILT_IN_PANELS = Map.of(
      "org.patchwork.ui.mixer", List.of(
          new KeyHelp("Drag / wheel / arrows", "Move a fader or pan; double-click resets it"),
          new KeyHelp("M / S on a strip", "Mute / solo the strip that has the focus")),
      "org.patchwork.ui.patch", List.of(
          new KeyHelp("Drag port to port", "Connect an output to an input"),
          new KeyHelp("Delete", "Remove the selected module or cable"),
          new KeyHelp("Ctrl+F", "Search the module browser"),
          new KeyHelp("Enter (in the browser)", "Add the selected module")),
      "org.patchwork.ui.scope", List.of(
          new KeyHelp("Tab / Shift+Tab", "Next / previous source (master, tracks)")));

  private Shortcuts() {
  }
}

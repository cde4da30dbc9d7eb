package org.patchwork.ui.shell.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.PanelShortcuts.KeyHelp;

/**
 * What the help panel lists: the shell's keys, then the keys of each panel in the window under
 * the panel's title, in the order the panels came. Plain Java, so it is tested without a display.
 */
final class HelpRows {

  /** One line of the help table. */
  record Row(String where, String keys, String action) {
  }

  private HelpRows() {
  }

  /**
   * @param panels the panels in the window, in the order they came (the help panel among them
   *     is skipped)
   */
  static List<Row> of(List<UiPanel> panels) {
    List<Row> rows = new ArrayList<>();
    for (Shortcuts.Shortcut s : Shortcuts.ALL) {
      rows.add(new Row(s.area(), s.keys(), s.action()));
    }
    for (UiPanel panel : panels) {
      rows.addAll(rows(panel));
    }
    return rows;
  }

  /** A panel's rows; none when it has no keys to list or fails to say them. */
  private static List<Row> rows(UiPanel panel) {
    try {
      if (panel instanceof HelpPanel) {
        return List.of();
      }
      List<KeyHelp> keys = panel instanceof PanelShortcuts p ? p.shortcuts()
          : Shortcuts.BUILT_IN_PANELS.getOrDefault(panel.id(), List.of());
      if (keys == null || keys.isEmpty()) {
        return List.of();
      }
      String title = panel.title();
      List<Row> out = new ArrayList<>();
      for (KeyHelp k : keys) {
        if (k != null) {
          out.add(new Row(title, k.keys(), k.action()));
        }
      }
      return out;
    } catch (RuntimeException | LinkageError e) {
      // A panel from another bundle (perhaps half updated) must not break the help: it is left
      // out; PanelHost has already reported it if it failed to open.
      return List.of();
    }
  }
}

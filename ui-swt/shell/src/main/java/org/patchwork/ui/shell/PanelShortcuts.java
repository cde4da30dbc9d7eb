package org.patchwork.ui.shell;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a panel's keys do, for the workbench's help panel (F1). A {@code UiPanel} service may also
 * implement this interface; the help panel then lists the keys under the panel's title, for as
 * long as the panel is in the window. Panels that do not implement it are simply not listed.
 *
 * <pre>{@code
 * @Component(service = UiPanel.class)
 * public final class TrackerPanel implements UiPanel, PanelShortcuts {
 *   public List<KeyHelp> shortcuts() {
 *     return List.of(new KeyHelp("Z .. M, Q .. P", "Enter a note (two-row piano)"),
 *         new KeyHelp("Ctrl+Up / Ctrl+Down", "Transpose the selection by a semitone"));
 *   }
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread: the UI thread. Called again whenever panels come or go, so the list may change.
 */
@ConsumerType
public interface PanelShortcuts {

  /**
   * One line of help.
   *
   * @param keys the keys as the user types them, e.g. "Ctrl+Shift+Z" or "Drag a port"
   * @param action what they do, e.g. "Redo"
   */
  record KeyHelp(String keys, String action) {

    /** Checks for null. */
    public KeyHelp {
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(action, "action");
    }
  }

  /** The panel's keys, in the order the help panel lists them. */
  List<KeyHelp> shortcuts();
}

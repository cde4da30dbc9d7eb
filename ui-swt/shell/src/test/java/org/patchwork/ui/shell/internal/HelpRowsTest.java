package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.PanelShortcuts.KeyHelp;

/** What the help panel lists, for a given set of panels. */
class HelpRowsTest {

  /** A panel without keys of its own to list. */
  private record Plain(String id, String title) implements UiPanel {
    @Override
    public Control create(Composite parent) {
      throw new UnsupportedOperationException();
    }
  }

  /** A panel that lists its keys. */
  private record Keyed(String id, String title, List<KeyHelp> shortcuts) implements UiPanel, PanelShortcuts {
    @Override
    public Control create(Composite parent) {
      throw new UnsupportedOperationException();
    }
  }

  /** A panel whose bundle went half away: it cannot answer. */
  private record Broken(String id) implements UiPanel, PanelShortcuts {
    @Override
    public String title() {
      return "Broken";
    }

    @Override
    public List<KeyHelp> shortcuts() {
      throw new NoClassDefFoundError("org/example/Gone");
    }

    @Override
    public Control create(Composite parent) {
      throw new UnsupportedOperationException();
    }
  }

  private static List<HelpRows.Row> panelRows(List<UiPanel> panels) {
    return HelpRows.of(panels).subList(Shortcuts.ALL.size(), HelpRows.of(panels).size());
  }

  @Test
  void theShellsKeysComeFirstThenEachPanelsUnderItsTitleInTheOrderTheyCame() {
    Keyed tracker = new Keyed("org.patchwork.ui.tracker", "Tracker", List.of(
        new KeyHelp("Z .. M", "Enter a note"), new KeyHelp("Ctrl+Up", "Transpose up")));
    Keyed sampler = new Keyed("org.example.sampler", "Samples", List.of(new KeyHelp("N", "Normalize")));
    List<HelpRows.Row> rows = HelpRows.of(List.of(new HelpPanel(), tracker, new Plain("org.example.plain", "Plain"), sampler));
    assertEquals(Shortcuts.ALL.size() + 3, rows.size());
    assertEquals(new HelpRows.Row("Transport", "Space", "Play from the start / stop"), rows.getFirst());
    assertEquals(List.of(new HelpRows.Row("Tracker", "Z .. M", "Enter a note"),
        new HelpRows.Row("Tracker", "Ctrl+Up", "Transpose up"),
        new HelpRows.Row("Samples", "N", "Normalize")),
        rows.subList(Shortcuts.ALL.size(), rows.size()));
  }

  @Test
  void theBuiltInPanelsKeysShowOnlyWhileTheyAreThereAndUntilTheyListTheirOwn() {
    assertTrue(panelRows(List.of()).isEmpty(), "no mixer in the window, no mixer keys");
    List<HelpRows.Row> mixer = panelRows(List.of(new Plain("org.patchwork.ui.mixer", "Mixer")));
    assertEquals(2, mixer.size());
    assertEquals(new HelpRows.Row("Mixer", "M / S on a strip", "Mute / solo the strip that has the focus"), mixer.get(1));
    List<HelpRows.Row> own = panelRows(List.of(new Keyed("org.patchwork.ui.mixer", "Mixer",
        List.of(new KeyHelp("M", "Mute")))));
    assertEquals(List.of(new HelpRows.Row("Mixer", "M", "Mute")), own, "its own list replaces the built-in one");
  }

  @Test
  void aPanelThatCannotSayItsKeysIsLeftOut() {
    Keyed fine = new Keyed("org.example.fine", "Fine", List.of(new KeyHelp("F", "Fine")));
    assertEquals(List.of(new HelpRows.Row("Fine", "F", "Fine")), panelRows(List.of(new Broken("org.example.broken"), fine)));
  }
}

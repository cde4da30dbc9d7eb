package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.PanelShortcuts;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.SwtRobot;
import org.patchwork.ui.testkit.Xvfb;

/** The help panel's table in a real panel host, as panels with keys come and go. */
@ExtendWith(Xvfb.class)
class HelpPanelTest {

  @TempDir
  Path temp;

  private Display display;
  private Shell shell;
  private PanelHost host;
  private SwtRobot robot;

  /** A panel that lists its keys. */
  private record Tracker(String id) implements UiPanel, PanelShortcuts {
    @Override
    public String title() {
      return "Tracker";
    }

    @Override
    public List<KeyHelp> shortcuts() {
      return List.of(new KeyHelp("Z .. M, Q .. P", "Enter a note"), new KeyHelp("Ctrl+Up", "Transpose up a semitone"));
    }

    @Override
    public Control create(Composite parent) {
      Label l = new Label(parent, SWT.NONE);
      l.setText("tracker");
      return l;
    }
  }

  @BeforeEach
  void open() {
    display = DisplaySetup.open(temp, "dark");
    shell = new Shell(display);
    shell.setLayout(new FillLayout());
    host = new PanelHost(shell, Theme.of(display), new PanelHost.Log() {
      public void info(String message) {
      }

      public void error(String message, Throwable failure) {
        throw new AssertionError(message, failure);
      }
    });
    shell.setSize(900, 600);
    shell.open();
    robot = new SwtRobot(display);
  }

  @AfterEach
  void close() {
    shell.dispose();
    display.dispose();
  }

  private List<String> rows() {
    Table table = (Table) host.frame(WorkbenchWindow.HELP_ID).getChildren()[0];
    assertEquals("help.keys", table.getData("patchwork.test.id"));
    List<String> out = new ArrayList<>();
    for (TableItem i : table.getItems()) {
      out.add(i.getText(0) + " | " + i.getText(1) + " | " + i.getText(2));
    }
    return out;
  }

  @Test
  void aPanelsKeysAppearUnderItsTitleWhileItIsInTheWindow() throws Exception {
    host.add(new HelpPanel());
    assertEquals(Shortcuts.ALL.size(), rows().size(), "only the shell's keys");
    assertTrue(rows().contains("View | F1 | Show the keyboard shortcuts"), rows().toString());

    Tracker tracker = new Tracker("org.example.tracker");
    host.add(tracker);
    List<String> with = rows();
    assertEquals(Shortcuts.ALL.size() + 2, with.size());
    assertEquals(List.of("Tracker | Z .. M, Q .. P | Enter a note", "Tracker | Ctrl+Up | Transpose up a semitone"),
        with.subList(Shortcuts.ALL.size(), with.size()));

    host.show(WorkbenchWindow.HELP_ID);
    robot.run(300);
    Path png = Path.of("target/screenshots/keys-with-panel.png");
    Files.createDirectories(png.getParent());
    ImageData picture = Screenshots.save(host.frame(WorkbenchWindow.HELP_ID), png);
    assertTrue(Screenshots.colours(picture) > 2, "the table shows something");

    // Going (or being updated): its keys go at once; back with the update.
    host.remove(tracker);
    assertEquals(Shortcuts.ALL.size(), rows().size());
    host.add(new Tracker("org.example.tracker"));
    assertEquals(Shortcuts.ALL.size() + 2, rows().size());
    Tracker updated = (Tracker) host.present().getLast();
    host.remove(updated);
    robot.waitUntil("the tracker's tab gone", Duration.ofSeconds(10), () -> host.frame("org.example.tracker") == null);
    assertEquals(Shortcuts.ALL.size(), rows().size());
    assertFalse(rows().stream().anyMatch(r -> r.startsWith("Tracker")));
  }
}

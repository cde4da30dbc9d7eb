package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.testkit.SwtRobot;
import org.patchwork.ui.testkit.Xvfb;

/** Panels coming, being updated and going, in a real (virtual) display. */
@ExtendWith(Xvfb.class)
class PanelHostTest {

  @TempDir
  Path temp;

  private Display display;
  private Shell shell;
  private PanelHost host;
  private SwtRobot robot;
  private final List<String> log = new ArrayList<>();

  /** A panel whose label says which build of it this is. */
  private record Panel(String id, String text, Placement placement, boolean fails) implements UiPanel {
    @Override
    public String title() {
      return "Title " + id;
    }

    @Override
    public Control create(Composite parent) {
      if (fails) {
        throw new IllegalStateException("broken panel");
      }
      Label l = new Label(parent, SWT.NONE);
      l.setText(text);
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
        log.add(message);
      }

      public void error(String message, Throwable failure) {
        log.add(message + ": " + failure.getMessage());
      }
    });
    shell.setSize(800, 600);
    shell.open();
    robot = new SwtRobot(display);
  }

  @AfterEach
  void close() {
    shell.dispose();
    display.dispose();
  }

  private String text(String id) {
    Composite frame = host.frame(id);
    return frame == null || frame.getChildren().length == 0 ? null : ((Label) frame.getChildren()[0]).getText();
  }

  @Test
  void anUpdatedPanelIsRebuiltInItsTabAndARemovedOneGoes() {
    Panel v1 = new Panel("a", "version 1", UiPanel.Placement.BOTTOM, false);
    host.add(new Panel("b", "other", UiPanel.Placement.BOTTOM, false));
    host.add(v1);
    CTabFolder bottom = (CTabFolder) host.frame("a").getParent();
    int index = bottom.indexOf(bottom.getItem(1));
    assertEquals("version 1", text("a"));
    assertEquals(1, host.generation("a"));

    host.remove(v1);
    assertEquals("Title a is being updated...", text("a"));
    Panel v2 = new Panel("a", "version 2", UiPanel.Placement.BOTTOM, false);
    host.add(v2);
    assertEquals("version 2", text("a"));
    assertEquals(2, host.generation("a"));
    assertEquals(index, bottom.indexOf(bottom.getItem(1)), "same place");
    assertEquals(List.of("b", "a"), host.ids());
    // The grace period of the first removal passes without taking the new version away.
    robot.run(PanelHost.GRACE_MILLIS + 300);
    assertEquals("version 2", text("a"));

    host.remove(v2);
    robot.waitUntil("the tab to go", Duration.ofSeconds(10), () -> host.frame("a") == null);
    assertEquals(List.of("b"), host.ids());
    assertEquals("other", text("b"));
    assertTrue(log.contains("panel a removed"), log.toString());
  }

  @Test
  void aPanelThatFailsShowsItsErrorAndTheOthersWork() {
    host.add(new Panel("bad", "", UiPanel.Placement.CENTER, true));
    host.add(new Panel("good", "fine", UiPanel.Placement.CENTER, false));
    assertTrue(text("bad").startsWith("This panel failed to open: java.lang.IllegalStateException: broken panel"),
        text("bad"));
    assertEquals("fine", text("good"));
    assertTrue(log.stream().anyMatch(l -> l.startsWith("panel bad failed to open")), log.toString());
    assertNull(host.frame("missing"));
  }

  @Test
  void builtInPanelsTakeTheirPlaceWhateverOrderTheyArriveIn() {
    host.add(new Panel("org.example.extra", "extra", UiPanel.Placement.CENTER, false));
    host.add(new Panel("org.patchwork.ui.patch", "patch", UiPanel.Placement.CENTER, false));
    host.add(new Panel("org.patchwork.ui.tracker", "tracker", UiPanel.Placement.CENTER, false));
    CTabFolder center = (CTabFolder) host.frame("org.patchwork.ui.tracker").getParent();
    assertEquals(List.of("Title org.patchwork.ui.tracker", "Title org.patchwork.ui.patch", "Title org.example.extra"),
        java.util.Arrays.stream(center.getItems()).map(i -> i.getText()).toList());
    assertEquals(0, center.getSelectionIndex(), "the area shows the tracker, its first built-in panel");
    assertEquals(List.of("org.patchwork.ui.tracker", "org.patchwork.ui.patch", "org.example.extra"), host.ids(),
        "Alt+1..9 follow the same order");
  }
}

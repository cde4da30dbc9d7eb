package org.patchwork.ui.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.Project;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.testkit.SwtRobot;

/**
 * The real workbench window with one panel under test, in this JVM: a real
 * {@link WorkbenchService} (model thread, journal, file check) with real module factories and
 * the null audio driver, as ui-swt/it's Window does. Lives in the shell's package to reach its
 * package-private classes; panel bundles use it through the shell's test jar.
 */
public final class PanelWindow implements AutoCloseable {

  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final Display display;
  final WorkbenchService workbench;
  final WorkbenchWindow window;
  final SwtRobot robot;

  private final String shown;

  /** Saves {@code project} in {@code temp}/project, opens it and shows {@code panel}. */
  PanelWindow(Path temp, Project project, Function<WorkbenchService, UiPanel> panel, ModuleFactory... modules)
      throws Exception {
    this(temp, write(temp, project), ModuleRegistry.of(modules), panel, true);
  }

  /** Opens a copy of {@code projectJson} (in {@code temp}/project) and shows {@code panel}. */
  PanelWindow(Path temp, Path projectJson, ModuleRegistry registry, Function<WorkbenchService, UiPanel> panel)
      throws Exception {
    this(temp, copy(temp, projectJson), registry, panel, true);
  }

  /** {@code folder} holds the project.json to open; {@code opened} only tells this from the above. */
  private PanelWindow(Path temp, Path folder, ModuleRegistry registry, Function<WorkbenchService, UiPanel> panel,
      boolean opened) throws Exception {
    display = DisplaySetup.open(temp.resolve("home"), "dark");
    workbench = new WorkbenchService(registry, new WorkbenchService.Settings(temp.resolve("home"), null, "null", 256),
        log::add);
    await(workbench.open(folder));
    window = new WorkbenchWindow(display, workbench, new PanelHost.Log() {
      @Override
      public void info(String message) {
        log.add(message);
      }

      @Override
      public void error(String message, Throwable failure) {
        log.add(message + ": " + failure);
      }
    });
    UiPanel p = panel.apply(workbench);
    shown = p.id();
    window.addAll(List.of(new HelpPanel(), p));
    window.shell().setBounds(0, 0, 1400, 900);
    window.open();
    robot = new SwtRobot(display);
    robot.activate(window.shell());
    window.panels().show(shown);
    robot.run(300);
  }

  private static Path write(Path temp, Project project) throws Exception {
    Path folder = Files.createDirectories(temp.resolve("project"));
    Files.write(folder.resolve("project.json"), JsonProjectFiles.write(project));
    return folder;
  }

  private static Path copy(Path temp, Path projectJson) throws Exception {
    Path folder = Files.createDirectories(temp.resolve("project"));
    Files.copy(projectJson, folder.resolve("project.json"));
    return folder;
  }

  /** The frame of the panel under test. */
  Composite panel() {
    return window.panels().frame(shown);
  }

  /** The control whose {@code patchwork.test.id} is {@code id}, or an assertion error. */
  <T extends Control> T find(String id, Class<T> type) {
    Control c = find(window.shell(), id);
    if (c == null) {
      throw new AssertionError("no control " + id + " on screen");
    }
    return type.cast(c);
  }

  private static Control find(Control c, String id) {
    if (id.equals(c.getData("patchwork.test.id"))) {
      return c;
    }
    if (c instanceof Composite comp) {
      for (Control child : comp.getChildren()) {
        Control hit = find(child, id);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  /** Clicks the middle of a control. */
  void click(Control c) {
    robot.click(c, c.getSize().x / 2, c.getSize().y / 2);
  }

  /** Waits for a request to the model thread, keeping the UI responsive meanwhile. */
  WorkbenchState await(CompletionStage<WorkbenchState> stage) throws Exception {
    var f = stage.toCompletableFuture();
    long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!f.isDone() && System.nanoTime() < end) {
      if (display == null || !display.readAndDispatch()) {
        Thread.sleep(5);
      }
    }
    return f.get(1, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    try {
      workbench.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing anyway
    }
    if (!window.shell().isDisposed()) {
      window.forceClose();
    }
    display.dispose();
    workbench.close();
  }
}

package org.patchwork.ui.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.patchwork.dsp.dynamics.internal.LimiterFactory;
import org.patchwork.dsp.dynamics.internal.WaveshaperFactory;
import org.patchwork.dsp.effects.internal.ChorusFactory;
import org.patchwork.dsp.effects.internal.DelayFactory;
import org.patchwork.dsp.effects.internal.ReverbFactory;
import org.patchwork.dsp.filters.internal.SvfFactory;
import org.patchwork.dsp.fm.internal.Fm6Factory;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.testkit.SwtRobot;
import org.patchwork.ui.tracker.internal.TrackerPanel;

/**
 * The real workbench window (model thread, menus with their accelerators, panel host) with the
 * tracker panel in it, in this JVM; in the shell's package to reach its package-private classes,
 * as ui-swt/it's Window does.
 */
final class TrackerWindow implements AutoCloseable {

  /** The distribution's tracker demo: 73 s, eight tracks, nine order entries. */
  static final Path DEMO = Path.of("../../distribution/src/dist/demo/demo-song/project.json");
  /** A project in notes, without a song. */
  static final Path NOTES = Path.of("src/test/resources/notes-song/project.json");

  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final Display display;
  final WorkbenchService workbench;
  final WorkbenchWindow window;
  final SwtRobot robot;

  TrackerWindow(Path temp, Path projectJson) throws Exception {
    Path project = Files.createDirectories(temp.resolve("project"));
    Files.copy(projectJson, project.resolve("project.json"));
    display = DisplaySetup.open(temp.resolve("home"), "dark");
    workbench = new WorkbenchService(registry(), new WorkbenchService.Settings(temp.resolve("home"), null, "null", 256),
        log::add);
    await(workbench.open(project));
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
    window.addAll(List.of(new TrackerPanel(workbench)));
    window.shell().setBounds(0, 0, 1400, 900);
    window.open();
    robot = new SwtRobot(display);
    robot.activate(window.shell());
    window.panels().show(TrackerPanel.ID);
    robot.run(300);
  }

  /** The modules of the demo song. */
  static ModuleRegistry registry() {
    return ModuleRegistry.of(new SubtractiveFactory(), new Fm6Factory(), new SvfFactory(), new ChorusFactory(),
        new DelayFactory(), new ReverbFactory(), new LimiterFactory(), new WaveshaperFactory());
  }

  /** The tracker panel's frame in the window. */
  Composite panel() {
    return window.panels().frame(TrackerPanel.ID);
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

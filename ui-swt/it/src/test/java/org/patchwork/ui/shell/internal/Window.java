package org.patchwork.ui.shell.internal;

import java.io.IOException;
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
import org.patchwork.dsp.filters.internal.OnePoleFactory;
import org.patchwork.dsp.modulators.internal.LfoFactory;
import org.patchwork.dsp.oscillators.internal.SineFactory;
import org.patchwork.dsp.oscillators.internal.SubtractiveFactory;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.sdk.ui.UiPanel;
import org.patchwork.ui.mixer.internal.MixerPanel;
import org.patchwork.ui.patch.internal.PatchPanel;
import org.patchwork.ui.tracker.internal.TrackerPanel;
import org.patchwork.ui.sampleeditor.internal.SampleEditorPanel;
import org.patchwork.ui.automation.internal.AutomationPanel;
import org.patchwork.ui.scope.internal.ScopePanel;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.testkit.SwtRobot;

/**
 * The real workbench window with every panel, in this JVM: the model and window classes of the
 * shell bundle with the panel services built by hand, as DS would build them. Lives in the
 * shell's package to reach its package-private classes.
 */
final class Window implements AutoCloseable {

  /** A song in notes, kept here so the tests do not follow the demo song's changes. */
  static final Path DEMO = Path.of("src/test/resources/test-song/project.json");

  final ModuleRegistry registry;
  final List<String> log = Collections.synchronizedList(new ArrayList<>());
  final Display display;
  final WorkbenchService workbench;
  final WorkbenchWindow window;
  final SwtRobot robot;
  final Path project;

  /** The test song with the few modules it needs. */
  Window(Path temp) throws Exception {
    this(temp, DEMO, ModuleRegistry.of(new SubtractiveFactory(), new SineFactory(), new OnePoleFactory(),
        new LfoFactory()));
  }

  /** A copy of {@code projectJson}, played with {@code registry}. */
  Window(Path temp, Path projectJson, ModuleRegistry registry) throws Exception {
    this.registry = registry;
    project = Files.createDirectories(temp.resolve("demo"));
    Files.copy(projectJson, project.resolve("project.json"));
    display = DisplaySetup.open(temp.resolve("home"), "dark");
    workbench = new WorkbenchService(registry, new WorkbenchService.Settings(temp.resolve("home"), null, "null", 256),
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
    window.addAll(panels());
    window.shell().setBounds(0, 0, 1560, 980);
    window.open();
    robot = new SwtRobot(display);
    robot.activate(window.shell());
    robot.run(300);
  }

  List<UiPanel> panels() {
    return List.of(new HelpPanel(), new TrackerPanel(workbench), new PatchPanel(workbench),
        new SampleEditorPanel(workbench), new MixerPanel(workbench), new ScopePanel(workbench),
        new AutomationPanel(workbench));
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

  /** Where the screenshots go: the build's folder, and the user guide's when asked for. */
  static List<Path> screenshotFolders() throws IOException {
    List<Path> out = new ArrayList<>();
    out.add(Path.of(System.getProperty("patchwork.screenshots", "target/screenshots")));
    String guide = System.getProperty("patchwork.userGuide");
    if (guide != null && !guide.isBlank()) {
      out.add(Path.of(guide));
    }
    for (Path p : out) {
      Files.createDirectories(p);
    }
    return out;
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

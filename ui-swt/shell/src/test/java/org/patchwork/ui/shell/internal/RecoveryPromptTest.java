package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Project;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.WorkbenchState;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.SwtRobot;
import org.patchwork.ui.testkit.Xvfb;

/**
 * A crash and its recovery with the real workbench and window: an edit is autosaved, the
 * workbench goes away without saving, the next one offers the recovery file and the window asks.
 */
@ExtendWith(Xvfb.class)
class RecoveryPromptTest {

  private static final Duration AUTOSAVE = Duration.ofMillis(200);
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir
  Path temp;

  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private Display display;
  private WorkbenchService workbench;
  private WorkbenchWindow window;
  private SwtRobot robot;

  private WorkbenchService workbench() {
    return new WorkbenchService(Fixtures.registry(),
        new WorkbenchService.Settings(temp.resolve("home"), null, "null", 256, AUTOSAVE), log::add);
  }

  @AfterEach
  void close() {
    if (window != null && !window.shell().isDisposed()) {
      window.forceClose();
    }
    if (display != null) {
      display.dispose();
    }
    if (workbench != null) {
      workbench.close();
    }
  }

  /** Edits a copy of the test song, waits for the autosave, and "crashes". */
  private Path crashWithTheBassAtMinus12() throws Exception {
    Path folder = Fixtures.demoCopy(temp);
    Path recovery = folder.resolve("project.autosave.json");
    WorkbenchService first = workbench();
    try {
      Fixtures.await(first.open(folder));
      Fixtures.await(first.submit(new Edits.SetTrackGain("bass", -12)));
      awaitFile(recovery);
      assertEquals(-12, bassGain(new JsonProjectFiles(Fixtures.registry()).load(recovery)));
    } finally {
      // Gone without saving; what a crash leaves is the recovery file.
      first.close();
    }
    assertTrue(Files.exists(recovery));
    return folder;
  }

  private void openWindow() {
    display = DisplaySetup.open(temp.resolve("home"), "dark");
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
    window.shell().setBounds(0, 0, 1000, 700);
    window.open();
    robot = new SwtRobot(display);
  }

  @Test
  void recoverBringsBackTheAutosavedEditUnsavedInTheProjectsFile() throws Exception {
    Path folder = crashWithTheBassAtMinus12();
    workbench = workbench();
    WorkbenchState opened = Fixtures.await(workbench.open(folder));
    assertEquals(-2, bassGain(opened.project()), "project.json has the saved gain");
    openWindow();

    Shell prompt = awaitPrompt();
    String question = find(prompt, "recovery.question", Label.class).getText();
    assertTrue(question.matches("Patchwork quit without saving \"Test song in A minor\" at \\d\\d:\\d\\d on .*\\."
        + " Recover the unsaved changes\\?"), question);
    robot.run(500);
    Path png = Path.of("target/screenshots/recovery-prompt.png");
    Files.createDirectories(png.getParent());
    ImageData picture = Screenshots.save(prompt, png);
    assertTrue(Screenshots.colours(picture) > 4, "the prompt shows something: " + Screenshots.colours(picture));

    Button recover = find(prompt, "recovery.recover", Button.class);
    robot.activate(prompt);
    robot.click(recover, recover.getSize().x / 2, recover.getSize().y / 2);
    robot.waitUntil("the recovered gain", WAIT, () -> bassGain(workbench.state().project()) == -12);
    WorkbenchState s = workbench.state();
    assertTrue(s.dirty(), "recovered changes are unsaved");
    assertEquals(folder.resolve("project.json"), s.file());
    assertTrue(prompt.isDisposed());
    assertTrue(workbench.recoveryOffer().isEmpty());
    robot.waitUntil("a star in the title", WAIT, () -> window.shell().getText().startsWith("Patchwork - *"));
    assertTrue(Files.exists(folder.resolve("project.autosave.json")), "kept until saved");

    // A clean save writes the recovered project and removes the recovery file.
    Fixtures.await(workbench.save(null));
    assertEquals(-12, bassGain(new JsonProjectFiles(Fixtures.registry()).load(folder)));
    assertFalse(Files.exists(folder.resolve("project.autosave.json")));
    robot.run(300);
    assertNull(window.recoveryPrompt(), "asked once");
  }

  @Test
  void discardDeletesTheRecoveryFileAndKeepsTheSavedProject() throws Exception {
    Path folder = crashWithTheBassAtMinus12();
    workbench = workbench();
    Fixtures.await(workbench.open(folder));
    openWindow();
    Shell prompt = awaitPrompt();
    Button discard = find(prompt, "recovery.discard", Button.class);
    robot.activate(prompt);
    robot.click(discard, discard.getSize().x / 2, discard.getSize().y / 2);
    robot.waitUntil("the recovery file deleted", WAIT, () -> !Files.exists(folder.resolve("project.autosave.json")));
    assertEquals(-2, bassGain(workbench.state().project()));
    assertFalse(workbench.state().dirty());
    assertTrue(workbench.state().message().startsWith("Discarded the unsaved changes"), workbench.state().message());
  }

  @Test
  void anUntitledProjectIsOfferedWhenTheWorkbenchStarts() throws Exception {
    WorkbenchService first = workbench();
    try {
      Fixtures.await(first.submit(new Edits.AddNode("osc", "org.patchwork.dsp.sine")));
      awaitFile(temp.resolve("home/ui/untitled.autosave.json"));
    } finally {
      first.close();
    }
    workbench = workbench();
    assertTrue(workbench.recoveryOffer().isPresent(), "offered at start");
    openWindow();
    Shell prompt = awaitPrompt();
    assertTrue(find(prompt, "recovery.question", Label.class).getText().contains("\"Untitled\""));
    Button recover = find(prompt, "recovery.recover", Button.class);
    robot.activate(prompt);
    robot.click(recover, recover.getSize().x / 2, recover.getSize().y / 2);
    robot.waitUntil("the recovered module", WAIT, () -> workbench.state().project().graph().node("osc").isPresent());
    assertNull(workbench.state().file());
    assertTrue(workbench.state().dirty());
  }

  @Test
  void dontSaveDeletesTheRecoveryFileAndNothingIsOfferedNextTime() throws Exception {
    Path folder = Fixtures.demoCopy(temp);
    Path recovery = folder.resolve("project.autosave.json");
    workbench = workbench();
    Fixtures.await(workbench.open(folder));
    Fixtures.await(workbench.submit(new Edits.SetTrackGain("bass", -12)));
    awaitFile(recovery);
    // What the window does when the user answers "Don't save" on closing.
    Fixtures.await(workbench.discardChanges());
    assertFalse(Files.exists(recovery));
    workbench.close();
    assertFalse(Files.exists(recovery), "closing does not write the discarded changes back");
    workbench = workbench();
    Fixtures.await(workbench.open(folder));
    assertTrue(workbench.recoveryOffer().isEmpty());
    openWindow();
    robot.run(500);
    assertNull(window.recoveryPrompt(), "no prompt without a recovery file");
  }

  private Shell awaitPrompt() {
    robot.waitUntil("the recovery prompt", WAIT, () -> window.recoveryPrompt() != null);
    Shell prompt = null;
    for (Shell s : display.getShells()) {
      if ("recovery.prompt".equals(s.getData("patchwork.test.id")) && s.isVisible()) {
        prompt = s;
      }
    }
    assertNotNull(prompt, "a shell with the test id recovery.prompt");
    robot.settle();
    return prompt;
  }

  private static <T extends Control> T find(Control root, String id, Class<T> type) {
    Control c = findOrNull(root, id);
    if (c == null) {
      throw new AssertionError("no control " + id);
    }
    return type.cast(c);
  }

  private static Control findOrNull(Control c, String id) {
    if (id.equals(c.getData("patchwork.test.id"))) {
      return c;
    }
    if (c instanceof Composite comp) {
      for (Control child : comp.getChildren()) {
        Control hit = findOrNull(child, id);
        if (hit != null) {
          return hit;
        }
      }
    }
    return null;
  }

  private static double bassGain(Project p) {
    return p.graph().tracks().getFirst().gainDb();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long end = System.nanoTime() + WAIT.toNanos();
    while (!Files.exists(file)) {
      if (System.nanoTime() > end) {
        throw new AssertionError("no autosave in " + file);
      }
      Thread.sleep(20);
    }
  }
}

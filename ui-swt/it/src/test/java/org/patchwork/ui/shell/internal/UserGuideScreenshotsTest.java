package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The pictures of docs/user-guide.md: the window and each panel with the real demo song
 * playing, saved as test output (target/screenshots) and copied into docs/user-guide/ so the
 * guide always shows the current panels. Every module on the class path is available, as in
 * the distribution.
 */
@ExtendWith(Xvfb.class)
class UserGuideScreenshotsTest {

  static final Path DEMO = Path.of("../../distribution/src/dist/demo/demo-song/project.json");

  @TempDir
  Path temp;

  @Test
  void everyPanelWithTheDemoSongPlaying() throws Exception {
    try (Window w = new Window(temp, DEMO, ModuleScan.registry())) {
      w.window.panels().show("org.patchwork.ui.mixer");
      w.robot.click(w.window.panels().frame("org.patchwork.ui.mixer"), 5, 5);
      w.robot.key("space");
      w.robot.waitUntil("the demo playing for three seconds", Duration.ofSeconds(20),
          () -> w.workbench.telemetry().playheadFrame() > 3 * 48_000);
      List<Path> folders = Window.screenshotFolders();
      shoot(w, folders, "org.patchwork.ui.mixer", "mixer.png");
      w.window.panels().show("org.patchwork.ui.patch");
      w.robot.run(300);
      String node = w.workbench.state().project().graph().node("bass-synth").isPresent() ? "bass-synth"
          : w.workbench.state().project().graph().nodes().getFirst().id();
      WorkbenchUiTest.clickBox(w, node);
      shoot(w, folders, "org.patchwork.ui.patch", "patch-editor.png");
      shoot(w, folders, "org.patchwork.ui.scope", "scope.png");
      shoot(w, folders, "org.patchwork.ui.tracker", "tracker.png");
      shoot(w, folders, "org.patchwork.ui.automation", "automation.png");
      shoot(w, folders, WorkbenchWindow.HELP_ID, "keys.png");
      w.window.panels().show("org.patchwork.ui.mixer");
      w.robot.run(700);
      save(w.window.shell(), folders, "workbench.png");
    }
  }

  private static void shoot(Window w, List<Path> folders, String panel, String file) throws Exception {
    assertTrue(w.window.panels().show(panel), panel);
    w.robot.run(800);
    save(w.window.panels().frame(panel).getParent(), folders, file);
  }

  private static void save(Control c, List<Path> folders, String file) throws Exception {
    ImageData picture = Screenshots.save(c, folders.getFirst().resolve(file));
    assertTrue(Screenshots.colours(picture) > 8, file + " shows something");
    for (Path f : folders.subList(1, folders.size())) {
      Files.copy(folders.getFirst().resolve(file), f.resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

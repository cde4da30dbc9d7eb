package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ui.shell.Theme;
import org.patchwork.ui.shell.widgets.Fader;
import org.patchwork.ui.testkit.Screenshots;
import org.patchwork.ui.testkit.Xvfb;

/**
 * The workbench at 200 % (GDK_SCALE=2, run by its own surefire execution): sizes are in SWT
 * points derived from the font, so the layout in points is the one of 100 % and the screen
 * shows every point as two pixels; nothing is cut off or drawn at half size.
 */
@ExtendWith(Xvfb.class)
@EnabledIfEnvironmentVariable(named = "GDK_SCALE", matches = "2")
class HiDpiTest {

  @TempDir
  Path temp;

  @Test
  void theWindowScalesAsAWhole() throws Exception {
    try (Window w = new Window(temp)) {
      w.window.shell().setBounds(0, 0, 1560, 980);
      w.robot.run(500);
      assertEquals(200, w.window.shell().getMonitor().getZoom());
      w.window.panels().show("org.patchwork.ui.mixer");
      w.robot.run(300);
      Fader fader = w.find("mixer.fader.bass", Fader.class);
      Point size = fader.getSize();
      int em = Theme.em(fader);
      // The fader is sized in lines of text; a line is about as many points as at 100 %.
      assertTrue(em >= 12 && em <= 30, "a line of text is " + em + " points");
      assertTrue(size.y >= 5 * em, "the fader is at least five lines tall: " + size + ", em " + em);
      Control area = w.window.shell();
      List<Path> folders = Window.screenshotFolders();
      ImageData picture = Screenshots.save(area, folders.getFirst().resolve("workbench-200.png"));
      assertEquals(2 * w.window.shell().getClientArea().width, picture.width, "two pixels per point");
      assertTrue(Screenshots.colours(picture) > 8);
      for (Path f : folders.subList(1, folders.size())) {
        Files.copy(folders.getFirst().resolve("workbench-200.png"), f.resolve("workbench-200.png"),
            StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}

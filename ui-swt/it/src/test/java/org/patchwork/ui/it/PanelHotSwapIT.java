package org.patchwork.ui.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchwork.ui.testkit.Xvfb;

/**
 * A panel bundle hot-swapped while the real {@code bin/patchwork gui} window is open, in the
 * assembled distribution (a real Felix with Declarative Services): the scope panel arrives
 * through the deploy folder, is updated in place, and leaves; the rest of the window keeps
 * working throughout (keys typed into it through the X server still play and stop the song).
 * The log file tells what happened; panels log when they come, are rebuilt and go.
 */
@ExtendWith(Xvfb.class)
class PanelHotSwapIT {

  private static final String SCOPE = "ui-scope-0.1.0-SNAPSHOT.jar";

  private GuiHost host;
  private Path deploy;

  @BeforeEach
  void assemble() throws IOException {
    // The scope panel stays out of the distribution: it arrives through the deploy folder.
    host = new GuiHost("hotswap", Set.of(SCOPE));
    deploy = Files.createDirectories(host.root.resolve("deploy"));
  }

  @AfterEach
  void stop() throws InterruptedException {
    host.close();
  }

  @Test
  void thePanelIsAddedRebuiltAndRemovedWhileTheWindowKeepsWorking() throws Exception {
    host.start(List.of("--deploy", deploy.toString()), "");
    host.assertLogged("panel org.patchwork.ui.mixer added");
    host.assertLogged("panel org.patchwork.ui.patch added");
    assertFalse(host.log().contains("org.patchwork.ui.scope"), "no scope panel before it is deployed");

    Files.copy(GuiHost.built(SCOPE), deploy.resolve(SCOPE));
    host.awaitLog("the scope panel", l -> l.contains("panel org.patchwork.ui.scope added"));

    // An updated bundle: other bytes, same symbolic name. The panel is rebuilt in its tab.
    Path update = host.root.resolve(SCOPE);
    Files.copy(GuiHost.built(SCOPE), update);
    try (FileSystem jar = FileSystems.newFileSystem(URI.create("jar:" + update.toUri()), Map.of())) {
      Files.writeString(jar.getPath("META-INF/patchwork-hotswap.txt"), "update " + System.nanoTime(),
          StandardCharsets.UTF_8);
    }
    Files.move(update, deploy.resolve(SCOPE), StandardCopyOption.REPLACE_EXISTING);
    // The host updates the bundle and then refreshes the framework, which restarts it once more:
    // wait until the scope's last word is "rebuilt".
    host.awaitLog("the rebuilt scope panel", l -> l.contains("panel org.patchwork.ui.scope rebuilt (generation 2)"));
    host.awaitTrue("the scope panel settled", () -> lastScopeLine().contains("rebuilt (generation"));
    assertFalse(host.log().contains("panel org.patchwork.ui.scope removed"), "rebuilt in place, not removed");
    assertEquals(1, host.count("panel org.patchwork.ui.mixer"), "the mixer was not touched");
    assertEquals(1, host.count("panel org.patchwork.ui.patch"), "the patch editor was not touched");

    // The rest of the window still answers the keyboard.
    host.focusWindow();
    Xvfb.xdotool("key", "space");
    host.awaitLog("playback started by the Space key", l -> l.contains("Playing through null"));
    Xvfb.xdotool("key", "Escape");
    host.awaitLog("playback stopped by Escape", l -> l.contains("Stopped"));

    Files.delete(deploy.resolve(SCOPE));
    host.awaitLog("the scope panel gone", l -> l.contains("panel org.patchwork.ui.scope removed"));

    host.focusWindow();
    Xvfb.xdotool("key", "ctrl+q");
    Process gui = host.process();
    assertTrue(gui.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "Ctrl+Q closes the window and the host");
    assertEquals(0, gui.exitValue(), Files.readString(host.root.resolve("gui.out")));
    host.assertLogged("workbench window closed");
  }

  private String lastScopeLine() throws IOException {
    return host.log().lines().filter(l -> l.contains("panel org.patchwork.ui.scope")).reduce((a, b) -> b).orElse("");
  }
}

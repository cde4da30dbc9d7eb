package org.patchwork.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

  @TempDir
  Path temp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    Main main = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), InputStream.nullInputStream(),
        temp.resolve("dist"), new Home(temp.resolve("home")));
    return main.run(args);
  }

  @Test
  void projectFolderWithoutProjectJsonIsRefusedBeforeBooting() throws Exception {
    Files.createDirectories(temp.resolve("song"));
    assertEquals(Main.USAGE, run("headless", temp.resolve("song").toString()));
    assertEquals("patchwork: not a project folder (no project.json): " + temp.resolve("song") + "\n",
        err.toString(StandardCharsets.UTF_8));
    assertEquals(false, Files.exists(temp.resolve("home/cache")), "nothing booted, nothing written");
  }

  @Test
  void aFileThatIsNotJsonIsNotAProject() throws Exception {
    Path wav = Files.writeString(temp.resolve("song.wav"), "RIFF");
    assertEquals(Main.USAGE, run("gui", wav.toString()));
    assertEquals("patchwork: not a project: " + wav + " (give a project folder or its project.json)\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void twoProjectsAreOneTooMany() {
    assertEquals(Main.USAGE, run("headless", "a", "b"));
    assertEquals("patchwork: headless: takes one PROJECT, got 2: a b\n", err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void usageMessagesAreFoundAnywhereInTheCauseChain() {
    RuntimeException wrapped = new RuntimeException("outer", new Main.UsageError("bad value"));
    assertEquals("bad value", Main.usageMessage(wrapped));
    assertNull(Main.usageMessage(new IllegalStateException("bug")));
  }

  @Test
  void reasonsAreOneLineWithTheCause() {
    Exception e = new Exception("Unable to resolve x\n  missing requirement", new Exception("inner cause"));
    assertEquals("Unable to resolve x missing requirement (inner cause)", Reporter.reason(e));
  }

  @Test
  void guiTakesADeployFolderThatMustExist() {
    assertEquals(Main.USAGE, run("gui", "--deploy", temp.resolve("nowhere").toString()));
    assertEquals("patchwork: gui: deploy folder does not exist: " + temp.resolve("nowhere") + "\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void demoIsTheDistributionsDemoSongOnlyWhenItExists() throws Exception {
    assertEquals(Main.USAGE, run("gui", "demo"));
    assertEquals("patchwork: no such project: demo\n", err.toString(StandardCharsets.UTF_8));
    Path song = Files.createDirectories(temp.resolve("dist/demo/demo-song"));
    err.reset();
    // Resolved to the demo folder, which is then checked like any project folder.
    assertEquals(Main.USAGE, run("gui", "demo"));
    assertEquals("patchwork: not a project folder (no project.json): " + song + "\n",
        err.toString(StandardCharsets.UTF_8));
  }
}

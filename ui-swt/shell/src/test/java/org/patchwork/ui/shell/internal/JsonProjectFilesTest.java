package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectFormatException;
import org.patchwork.ui.shell.Edits;

class JsonProjectFilesTest {

  @TempDir
  Path temp;

  private final JsonProjectFiles files = new JsonProjectFiles(Fixtures.registry());

  @Test
  void aSavedProjectLoadsBackEqualAndSavesToTheSameBytes() throws Exception {
    Project demo = files.load(Fixtures.DEMO);
    Path first = files.save(demo, temp.resolve("a"));
    Project again = files.load(temp.resolve("a"));
    assertEquals(demo, again);
    Path second = files.save(again, temp.resolve("b"));
    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertEquals(346, again.notes().size());
  }

  @Test
  void editedValuesSurviveTheRoundTrip() throws Exception {
    Project demo = files.load(Fixtures.DEMO);
    Project edited = new Edits.SetTrackMute("bass", true).apply(
        new Edits.SetParameter("lead-tone", "cutoff", 1234.5).apply(demo));
    files.save(edited, temp);
    Project back = files.load(temp);
    assertEquals(true, back.graph().tracks().get(0).mute());
    assertEquals(1234.5, back.graph().node("lead-tone").orElseThrow().params().get("cutoff"));
  }

  @Test
  void aProjectTheLoaderWouldRefuseIsNotWritten() throws Exception {
    Project demo = files.load(Fixtures.DEMO);
    Project broken = new Edits.Connect("bass-synth.out", "nowhere.in").apply(demo);
    Path target = Files.createDirectories(temp.resolve("keep"));
    Files.writeString(target.resolve("project.json"), "old");
    ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> files.save(broken, target));
    assertTrue(e.getMessage().contains("unknown node 'nowhere'"), e.getMessage());
    assertEquals("old", Files.readString(target.resolve("project.json")), "the old file stays");
    assertThrows(ProjectFormatException.class, () -> files.check(broken));
  }
}

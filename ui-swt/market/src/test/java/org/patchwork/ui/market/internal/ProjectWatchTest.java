package org.patchwork.ui.market.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Project;
import org.patchwork.ui.shell.WorkbenchState;

class ProjectWatchTest {

  private static final Project EMPTY = new Project("x", 48_000, 120,
      new Graph(List.of(), List.of(), List.of(), List.of(), null), List.of());

  private static long revision;

  private static WorkbenchState state(Path file, String message, boolean error) {
    return new WorkbenchState(++revision, EMPTY, file, false, false, message, error, "", "");
  }

  @Test
  void theOpenProjectIsCheckedOnceUntilAnotherIsOpened() {
    ProjectWatch w = new ProjectWatch();
    assertNull(w.next(state(null, "New project", false)), "an untitled project has no lockfile");
    Path a = Path.of("/songs/a/project.json");
    assertEquals(a, w.next(state(a, "Opened /songs/a", false)));
    assertNull(w.next(state(a, "Playing", false)), "the same project is not checked again");
    Path b = Path.of("/songs/b/project.json");
    assertEquals(b, w.next(state(b, "Opened /songs/b", false)));
    assertEquals(b, w.target());
    assertFalse(w.targetRefused());
  }

  @Test
  void aProjectRefusedForAnUnknownModuleIsCheckedAndStaysTheTarget() {
    ProjectWatch w = new ProjectWatch();
    Path a = Path.of("/songs/a/project.json");
    w.next(state(a, "Opened /songs/a", false));
    String refused = "/songs/new one/project.json: $.nodes[2].module: unknown module id: org.x.gain (node 'amp')";
    assertEquals(Path.of("/songs/new one/project.json"), w.next(state(a, refused, true)));
    assertNull(w.next(state(a, "Stopped", false)), "the refused project stays the one checked");
    assertEquals(Path.of("/songs/new one/project.json"), w.target());
    assertTrue(w.targetRefused(), "the refused project is not the open one");
    assertNull(w.next(state(a, "/songs/c/project.json: $.tempo: must be 1..999", true)),
        "other refusals are not about modules");
  }

  @Test
  void onlyTheLoadersUnknownModuleMessageNamesAProject() {
    assertEquals(Path.of("/x/project.json"),
        ProjectWatch.failedOpen("/x/project.json: $.nodes[0].module: unknown module id: a.b (node 'n')"));
    assertNull(ProjectWatch.failedOpen("no such project: /x"));
    assertNull(ProjectWatch.failedOpen(null));
  }

  @Test
  void progressPositionsScaleToTheBar() {
    assertEquals(500, new DownloadProgress.Snapshot("a", "1", 50, 100, "").position(1000));
    assertEquals(0, DownloadProgress.Snapshot.IDLE.position(1000));
    DownloadProgress p = new DownloadProgress();
    p.step("resolving");
    p.download("a", "1", 10, 40);
    assertEquals(new DownloadProgress.Snapshot("a", "1", 10, 40, "resolving"), p.latest());
  }
}

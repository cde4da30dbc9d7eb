package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixtures of every format version migrate, load and mean the same song. */
class MigrationTest {

  @TempDir
  Path tmp;

  private final ProjectStore store = new ProjectStore();

  /** The song all fixtures hold (v2 adds samples, automation and a lockfile). */
  static ProjectModel demo() {
    return new ProjectModel("Demo", 48000, 120,
        List.of(new Node("bass", "org.patchwork.dsp.subtractive", Map.of("cutoff", 400.0), null),
            new Node("tone", "org.patchwork.dsp.onepole", Map.of("mode", 1.0, "cutoff", 300.0), null)),
        List.of(), List.of(new Track("bass", List.of("bass"), -2, 0, false, false, List.of(new Send("space", -8)))),
        List.of(new Bus("space", List.of("tone"), -3)), new Master(List.of(), -1),
        List.of(new Note("bass", 33, 0.9, 0, 0.5, 0), new Note("bass", 36, 1, 1, 0.25, 0)),
        null, List.of(), List.of(), List.of());
  }

  @Test
  void version0And1LoadAsTheSameSong() throws Exception {
    for (String v : List.of("v0", "v1")) {
      ProjectFormat.Parsed p = store.read(TreeHash.fixture(v));
      assertEquals(demo(), p.model(), v);
      assertEquals(Integer.parseInt(v.substring(1)), p.foundVersion());
      assertEquals(2 - p.foundVersion(), p.migrations().size());
    }
  }

  @Test
  void version2LoadsWithSamplesAutomationAndLockfile() throws Exception {
    Path dir = TreeHash.fixture("v2");
    ProjectModel p = store.load(dir);
    assertEquals(demo().nodes(), p.nodes());
    assertEquals(demo().notes(), p.notes());
    Sample click = p.samples().getFirst();
    assertEquals(new Loop(8, 64, LoopMode.PINGPONG), click.loop());
    assertEquals(64, store.readSample(dir, click).frames());
    assertArrayEquals(new float[] {0f, 0.25f, 0.5f, 1f}, p.automation().get(0).values());
    assertArrayEquals(new float[] {300f, 600f, 1200f}, p.automation().get(1).values());
    assertEquals(LockEntry.HashSource.JAR, p.lockfile().getFirst().hashOf());
  }

  @Test
  void migrateUpgradesInPlaceKeepsTheOldFileAndThenHasNothingToDo() throws Exception {
    Path dir = tmp.resolve("old");
    TreeHash.copy(TreeHash.fixture("v0"), dir);
    byte[] before = Files.readAllBytes(dir.resolve("project.json"));
    List<String> steps = store.migrate(dir);
    assertEquals(2, steps.size(), steps.toString());
    assertTrue(steps.get(0).startsWith("0 -> 1"));
    assertArrayEquals(before, Files.readAllBytes(dir.resolve("project.json.bak")));
    assertEquals(2, ProjectFormat.version("x", Files.readAllBytes(dir.resolve("project.json"))));
    assertEquals(demo(), store.load(dir));
    String hash = TreeHash.of(dir);
    assertEquals(List.of(), store.migrate(dir));
    assertEquals(hash, TreeHash.of(dir), "a current project is left alone");
  }

  @Test
  void aFutureVersionIsRefusedNamingTheFileAndTheVersion() throws Exception {
    Path dir = TreeHash.fixture("future");
    String hash = TreeHash.of(dir);
    ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> store.load(dir));
    assertEquals(dir.resolve("project.json") + ": $.formatVersion: format version 3 is newer than this "
        + "Patchwork reads (up to 2): update Patchwork to open it", e.getMessage());
    assertThrows(ProjectFormatException.class, () -> store.migrate(dir));
    assertEquals(hash, TreeHash.of(dir));
  }

  @Test
  void aMigratedTreeThatIsStillWrongIsRefusedWithThePathOfTheProblem() {
    String v0 = "{\"formatVersion\": 0, \"title\": \"x\", \"rate\": 48000, \"bpm\": 120, \"nodes\": [],"
        + " \"tracks\": [{\"id\": \"t\", \"chain\": []}], \"events\": [{\"track\": \"t\", \"pitch\": 60, \"vel\": \"loud\","
        + " \"beat\": 0, \"beats\": 1}]}";
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> ProjectFormat.parse("old.json", v0.getBytes()));
    assertEquals("old.json: $.notes[0].velocity: string found, number expected (found \"loud\")", e.getMessage());
  }
}

package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.project.internal.NioDisk;
import org.patchwork.project.internal.ProjectFiles;

/**
 * Property: for 250 random projects touching every part of the model, save then load gives
 * an equal project, in both automation encodings, and writing is a fixed point (the bytes of a
 * loaded project written again are the same bytes).
 */
class RoundTripTest {

  static final int CASES = 250;

  @TempDir
  Path tmp;

  @Test
  void saveThenLoadGivesTheSameProjectForEveryGeneratedCase() throws Exception {
    ProjectFiles files = new ProjectFiles(NioDisk.INSTANCE);
    int samples = 0;
    int lanes = 0;
    for (int seed = 0; seed < CASES; seed++) {
      Path dir = tmp.resolve("p" + seed);
      ProjectModel p = new RandomProjects(seed).next(files, dir);
      samples += p.samples().size();
      lanes += p.automation().size();
      ProjectFormat.Write[] how = seed % 2 == 0 ? new ProjectFormat.Write[0]
          : new ProjectFormat.Write[] {ProjectFormat.Write.PLAIN_AUTOMATION};
      files.save(dir, p, how);
      ProjectModel back = files.load(dir).model();
      assertEquals(p, back, "seed " + seed);
      byte[] first = Files.readAllBytes(dir.resolve(ProjectFormat.FILE));
      assertArrayEquals(first, ProjectFormat.write(back, how), "seed " + seed + ": writing is not a fixed point");
      for (Sample s : back.samples()) {
        assertTrue(new ProjectStore().readSample(dir, s).frames() == s.frames(), "seed " + seed);
      }
    }
    assertTrue(samples > 100 && lanes > 100, "the generator must exercise samples and automation: " + samples + ", " + lanes);
  }

  @Test
  void packedAutomationIsSmallerThanPlainAndBothRead() {
    float[] curve = new float[10_000];
    for (int i = 0; i < curve.length; i++) {
      curve[i] = (float) Math.sin(i / 100.0);
    }
    ProjectModel p = new ProjectModel("a", 48000, 120, java.util.List.of(new Node("n", "m", null, null)), null, null,
        null, null, null, null, null, java.util.List.of(new AutomationLane("n", "cutoff", 0, 0.25, curve)), null);
    byte[] packed = ProjectFormat.write(p);
    byte[] plain = ProjectFormat.write(p, ProjectFormat.Write.PLAIN_AUTOMATION);
    assertEquals(p, ProjectFormat.parse("packed", packed));
    assertEquals(p, ProjectFormat.parse("plain", plain));
    assertTrue(packed.length * 3 < plain.length, packed.length + " vs " + plain.length);
    assertTrue(new String(plain, StandardCharsets.UTF_8).contains("\"values\": ["));
  }
}

package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes project loading (JSON parse, migration, schema, binding, references). Whatever the
 * bytes, loading either returns a project or throws {@link ProjectFormatException}; a project
 * that loads writes and loads back equal. In normal test runs this replays the saved inputs in
 * {@code ProjectJsonFuzzTestInputs/loadProject}; see docs/fuzzing.md for a fuzzing session.
 */
class ProjectJsonFuzzTest {

  @FuzzTest(maxDuration = "5m")
  void loadProject(byte[] data) {
    ProjectModel p;
    try {
      p = ProjectFormat.parse("fuzz.json", data);
    } catch (ProjectFormatException expected) {
      if (expected.getMessage().contains("\n")) {
        throw new AssertionError("a message must be one line: " + expected.getMessage());
      }
      return;
    }
    assertEquals(p, ProjectFormat.parse("again.json", ProjectFormat.write(p)));
    assertEquals(p, ProjectFormat.parse("plain.json", ProjectFormat.write(p, ProjectFormat.Write.PLAIN_AUTOMATION)));
  }
}

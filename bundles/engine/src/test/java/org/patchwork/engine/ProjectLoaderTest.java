package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectLoaderTest {

  private static final ModuleRegistry MODULES = TestModules.registry();

  static Path demo() {
    try {
      return Path.of(ProjectLoaderTest.class.getResource("/demo.json").toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String rejected(String json) {
    return assertThrows(ProjectFormatException.class,
        () -> ProjectLoader.parse("project.json", json.getBytes(StandardCharsets.UTF_8), MODULES)).getMessage();
  }

  /** A valid project with {@code nodes} and one track on the first node. */
  private static String project(String nodes, String extra) {
    return """
        {"formatVersion": 1, "name": "t", "sampleRate": 48000, "tempo": 120,
         "nodes": [%s],
         "tracks": [{"id": "lead", "chain": ["lead"]}]%s}
        """.formatted(nodes, extra);
  }

  private static final String LEAD = "{\"id\": \"lead\", \"module\": \"org.patchwork.examples.sine\"}";

  @Test
  void theSampleProjectLoadsWithEveryPart() throws IOException {
    Project p = ProjectLoader.load(demo(), MODULES);
    assertEquals("Demo: arpeggio over a bass", p.name());
    assertEquals(48_000, p.sampleRate());
    assertEquals(120, p.tempo());
    assertEquals(List.of("lead", "lead-amp", "bass", "room"), p.graph().nodes().stream().map(Node::id).toList());
    assertEquals(Map.of("gain", 0.3, "release", 120.0), p.graph().nodes().get(0).params());
    Track lead = p.graph().tracks().get(0);
    assertEquals(List.of("lead", "lead-amp"), lead.chain());
    assertEquals(-0.3, lead.pan());
    assertEquals(List.of(new Send("fx", -9)), lead.sends());
    assertEquals(new Bus("fx", List.of("room"), 0), p.graph().buses().get(0));
    assertEquals(-1, p.graph().master().gainDb());
    assertEquals(9, p.notes().size());
    assertEquals(new Note("lead", 64, 0.7, 0.5, 0.5), p.notes().get(1));
    assertEquals(4.0, p.lengthBeats());
    assertEquals(24_000, p.frameOf(p.notes().get(2).start(), 48_000), "beat 1 at 120 bpm");
  }

  @Test
  void beatsBecomeFramesExactly() {
    assertEquals(12_000, Project.beatsToFrames(0.5, 120, 48_000));
    assertEquals(2_400, Project.beatsToFrames(0.1, 120, 48_000), "0.1 as written, not its binary neighbour");
    assertEquals(7_718, Project.beatsToFrames(0.35, 120, 44_100), "7717.5 rounds half-even");
    assertEquals(11_025, Project.beatsToFrames(0.5, 120, 44_100));
    assertEquals(14_700, Project.beatsToFrames(1, 180, 44_100));
    assertEquals(16_000, Project.beatsToFrames(1, 180, 48_000));
  }

  @Test
  void anUnknownModuleIsNamedWithFileAndPath() {
    assertEquals("project.json: $.nodes[2].module: unknown module id: org.x.y (node 'pad')", rejected(project(
        LEAD + ", {\"id\": \"amp\", \"module\": \"org.patchwork.examples.gain\"}, {\"id\": \"pad\", \"module\": \"org.x.y\"}",
        "")));
  }

  @Test
  void theFormatVersionIsCheckedFirst() {
    assertEquals("project.json: $.formatVersion: unsupported format version 3 (this Patchwork reads 1 to 2)",
        rejected("{\"formatVersion\": 3, \"whatever\": true}"));
    assertEquals("project.json: $.formatVersion: format version 0 is older than this Patchwork plays (1 to 2):"
        + " run 'patchwork migrate' on the project first", rejected("{\"formatVersion\": 0}"));
    assertEquals("project.json: $.formatVersion: missing", rejected("{\"name\": \"x\"}"));
    assertEquals("project.json: $.formatVersion: must be a whole number", rejected("{\"formatVersion\": \"1\"}"));
  }

  @Test
  void everyKindOfMistakeIsNamedWhereItIs() {
    assertEquals("project.json: $.nodes[0].colour: unknown field (expected id, module, params, state)",
        rejected(project("{\"id\": \"lead\", \"module\": \"org.patchwork.examples.sine\", \"colour\": \"red\"}", "")));
    assertEquals("project.json: $.nodes[0].params.gain: node 'lead': parameter 'gain' = 3.0 is outside [0.0, 1.0]",
        rejected(project("{\"id\": \"lead\", \"module\": \"org.patchwork.examples.sine\", \"params\": {\"gain\": 3}}", "")));
    assertEquals("project.json: $.nodes[0].params.cutoff: unknown parameter: node 'lead' "
            + "(org.patchwork.examples.sine) has no parameter 'cutoff'",
        rejected(project("{\"id\": \"lead\", \"module\": \"org.patchwork.examples.sine\", \"params\": {\"cutoff\": 3}}", "")));
    assertEquals("project.json: $.notes[0].track: unknown track 'drums'", rejected(project(LEAD,
        ", \"notes\": [{\"track\": \"drums\", \"key\": 60, \"velocity\": 1, \"start\": 0, \"length\": 1}]")));
    assertEquals("project.json: $.notes[0].key: must be within 0..127: 128", rejected(project(LEAD,
        ", \"notes\": [{\"track\": \"lead\", \"key\": 128, \"velocity\": 1, \"start\": 0, \"length\": 1}]")));
    assertEquals("project.json: $.connections[0].to: unknown port: node 'lead' (org.patchwork.examples.sine) "
        + "has no port 'in'", rejected(project(LEAD, ", \"connections\": [{\"from\": \"lead.out\", \"to\": \"lead.in\"}]")));
    assertEquals("project.json: $.sampleRate: must be within 8000..384000: 1000", rejected(
        "{\"formatVersion\": 1, \"name\": \"t\", \"sampleRate\": 1000, \"tempo\": 120, \"nodes\": []}"));
    assertEquals("project.json: $.nodes: missing", rejected(
        "{\"formatVersion\": 1, \"name\": \"t\", \"sampleRate\": 48000, \"tempo\": 120}"));
    assertEquals("project.json: $.tracks[0].chain[0]: unknown node 'lead'", rejected(project("", "")));
  }

  @Test
  void aCycleIsNamedAtItsFirstCable() {
    String nodes = """
        %s, {"id": "a", "module": "test.thru"}, {"id": "b", "module": "test.thru"}""".formatted(LEAD);
    assertEquals("project.json: $.connections[0]: cycle without a feedback edge: a -> b -> a", rejected(project(nodes,
        ", \"connections\": [{\"from\": \"a.out\", \"to\": \"b.in\"}, {\"from\": \"b.out\", \"to\": \"a.in\"}]")));
    ProjectLoader.parse("project.json", project(nodes, ", \"connections\": [{\"from\": \"a.out\", \"to\": \"b.in\"}, "
        + "{\"from\": \"b.out\", \"to\": \"a.in\", \"feedbackDelay\": 480}]").getBytes(StandardCharsets.UTF_8), MODULES);
  }

  @Test
  void brokenJsonIsOneLineWithItsPosition() {
    String message = rejected("{\"formatVersion\": 1,\n  \"name\": }");
    assertTrue(message.startsWith("project.json: not valid JSON at line 2, column 11: Unexpected character ('}'"),
        message);
    assertEquals(1, message.lines().count());
    String duplicate = rejected("{\"formatVersion\": 1, \"formatVersion\": 1}");
    assertTrue(duplicate.startsWith("project.json: not valid JSON at line 1, column ") && duplicate.contains(
        "Duplicate field 'formatVersion'"), duplicate);
  }

  @Test
  void aFileIsNamedAsGiven(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("song.json");
    Files.writeString(file, "[]");
    ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> ProjectLoader.load(file, MODULES));
    assertEquals(file + ": $: a project must be a JSON object", e.getMessage());
    assertEquals("$", e.path());
    assertEquals(file.toString(), e.source());
  }

  @Test
  void aNoteMayCarryItsTuningInCents() {
    Project p = ProjectLoader.parse("project.json", project(LEAD, """
        , "notes": [{"track": "lead", "key": 33, "velocity": 1, "start": 0, "length": 1, "cents": 0.5195},
                    {"track": "lead", "key": 45, "velocity": 1, "start": 0, "length": 1}]""")
        .getBytes(StandardCharsets.UTF_8), MODULES);
    assertEquals(new Note("lead", 33, 1, 0, 1, 0.5195), p.notes().get(0));
    assertEquals(0, p.notes().get(1).cents());
    assertEquals(new Note("lead", 45, 1, 0, 1), p.notes().get(1));
  }

  @Test
  void centsBeyondTwoOctavesOrNotANumberAreRejected() {
    assertEquals("project.json: $.notes[0].cents: must be within -2400..2400: 2500", rejected(project(LEAD, """
        , "notes": [{"track": "lead", "key": 60, "velocity": 1, "start": 0, "length": 1, "cents": 2500}]""")));
    assertEquals("project.json: $.notes[0].cents: must be a number", rejected(project(LEAD, """
        , "notes": [{"track": "lead", "key": 60, "velocity": 1, "start": 0, "length": 1, "cents": "sharp"}]""")));
  }
}

package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema in docs/ is the one the model gives, and loading names path and reason. */
class SchemaTest {

  private static final String HEAD = "{\"formatVersion\": 2, \"name\": \"x\", \"sampleRate\": 48000, \"tempo\": 120, ";

  @Test
  void theSchemaInDocsIsTheOneGeneratedFromTheModel() throws Exception {
    Path docs = Path.of(System.getProperty("patchwork.schema", "../../docs/schema/project.schema.json"));
    assertEquals(ProjectFormat.schema(), Files.readString(docs, StandardCharsets.UTF_8),
        "docs/schema/project.schema.json is stale: build bundles/project-store to regenerate it");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "`\"nodes\": [], \"tempo2\": 1}` | $.tempo2: unknown field (the schema does not allow it)",
      "`\"nodes\": {}}` | $.nodes: object found, array expected",
      "`\"nodes\": [{\"id\": \"a\", \"module\": \" \"}]}` | $.nodes[0].module: must not be empty or blank (found \" \")",
      "`\"nodes\": [{\"id\": \"a\"}]}` | $.nodes[0].module: missing",
      "`\"nodes\": [], \"notes\": [{\"track\": \"t\", \"key\": 128, \"velocity\": 1, \"start\": 0, \"length\": 1}]}`"
          + " | $.notes[0].key: must have a maximum value of 127 (found 128)",
      "`\"nodes\": [], \"notes\": [{\"track\": \"t\", \"key\": 1, \"velocity\": 0, \"start\": 0, \"length\": 1}]}`"
          + " | $.notes[0].velocity: must have an exclusive minimum value of 0 (found 0)",
      "`\"nodes\": [], \"tracks\": [{\"id\": \"t\", \"chain\": [], \"mute\": \"yes\"}]}`"
          + " | $.tracks[0].mute: string found, boolean expected (found \"yes\")",
      "`\"nodes\": [], \"samples\": [{\"id\": \"s\", \"sha256\": \"abc\", \"originalName\": \"a.wav\", \"format\": \"wav\","
          + " \"channels\": 1, \"sampleRate\": 48000, \"frames\": 10, \"rootKey\": 60}]}`"
          + " | $.samples[0].sha256: does not match the regex pattern ^[0-9a-f]{64}$ (found \"abc\")",
      "`\"nodes\": [{\"id\": \"n\", \"module\": \"m\"}], \"automation\": [{\"node\": \"n\", \"parameter\": \"p\","
          + " \"start\": 0, \"step\": 1, \"values\": true}]}`"
          + " | $.automation[0].values: must be an array of numbers or a packed (base64) string (found true)",
      "`\"nodes\": [{\"id\": \"n\", \"module\": \"m\"}], \"automation\": [{\"node\": \"n\", \"parameter\": \"p\","
          + " \"start\": 0, \"step\": 1, \"values\": \"AAAA\"}]}`"
          + " | $.automation[0].values: packed values are not valid deflate data: unknown compression method",
      "`\"nodes\": [{\"id\": \"n\", \"module\": \"m\"}, {\"id\": \"n\", \"module\": \"m\"}]}`"
          + " | $.nodes[1].id: 'n' is already used by $.nodes[0]",
      "`\"nodes\": [], \"tracks\": [{\"id\": \"t\", \"chain\": [], \"sends\": [{\"bus\": \"b\"}]}]}`"
          + " | $.tracks[0].sends[0].bus: unknown bus 'b'",
      "`\"nodes\": [], \"song\": [1]}` | $.song: array found, object expected",
      "`\"nodes\": [], \"tracks\": [{\"id\": \"t\", \"chain\": []}], \"song\": {},"
          + " \"notes\": [{\"track\": \"t\", \"key\": 1, \"velocity\": 1, \"start\": 0, \"length\": 1}]}`"
          + " | $.song: a project has either notes or a song, not both",
      "`\"nodes\": [], \"tracks\": [{\"id\": \"t\", \"chain\": []}], \"notes\": [{\"track\": \"t\", \"key\": 7.7e27,"
          + " \"velocity\": 1, \"start\": 0, \"length\": 1}]}`"
          + " | $.notes[0].key: must have a maximum value of 127 (found 7.7E+27)",
      "`\"nodes\": [], \"connections\": [{\"from\": \"a.b\", \"to\": \"master\", \"feedbackDelay\": 0}]}`"
          + " | $.connections[0].feedbackDelay: must have a minimum value of 1 (found 0)",
  })
  void invalidContentIsRefusedWithItsPathAndTheReason(String body, String expected) {
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> ProjectFormat.parse("p.json", (HEAD + body).getBytes(StandardCharsets.UTF_8)));
    assertEquals("p.json: " + expected, e.getMessage());
  }
}

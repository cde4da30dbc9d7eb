package org.patchwork.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.control.Mapping;

class ProfilesTest {

  private static String builtIn(String name) throws Exception {
    try (InputStream in = ProfilesTest.class.getResourceAsStream("/controller-profiles/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theShippedProfilesReadAndMatchTheirDevices() {
    List<Profile> profiles = ProfilePacks.builtIn();
    assertEquals(3, profiles.size());
    Profile apc = profiles.get(0);
    assertEquals("akai.apc-mini", apc.id());
    assertEquals(64, apc.control("grid").numbers().size());
    assertTrue(apc.match().portNames().getFirst().matcher("APC MINI MIDI 1").find());
    assertTrue(!apc.match().portNames().getFirst().matcher("APC mini mk2 Control").find(), "not the mk2");
    Profile lp = profiles.get(1);
    assertEquals(List.of(11, 12, 13, 14, 15, 16, 17, 18, 21), lp.control("grid").numbers().subList(0, 9));
    assertEquals(88, lp.control("grid").numbers().getLast());
    assertEquals(1, lp.init().size());
    Profile nano = profiles.get(2);
    assertTrue(nano.match().portNames().getFirst().matcher("nanoKONTROL2 nanoKONTROL2 _ CTR").find());
    assertEquals(Mapping.Mode.ABSOLUTE, nano.control("fader").mode());
  }

  @Test
  void theShippedProfilesAndAnImportValidateAgainstThePublishedSchema() throws Exception {
    Path schemaFile = Path.of(System.getProperty("patchwork.docs", "../../docs"), "schema", "controller-profile.schema.json");
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Schema schema = registry.getSchema(Files.readString(schemaFile), InputFormat.JSON);
    for (String name : ProfilePacks.BUILT_IN) {
      assertEquals(List.of(), schema.validate(builtIn(name), InputFormat.JSON), name);
    }
    String imported = MixxxImporter.convert("test.midi.xml", mixxx()).json();
    assertEquals(List.of(), schema.validate(imported, InputFormat.JSON), "imported profile");
    assertTrue(!schema.validate("{\"format\": \"patchwork-controller-profile/1\", \"id\": \"x\"}", InputFormat.JSON).isEmpty(),
        "the schema refuses an incomplete profile");
  }

  @Test
  void brokenProfilesAreRefusedWithThePathAndTheRule() throws Exception {
    String good = builtIn("korg-nanokontrol2.json");
    assertRefused(good.replace("\"count\": 8}", "\"count\": 8, \"colour\": 1}"), "$.controls[0].colour: unknown field");
    assertRefused(good.replace("\"number\": 0, \"count\": 8", "\"number\": 125, \"count\": 8"), "$.controls[0]: its numbers run past 127");
    assertRefused(good.replace("\"(?i)nanokontrol ?2\"", "\"(unclosed\""), "$.match.portNames[0]: not a regular expression");
    assertRefused(good.replace("{\"control\": \"play\", \"action\": \"transport.play\"}",
        "{\"control\": \"playy\", \"action\": \"transport.play\"}"), "no control has the id 'playy'");
    assertRefused(good.replace("\"transport.record\"", "\"transport.explode\""), "must be one of");
    assertRefused(good.replace("\"format\": \"patchwork-controller-profile/1\"", "\"format\": \"2\""), "$.format");
    assertRefused("{\"format\": 1,", "not JSON");
    assertRefused(good.replace("{\"control\": \"stop\", \"state\": \"transport.stopped\", \"on\": 127, \"off\": 0}",
        "{\"control\": \"stop\", \"state\": \"transport.stopped\", \"on\": \"purple\"}"), "no colour named 'purple'");
  }

  private static void assertRefused(String json, String expected) {
    ProfileException e = assertThrows(ProfileException.class,
        () -> ProfileReader.read("test.json", json.getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  static byte[] mixxx() throws Exception {
    try (InputStream in = ProfilesTest.class.getResourceAsStream("/Test-Controller.midi.xml")) {
      return in.readAllBytes();
    }
  }

  @Test
  void aMixxxMappingImportsWhereTheConceptsMatch() throws Exception {
    MixxxImporter.Result r = MixxxImporter.convert("Test-Controller.midi.xml", mixxx());
    Profile p = ProfileReader.read("imported", r.json().getBytes(StandardCharsets.UTF_8));
    assertEquals("mixxx.test-controller", p.id());
    assertTrue(p.match().portNames().getFirst().matcher("Test Controller MIDI 1").find());
    assertEquals(List.of("transport.toggle", "track.volume", "track.volume", "track.mute", "tracker.line-down"),
        p.bindings().stream().map(Profile.Binding::action).toList());
    assertEquals(1, p.bindings().get(2).track(), "[Channel2] is track 1");
    assertEquals(Mapping.Mode.RELATIVE_BINARY_OFFSET, p.control("cc-0-20").mode(), "<rot64/> is binary offset");
    assertEquals(List.of("transport.playing", "track.muted"), p.feedback().stream().map(Profile.Feedback::state).toList());
    assertEquals(7, r.imported(), "5 bindings and 2 feedback rules");
    assertTrue(r.skipped().stream().anyMatch(s -> s.contains("script binding")), r.skipped().toString());
    assertTrue(r.skipped().stream().anyMatch(s -> s.contains("[Channel1] pregain")), r.skipped().toString());
    assertThrows(IllegalArgumentException.class, () -> MixxxImporter.convert("x",
        "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><MixxxControllerPreset>&e;</MixxxControllerPreset>"
            .getBytes(StandardCharsets.UTF_8)), "DTDs are refused");
  }
}

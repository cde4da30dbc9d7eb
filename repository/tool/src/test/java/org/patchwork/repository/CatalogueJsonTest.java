package org.patchwork.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueJsonTest {

  private static final String SHA = "0".repeat(64);
  private static final KeyPair KEY = Keys.generate();
  private static final String FP = Keys.fingerprint(KEY.getPublic());

  static Catalogue sample(String path) {
    Catalogue.Release r = new Catalogue.Release("1.0.0", path, 10, SHA, path + ".sig", FP, "0.1.0",
        "2030-01-01T00:00:00Z", List.of(new Catalogue.ModuleInfo("org.example.fx", "Fx", "EFFECT", List.of("effect"),
            List.of(new Catalogue.PortInfo("in", "AUDIO", "INPUT", 2)),
            List.of(new Catalogue.ParameterInfo("gain", "Gain", -60, 24, 0, "dB", false, false)))));
    Catalogue.Entry e = new Catalogue.Entry("org.example.fx", "Fx", "An effect.", "", "module", List.of("effect"),
        "Someone", "Apache-2.0", "https://example.org", List.of(), List.of(r));
    return new Catalogue(1, "test", 3, "2030-01-01T00:00:00Z", "2030-02-01T00:00:00Z", FP,
        new Catalogue.FileRef("index.xml", 5, SHA), Map.of(FP, Keys.base64(KEY.getPublic())), List.of(e));
  }

  @Test
  void writesTheSameBytesEveryTimeAndReadsThemBack() throws Exception {
    byte[] a = CatalogueJson.write(sample("bundles/org.example.fx-1.0.0.jar"));
    assertArrayEquals(a, CatalogueJson.write(CatalogueJson.read(a)));
    Catalogue c = CatalogueJson.read(a);
    assertEquals(3, c.version());
    assertEquals("1.0.0", c.entry("org.example.fx").orElseThrow().latest().orElseThrow().version());
  }

  @Test
  void refusesPathsThatLeaveTheSite() {
    for (String bad : List.of("../etc/passwd", "/abs/x.jar", "bundles/../../x.jar", "bundles\\x.jar", "", "a//b")) {
      var e = assertThrows(CatalogueJson.InvalidCatalogueException.class, () -> CatalogueJson.write(sample(bad)), bad);
      assertTrue(e.getMessage().contains("not a relative path inside the site"), e.getMessage());
    }
  }

  @Test
  void refusesUnknownFieldsNewerFormatsAndWrongFingerprints() throws Exception {
    String json = new String(CatalogueJson.write(sample("bundles/x.jar")), StandardCharsets.UTF_8);
    var e = assertThrows(CatalogueJson.InvalidCatalogueException.class,
        () -> CatalogueJson.read(json.replaceFirst("\\{", "{\"extra\": 1,").getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("extra"), e.getMessage());
    e = assertThrows(CatalogueJson.InvalidCatalogueException.class,
        () -> CatalogueJson.read(json.replace("\"format\" : 1", "\"format\" : 2").getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("catalogue format 2"), e.getMessage());
    String other = Keys.base64(Keys.generate().getPublic());
    e = assertThrows(CatalogueJson.InvalidCatalogueException.class, () -> CatalogueJson.read(
        json.replace(Keys.base64(KEY.getPublic()), other).getBytes(StandardCharsets.UTF_8)));
    assertTrue(e.getMessage().contains("has fingerprint"), e.getMessage());
    assertThrows(CatalogueJson.InvalidCatalogueException.class,
        () -> CatalogueJson.read("[1, 2]".getBytes(StandardCharsets.UTF_8)));
  }
}

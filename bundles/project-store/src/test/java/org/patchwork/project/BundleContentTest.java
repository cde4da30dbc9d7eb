package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;

/**
 * What bnd made of this bundle (target/classes is the bundle's content after process-classes):
 * the schema validator and Jackson 3 are inside and private, with the resources they read at
 * run time - without its message files the validator says only "type" in Felix.
 */
class BundleContentTest {

  private static final Path CLASSES = Path.of("target", "classes");

  @Test
  void theValidatorIsEmbeddedWithItsResourcesAndNothingOfItIsImported() throws Exception {
    for (String resource : new String[] {"jsv-messages.properties", "jsv-messages_en.properties",
        "draft/2020-12/schema", "draft/2020-12/meta/validation", "leap_second_dates.csv",
        "com/networknt/schema/Schema.class", "tools/jackson/databind/ObjectMapper.class",
        "META-INF/services/org.slf4j.spi.SLF4JServiceProvider"}) {
      assertTrue(Files.exists(CLASSES.resolve(resource)), "not in the bundle: " + resource);
    }
    Manifest mf;
    try (InputStream in = Files.newInputStream(CLASSES.resolve("META-INF/MANIFEST.MF"))) {
      mf = new Manifest(in);
    }
    String imports = mf.getMainAttributes().getValue("Import-Package").replace("\n", "");
    for (String embedded : new String[] {"com.networknt", "tools.jackson", "org.slf4j", "com.ethlo", "org.snakeyaml"}) {
      assertFalse(imports.contains(embedded), "imported instead of embedded: " + embedded);
    }
    String exports = mf.getMainAttributes().getValue("Export-Package");
    assertTrue(exports.startsWith("org.patchwork.project;version=\"1.0.0\""), exports);
    assertFalse(exports.contains("internal") || exports.contains("networknt") || exports.contains("tools.jackson"), exports);
  }
}

package org.patchwork.repository.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.repository.Catalogue;
import org.patchwork.repository.CatalogueJson;
import org.patchwork.repository.Digests;
import org.patchwork.repository.Fixtures;
import org.patchwork.repository.Keys;
import org.patchwork.repository.SiteLayout;

class PublisherTest {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final String IN = "PortDescriptor.audioIn(\"in\", 2)";
  private static final String OUT = "PortDescriptor.audioOut(\"out\", 2)";
  private static final String GAIN = "ParameterDescriptor.of(\"gain\", \"Gain\", -60, 24, 0, \"dB\")";
  private static final String MIX = "ParameterDescriptor.of(\"mix\", \"Mix\", 0, 1, 1, \"\")";

  private final KeyPair key = Keys.generate();

  private List<String> publish(Path site, Path... jars) throws Exception {
    return Publisher.publish(new Publisher.Request(site, key, key, List.of(jars), Duration.ofDays(30), "test"), CLOCK);
  }

  private static Catalogue catalogue(Path site) throws Exception {
    return CatalogueJson.read(Files.readAllBytes(site.resolve(SiteLayout.CATALOGUE)));
  }

  @Test
  void publishWritesSignedCatalogueIndexAndSignedJars(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Path lib = Fixtures.manifestBundle(dir.resolve("lib.jar"), Map.of("Bundle-SymbolicName", "org.example.lib",
        "Bundle-Version", "1.0.0", "Export-Package", "org.example.lib;version=1.0.0", "Bundle-Vendor", "Lib Author",
        "Bundle-License", "Apache-2.0;link=x"));
    Path fx = Fixtures.moduleBundle(dir, "org.example.fx", "1.0.0", "org.example.fx", List.of(IN, OUT), List.of(GAIN));
    List<String> lines = publish(site, fx, lib);
    assertTrue(lines.get(0).startsWith("published org.example.fx 1.0.0 (module"), lines.toString());
    assertTrue(lines.get(1).startsWith("published org.example.lib 1.0.0 (library"), lines.toString());

    Catalogue c = catalogue(site);
    assertEquals(1, c.version());
    assertEquals("2030-01-31T00:00:00Z", c.expires());
    Catalogue.Entry e = c.entry("org.example.fx").orElseThrow();
    assertEquals("module", e.kind());
    assertEquals(List.of("effect"), e.tags());
    assertEquals("A fixture module.", e.summary());
    Catalogue.Release r = e.versions().get(0);
    assertEquals(Digests.sha256(fx), r.sha256());
    assertEquals(List.of("gain"), r.modules().get(0).parameters().stream().map(Catalogue.ParameterInfo::id).toList());
    assertEquals("Apache-2.0", c.entry("org.example.lib").orElseThrow().licence());
    assertEquals("Lib Author", c.entry("org.example.lib").orElseThrow().author());

    String index = Files.readString(site.resolve(SiteLayout.INDEX));
    assertTrue(index.contains("http://www.osgi.org/xmlns/repository/v1.0.0"), index);
    assertTrue(index.contains("value=\"" + r.sha256().toUpperCase(java.util.Locale.ROOT) + "\""),
        "osgi.content digest in the index (bnd writes it in capitals)");
    assertTrue(index.contains("bundles/org.example.fx-1.0.0.jar"), "relative content URL");
    assertTrue(index.contains("org.example.lib"), "exported package indexed");
    assertEquals(Digests.sha256(site.resolve(SiteLayout.INDEX)), c.index().sha256());

    List<String> report = new ArrayList<>();
    assertEquals(List.of(), SiteCheck.check(site, key.getPublic(), CLOCK, report));
    assertTrue(report.get(0).endsWith("sound"), report.toString());
  }

  @Test
  void versionsOnlyGoUpAndPublishedBytesNeverChange(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    Path fx = Fixtures.moduleBundle(dir, "org.example.fx", "1.0.0", "org.example.fx", List.of(IN), List.of(GAIN));
    publish(site, fx);
    List<String> again = publish(site, fx);
    assertTrue(again.get(0).startsWith("unchanged org.example.fx 1.0.0"), again.toString());
    assertEquals(2, catalogue(site).version(), "every publication raises the catalogue version");

    Path other = Fixtures.moduleBundle(dir.resolve("o").toFile().mkdirs() ? dir.resolve("o") : dir.resolve("o"),
        "org.example.fx", "1.0.0", "org.example.fx", List.of(IN, OUT), List.of(GAIN));
    var e = assertThrows(Publisher.Refused.class, () -> publish(site, other));
    assertTrue(e.getMessage().contains("already published with other bytes"), e.getMessage());
    assertEquals(2, catalogue(site).version(), "a refusal changes nothing");
  }

  @Test
  void anotherRepositoryKeyIsRefused(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    publish(site, Fixtures.manifestBundle(dir.resolve("a.jar"), Map.of("Bundle-SymbolicName", "org.example.a")));
    KeyPair other = Keys.generate();
    var e = assertThrows(Publisher.Refused.class, () -> Publisher.publish(new Publisher.Request(site, other, other,
        List.of(dir.resolve("a.jar")), Duration.ofDays(1), null), CLOCK));
    assertTrue(e.getMessage().contains("is signed by repository key"), e.getMessage());
  }

  @Test
  void incompatibleModuleChangesNeedAMajorVersion(@TempDir Path dir) throws Exception {
    Path site = dir.resolve("site");
    publish(site, Fixtures.moduleBundle(dir, "org.example.fx", "1.0.0", "org.example.fx", List.of(IN, OUT),
        List.of(GAIN, MIX)));
    Path dropped = Fixtures.moduleBundle(dir, "org.example.fx", "1.1.0", "org.example.fx",
        List.of(IN, "PortDescriptor.cvOut(\"out\")"), List.of(GAIN));
    var e = assertThrows(Publisher.Refused.class, () -> publish(site, dropped));
    assertTrue(e.getMessage().contains("parameter 'mix' was removed"), e.getMessage());
    assertTrue(e.getMessage().contains("port 'out' was retyped from AUDIO OUTPUT to CV OUTPUT"), e.getMessage());
    assertTrue(e.getMessage().contains("Publish it as 2.0.0"), e.getMessage());
    assertTrue(Files.notExists(site.resolve("bundles/org.example.fx-1.1.0.jar")), "nothing written");

    Path retired = Fixtures.moduleBundle(dir, "org.example.fx", "1.2.0", "org.example.fx", List.of(IN, OUT),
        List.of(GAIN, "new ParameterDescriptor(\"mix\", \"Mix\", 0, 1, 1, \"\", Set.of(ParameterFlag.REMOVED), 0,"
            + " List.of())", "ParameterDescriptor.of(\"tone\", \"Tone\", 0, 1, 0.5, \"\")"));
    publish(site, retired);
    Path major = Fixtures.moduleBundle(dir, "org.example.fx", "2.0.0", "org.example.fx", List.of(IN), List.of(GAIN));
    publish(site, major);
    assertEquals(List.of("2.0.0", "1.2.0", "1.0.0"), catalogue(site).entry("org.example.fx").orElseThrow().versions()
        .stream().map(Catalogue.Release::version).toList());
  }

  @Test
  void zipBombsAreNotPublished(@TempDir Path dir) throws Exception {
    Path bomb = Fixtures.zipBomb(dir.resolve("bomb.jar"), "org.example.bomb", 300L << 20);
    var e = assertThrows(Publisher.Refused.class, () -> publish(dir.resolve("site"), bomb));
    assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
  }

  @Test
  void durations() {
    assertEquals(Duration.ofDays(30), RepoCommand.duration("30d"));
    assertEquals(Duration.ofSeconds(2), RepoCommand.duration("2s"));
    assertEquals(Duration.ofHours(1), RepoCommand.duration("PT1H"));
    assertThrows(RuntimeException.class, () -> RepoCommand.duration("soon"));
    assertThrows(RuntimeException.class, () -> RepoCommand.duration("0s"));
  }
}

package org.patchwork.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.repository.Keys;
import org.patchwork.sdk.cli.UsageException;

class CataloguesTest {

  @TempDir
  Path tmp;

  private MarketState.Repo repo(TestSite site, long highest) {
    return new MarketState.Repo("test", site.url(), Keys.base64(site.key.getPublic()), highest);
  }

  private Catalogues catalogues(Clock clock) {
    return new Catalogues(new MarketHome(tmp.resolve("home")), new Fetcher(), clock);
  }

  private TestSite site() throws Exception {
    TestSite site = new TestSite(tmp.resolve("site"));
    site.bundle("org.example.lib", "1.0.0", Map.of("org.example.lib", "1.0.0"), Map.of(), Map.of());
    return site;
  }

  @Test
  void aSoundCatalogueIsVerifiedAndCachedForOfflineUse() throws Exception {
    TestSite site = site();
    site.write();
    Catalogues.Verified v = catalogues(Clock.systemUTC()).refresh(repo(site, 0));
    assertEquals(1, v.catalogue().version());
    assertEquals(1, v.repo().highestVersion(), "the highest version seen is remembered");
    assertEquals("org.example.lib", v.index().get(0).symbolicName());
    Files.delete(site.dir.resolve("catalogue.json"));
    Catalogues.Verified cached = catalogues(Clock.systemUTC()).cached(v.repo());
    assertEquals(1, cached.catalogue().version(), "browsable with the site gone");
  }

  @Test
  void signatureKeyExpiryAndVersionAreEnforced() throws Exception {
    TestSite site = site();
    byte[] v1 = site.write();
    Catalogues c = catalogues(Clock.systemUTC());

    TestSite impostor = new TestSite(tmp.resolve("other"));
    var e = assertThrows(UsageException.class, () -> c.refresh(
        new MarketState.Repo("test", site.url(), Keys.base64(impostor.key.getPublic()), 0)));
    assertTrue(e.getMessage().contains("not by the repository key"), e.getMessage());

    byte[] changed = v1.clone();
    changed[changed.length / 2] ^= 1;
    Files.write(site.dir.resolve("catalogue.json"), changed);
    e = assertThrows(UsageException.class, () -> c.refresh(repo(site, 0)));
    assertTrue(e.getMessage().contains("signature does not verify"), e.getMessage());

    site.write();
    e = assertThrows(UsageException.class, () -> c.refresh(repo(site, 5)));
    assertTrue(e.getMessage().contains("catalogue version 2 is older than version 5 seen before"), e.getMessage());

    Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(31)), ZoneOffset.UTC);
    e = assertThrows(UsageException.class, () -> catalogues(later).refresh(repo(site, 0)));
    assertTrue(e.getMessage().contains("the catalogue expired at"), e.getMessage());
  }

  @Test
  void theSameVersionWithOtherBytesAndAChangedIndexAreRefused() throws Exception {
    TestSite site = site();
    site.write();
    Catalogues c = catalogues(Clock.systemUTC());
    MarketState.Repo seen = c.refresh(repo(site, 0)).repo();
    site.version--;
    site.now = site.now.plusSeconds(1);
    site.write();
    var e = assertThrows(UsageException.class, () -> c.refresh(seen));
    assertTrue(e.getMessage().contains("changed without a new version number"), e.getMessage());

    site.write();
    Files.writeString(site.dir.resolve("index.xml"), Files.readString(site.dir.resolve("index.xml"))
        .replace("name='test'", "name='TEST'"));
    e = assertThrows(UsageException.class, () -> c.refresh(seen));
    assertTrue(e.getMessage().contains("its index does not match"), e.getMessage());
  }
}

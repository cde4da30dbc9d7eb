package org.patchwork.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.patchwork.marketplace.Details;
import org.patchwork.marketplace.Entry;
import org.patchwork.marketplace.Marketplace;
import org.patchwork.marketplace.Progress;
import org.patchwork.marketplace.Result;
import org.patchwork.repository.Keys;

/**
 * The {@link Marketplace} service against a real framework (Felix with Declarative Services and
 * the SDK) and a repository published with the publishing tool, served over HTTP on loopback.
 */
class MarketplaceServiceTest {

  private static final String GAIN = TestRepository.GAIN;
  private static final String SHAPERS = "org.example.shapers";

  @TempDir
  Path tmp;

  private TestHost host;
  private TestRepository repo;
  private Marketplace market;

  @BeforeEach
  void start() throws Exception {
    host = new TestHost(tmp, tmp.resolve("home"), true);
    repo = new TestRepository(tmp.resolve("repo"), host.context());
    repo.publish(repo.gain("1.0.0"), repo.library(SHAPERS, "1.0.0", "Wave shaping curves for modules."));
    host.market("add-repo", repo.url(), "--key", repo.publicKey().toString(), "--name", "test");
    market = host.marketplace();
  }

  @AfterEach
  void stop() throws Exception {
    repo.close();
    host.close();
  }

  /** Every download report, in order. */
  private record Report(String id, long done, long total) {
  }

  private static final class Recorder implements Progress {
    final List<Report> downloads = Collections.synchronizedList(new ArrayList<>());
    final List<String> steps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void download(String id, String version, long done, long total) {
      downloads.add(new Report(id, done, total));
    }

    @Override
    public void step(String text) {
      steps.add(text);
    }
  }

  @Test
  void searchFindsThePublishedBundlesInTheCachedCatalogue() throws Exception {
    List<Entry> gain = market.search("GAIN");
    assertEquals(List.of(GAIN), gain.stream().map(Entry::id).toList(), "search ignores case: " + gain);
    Entry e = gain.getFirst();
    assertEquals("module", e.kind());
    assertEquals("1.0.0", e.latest());
    assertEquals("test", e.repository());
    assertFalse(e.isInstalled());
    assertFalse(e.expired());
    assertEquals(List.of(SHAPERS), market.search("shaping curves").stream().map(Entry::id).toList());
    assertEquals(List.of(SHAPERS, GAIN).stream().sorted().toList(), market.search(null).stream().map(Entry::id).toList());
    assertTrue(market.search("no such thing anywhere").isEmpty());

    Details d = market.info(GAIN).orElseThrow();
    assertEquals(1, d.versions().size());
    Details.Release r = d.versions().getFirst();
    assertEquals(Keys.fingerprint(Keys.readPublic(repo.publicKey())), r.publisherKey(),
        "the publisher key is the repository's, which signed it");
    assertEquals(Files.size(repo.jar(GAIN, "1.0.0")), r.size());
    assertEquals(List.of(TestRepository.GAIN_MODULE), r.modules());
    assertTrue(d.tags().contains("gain"), d.tags().toString());
    assertEquals("Example Makers", market.info(SHAPERS).orElseThrow().author());
    assertTrue(market.info("org.example.absent").isEmpty());
    assertEquals(1, market.repositories().size());
    assertEquals(2, market.repositories().getFirst().bundles());
  }

  @Test
  void installReportsBytesThatOnlyGrowAndEndAtTheArtifactSize() throws Exception {
    String heavy = "org.example.samples";
    repo.publish(repo.heavyLibrary(heavy, "1.0.0", 900_000));
    Recorder progress = new Recorder();
    Result r = market.install(heavy, null, progress);
    assertTrue(r.ok(), r.message());
    assertEquals("installed " + heavy + " 1.0.0", r.message());
    long size = Files.size(repo.jar(heavy, "1.0.0"));
    List<Report> reports = progress.downloads.stream().filter(p -> p.id().equals(heavy)).toList();
    assertTrue(reports.size() >= 5, "a 900 kB download reports as it goes, " + reports.size() + " reports");
    for (int i = 1; i < reports.size(); i++) {
      assertTrue(reports.get(i).done() > reports.get(i - 1).done(), "bytes only grow: " + reports);
    }
    assertTrue(reports.stream().allMatch(p -> p.total() == size), "total is the catalogue's size, " + size);
    assertEquals(size, reports.getLast().done(), "the last report is the whole artifact");
    assertTrue(progress.steps.contains("resolving"), progress.steps.toString());
    System.out.printf("MarketplaceServiceTest: %d progress reports for %d bytes%n", reports.size(), size);

    Bundle b = host.installed(heavy);
    assertEquals(Bundle.ACTIVE, b.getState());
    assertEquals(List.of(heavy), market.installed().stream().map(i -> i.id()).toList());
    assertEquals("ACTIVE", market.installed().getFirst().state());
  }

  @Test
  void aTamperedArtifactsRefusalComesBackInTheResultAndNothingIsInstalled() throws Exception {
    Path jar = repo.jar(SHAPERS, "1.0.0");
    byte[] bytes = Files.readAllBytes(jar);
    bytes[bytes.length / 2] ^= 0x20;
    Files.write(jar, bytes);
    Result r = market.install(SHAPERS, "1.0.0", new Recorder());
    assertFalse(r.ok());
    assertTrue(r.message().startsWith("market install: refused: " + SHAPERS + " 1.0.0: the downloaded jar's SHA-256"),
        r.message());
    assertTrue(r.message().contains("does not match the catalogue's"), r.message());
    assertTrue(r.message().endsWith("nothing was installed"), r.message());
    assertNull(host.installed(SHAPERS));
    assertTrue(market.installed().isEmpty());
    assertFalse(market.search("shapers").getFirst().isInstalled());
    try (var files = Files.list(host.home().resolve("market"))) {
      assertFalse(files.anyMatch(p -> p.getFileName().toString().equals("store")
          && p.toFile().list().length > 0), "no jar was kept");
    }
  }

  @Test
  void updateRollBackAndRemoveThroughTheService() throws Exception {
    assertTrue(market.install(GAIN, "1.0.0", Progress.NONE).ok());
    assertTrue(TestHost.await(Duration.ofSeconds(10), () -> Lockfile.offered(host.context(), TestRepository.GAIN_MODULE)),
        "the installed module registers its factory");
    repo.publish(repo.gain("1.1.0"));
    assertTrue(market.refresh(Progress.NONE).ok());
    Entry e = market.search("gain").getFirst();
    assertEquals("1.0.0", e.installed());
    assertEquals("1.1.0", e.update());
    assertEquals("1.1.0", market.installed().getFirst().update());

    Result updated = market.update(GAIN, new Recorder());
    assertTrue(updated.ok(), updated.message());
    assertEquals("updated " + GAIN + " 1.1.0", updated.message());
    assertEquals(new Version(1, 1, 0), host.installed(GAIN).getVersion());
    assertEquals("1.0.0", market.info(GAIN).orElseThrow().previous());

    Result back = market.rollback(GAIN);
    assertEquals("rolled back " + GAIN + " from 1.1.0 to 1.0.0", back.message());
    assertEquals(new Version(1, 0, 0), host.installed(GAIN).getVersion());
    assertFalse(market.rollback(GAIN).ok(), "only one step back is kept");

    Result removed = market.remove(GAIN);
    assertTrue(removed.ok(), removed.message());
    assertNull(host.installed(GAIN));
    assertFalse(Lockfile.offered(host.context(), TestRepository.GAIN_MODULE), "its module is gone with it");
    Result again = market.remove(GAIN);
    assertFalse(again.ok());
    assertEquals("market remove: " + GAIN + " is not installed by the marketplace", again.message());
    assertFalse(market.info(GAIN).orElseThrow().pinnedKey().isEmpty(), "the pin stays");
  }
}

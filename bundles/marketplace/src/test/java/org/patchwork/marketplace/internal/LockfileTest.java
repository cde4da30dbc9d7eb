package org.patchwork.marketplace.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;
import org.patchwork.marketplace.Marketplace;
import org.patchwork.marketplace.Missing;
import org.patchwork.marketplace.Progress;
import org.patchwork.marketplace.Result;
import org.patchwork.project.FrameworkModuleLocks;
import org.patchwork.project.LockEntry;
import org.patchwork.sdk.cli.UsageException;

/**
 * "A project that uses a module that is not installed offers to install the exact version from
 * its lockfile": a real framework with Declarative Services, the example gain module published
 * at 1.0.0 and 1.1.0, and projects locking it.
 */
class LockfileTest {

  private static final String GAIN = TestRepository.GAIN;
  private static final String MODULE = TestRepository.GAIN_MODULE;

  @TempDir
  Path tmp;

  private TestHost host;
  private TestRepository repo;
  private Marketplace market;

  @BeforeEach
  void start() throws Exception {
    host = new TestHost(tmp, tmp.resolve("home"), true);
    repo = new TestRepository(tmp.resolve("repo"), host.context());
    repo.publish(repo.gain("1.0.0"));
    repo.publish(repo.gain("1.1.0"));
    host.market("add-repo", repo.url(), "--key", repo.publicKey().toString(), "--name", "test");
    market = host.marketplace();
  }

  @AfterEach
  void stop() throws Exception {
    repo.close();
    host.close();
  }

  /** A format 2 project whose node 'amp' uses the gain module, locked to {@code version}. */
  private Path project(String version, String sha256, String hashOf) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("song-" + version + "-" + hashOf + "-" + sha256.substring(0, 4)));
    Files.writeString(dir.resolve("project.json"), """
        {"formatVersion": 2, "name": "Locked", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "amp", "module": "%s", "params": {}}],
         "samples": [], "automation": [],
         "lockfile": [{"module": "%s", "bundle": "%s", "version": "%s", "sha256": "%s", "hashOf": "%s"}]}
        """.formatted(MODULE, MODULE, GAIN, version, sha256, hashOf));
    return dir;
  }

  private boolean gainOffered() throws InterruptedException {
    return TestHost.await(Duration.ofSeconds(10), () -> Lockfile.offered(host.context(), MODULE));
  }

  @Test
  void theCommandInstallsTheLockedVersionEvenWhenANewerIsPublished() throws Exception {
    Path project = project("1.0.0", repo.sha256(GAIN, "1.0.0"), "jar");
    List<Missing> missing = market.missingFromLockfile(project);
    assertEquals(List.of(new Missing(MODULE, GAIN, "1.0.0", repo.sha256(GAIN, "1.0.0"), true)), missing);

    host.market("install", "--lockfile", project.toString());
    Bundle b = host.installed(GAIN);
    assertEquals(new Version(1, 0, 0), b.getVersion(), "the locked version, not the newest (1.1.0)");
    assertEquals(Bundle.ACTIVE, b.getState());
    assertTrue(gainOffered(), "the module is offered once its bundle runs");
    assertEquals(List.of(), market.missingFromLockfile(project.resolve("project.json")));
    Result again = market.installFromLockfile(project, Progress.NONE);
    assertTrue(again.ok());
    assertEquals("every module " + project.resolve("project.json") + " uses is installed", again.message());
  }

  @Test
  void aDigestThatDiffersFromTheLockfileIsRefusedNamingTheModule() throws Exception {
    Path project = project("1.0.0", "ab".repeat(32), "jar");
    Result r = market.installFromLockfile(project, Progress.NONE);
    assertFalse(r.ok());
    assertTrue(r.message().startsWith("market install: refused: module " + MODULE + ": the lockfile wants " + GAIN
        + " 1.0.0 with SHA-256 abababababababab..., but repository 'test' has " + repo.sha256(GAIN, "1.0.0").substring(0, 16)),
        r.message());
    assertTrue(r.message().contains("not the bundle the project was saved with"), r.message());
    assertTrue(r.message().endsWith("nothing was installed"), r.message());
    var e = assertThrows(UsageException.class, () -> host.market("install", "--lockfile", project.toString()));
    assertEquals(r.message(), e.getMessage(), "the command and the service refuse alike");
    assertNull(host.installed(GAIN));
    assertFalse(market.missingFromLockfile(project).getFirst().offered());
  }

  @Test
  void aVersionNoRepositoryOffersIsRefused() throws Exception {
    Result r = market.installFromLockfile(project("0.9.0", "cd".repeat(32), "jar"), Progress.NONE);
    assertFalse(r.ok());
    assertEquals("market install: refused: module " + MODULE + ": the lockfile wants " + GAIN + " 0.9.0, which no"
        + " repository offers (versions offered: 1.1.0, 1.0.0); nothing was installed", r.message());
    assertNull(host.installed(GAIN));
  }

  /**
   * The marketplace installs bundles from streams, so the project store locks them by their
   * entries: the marketplace computes the same digest from the jar, and checks it after download.
   */
  @Test
  void aLockOfEntriesMatchesTheProjectStoresAndIsCheckedAfterDownload() throws Exception {
    assertTrue(market.install(GAIN, "1.0.0", Progress.NONE).ok());
    assertTrue(gainOffered());
    // As the project store's bundle sees the registry: through a bundle wired to the SDK (the
    // system bundle of this test would see the class path's ModuleFactory, another class).
    List<LockEntry> locks = new FrameworkModuleLocks(host.installed(GAIN).getBundleContext()).lock(List.of(MODULE));
    assertEquals(1, locks.size(), "the project store finds the module's bundle");
    LockEntry lock = locks.getFirst();
    assertEquals(LockEntry.HashSource.ENTRIES, lock.hashOf());
    assertEquals(lock.sha256(), Lockfile.entriesSha256(repo.jar(GAIN, "1.0.0")));
    assertTrue(market.remove(GAIN).ok());

    Result wrong = market.installFromLockfile(project("1.0.0", "ef".repeat(32), "entries"), Progress.NONE);
    assertFalse(wrong.ok());
    assertTrue(wrong.message().contains("module " + MODULE + ": " + GAIN + " 1.0.0 has SHA-256 "
        + lock.sha256().substring(0, 16) + "... (of its entries), but the lockfile wants efefefefefefefef..."),
        wrong.message());
    assertNull(host.installed(GAIN));

    Result right = market.installFromLockfile(project("1.0.0", lock.sha256(), "entries"), Progress.NONE);
    assertTrue(right.ok(), right.message());
    assertEquals(new Version(1, 0, 0), host.installed(GAIN).getVersion());
  }

  @Test
  void aFormatOneProjectHasNoLockSoItsMissingModuleIsNotInstalledByGuess() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("old"));
    Files.writeString(dir.resolve("project.json"), """
        {"formatVersion": 1, "name": "Old", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "amp", "module": "%s", "params": {}}]}
        """.formatted(MODULE));
    assertEquals(List.of(new Missing(MODULE, "", "", "", false)), market.missingFromLockfile(dir));
    Result r = market.installFromLockfile(dir, Progress.NONE);
    assertFalse(r.ok());
    assertEquals("market install: refused: " + dir.resolve("project.json") + " has no lockfile entry for [" + MODULE
        + "]; nothing was installed", r.message());
    Files.writeString(dir.resolve("project.json"), "{\"nodes\": 3");
    var e = assertThrows(IllegalArgumentException.class, () -> market.missingFromLockfile(dir));
    assertTrue(e.getMessage().contains("is not JSON"), e.getMessage());
  }
}

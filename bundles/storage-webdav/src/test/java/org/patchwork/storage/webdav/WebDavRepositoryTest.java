package org.patchwork.storage.webdav;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;

/** The adapter against Apache httpd + mod_dav_fs and rclone, both real servers on loopback. */
class WebDavRepositoryTest {

  static DavServer apache;
  static DavServer rclone;
  static WebDavRepository repo;

  @BeforeAll
  static void start() throws Exception {
    apache = DavServer.apache();
    rclone = DavServer.rclone();
    repo = new WebDavRepository(apache.url("songs/"), Map.of());
  }

  @AfterAll
  static void stop() throws IOException {
    repo.close();
    apache.close();
    rclone.close();
  }

  static byte[] manifest(String name) {
    return ("{\"formatVersion\": 2, \"name\": \"" + name + "\"}\n").getBytes(StandardCharsets.UTF_8);
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void roundTripAndStaleWriters() throws Exception {
    String r1 = repo.save("song", manifest("one"), null);
    StoredProject p = repo.load("song");
    assertArrayEquals(manifest("one"), p.manifest());
    assertEquals(r1, p.revision());
    assertThrows(StaleRevisionException.class, () -> repo.save("song", manifest("again"), null));
    String r2 = repo.save("song", manifest("two"), r1);
    StaleRevisionException stale = assertThrows(StaleRevisionException.class,
        () -> repo.save("song", manifest("late"), r1));
    assertEquals(r2, stale.currentRevision());
    assertArrayEquals(manifest("two"), repo.load("song").manifest());
  }

  @Test
  void ofEightRacingWritersExactlyOneWinsOnApache() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "race" + round;
      String base = repo.save(id, manifest("base"), null);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String name = "writer" + i;
        results.add(pool.submit(() -> {
          go.await();
          try {
            repo.save(id, manifest(name), base);
            return name;
          } catch (StaleRevisionException e) {
            return null;
          }
        }));
      }
      go.countDown();
      List<String> winners = new ArrayList<>();
      for (Future<String> f : results) {
        if (f.get() != null) {
          winners.add(f.get());
        }
      }
      pool.shutdown();
      assertEquals(1, winners.size(), "round " + round + " winners: " + winners);
      assertArrayEquals(manifest(winners.get(0)), repo.load(id).manifest());
    }
  }

  @Test
  void assetsListAndDelete() throws Exception {
    byte[] audio = new byte[50_000];
    new java.util.Random(5).nextBytes(audio);
    String sha = sha(audio);
    assertEquals(Set.of(sha), repo.missingAssets(List.of(sha)));
    repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
    repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
    assertTrue(repo.hasAsset(sha));
    assertEquals(Set.of(), repo.missingAssets(List.of(sha)));
    try (InputStream in = repo.openAsset(sha)) {
      assertArrayEquals(audio, in.readAllBytes());
    }
    String r = repo.save("listed", manifest("l"), null);
    assertTrue(repo.list().stream().map(ProjectSummary::id).toList().contains("listed"));
    assertThrows(StaleRevisionException.class, () -> repo.delete("listed", "999"));
    repo.delete("listed", r);
    assertThrows(NoSuchFileException.class, () -> repo.load("listed"));
    assertFalse(repo.list().stream().map(ProjectSummary::id).toList().contains("listed"));
  }

  @Test
  void apacheHonoursPreconditionsAndRcloneIsDetectedAsIgnoringThem() throws Exception {
    assertTrue(repo.honoursPreconditions());
    try (WebDavRepository onRclone = new WebDavRepository(rclone.url("songs/"), Map.of())) {
      assertFalse(onRclone.honoursPreconditions());
      // Sequential use still works there.
      String r1 = onRclone.save("song", manifest("one"), null);
      String r2 = onRclone.save("song", manifest("two"), r1);
      assertThrows(StaleRevisionException.class, () -> onRclone.save("song", manifest("x"), r1));
      assertArrayEquals(manifest("two"), onRclone.load("song").manifest());
      assertEquals(r2, onRclone.load("song").revision());
    }
  }

  @Test
  void unknownOptionsAndUrlsAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new WebDavRepository(apache.url("x/"), Map.of("user", "me")));
    assertTrue(e.getMessage().contains("user"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new WebDavRepository(java.net.URI.create("ftp://h/x"), Map.of()));
  }
}

package org.patchwork.storage.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;

/** The adapter against a real S3 server (S3Proxy, filesystem backend) on loopback. */
class S3RepositoryTest {

  @TempDir
  static Path dir;
  static S3ProxyServer server;
  static S3Repository repo;

  @BeforeAll
  static void start() throws IOException {
    server = S3ProxyServer.start(dir);
    repo = new S3Repository(S3Settings.parse(URI.create("s3://songs/team/"), server.endpoint(), server.options()));
  }

  @AfterAll
  static void stop() {
    repo.close();
    server.close();
  }

  static byte[] manifest(String name, int notes) {
    StringBuilder b = new StringBuilder("{\"formatVersion\": 2, \"name\": \"" + name + "\", \"notes\": [");
    for (int i = 0; i < notes; i++) {
      b.append(i == 0 ? "" : ",").append("\n  {\"track\": \"bass\", \"key\": 36, \"start\": ").append(i).append('}');
    }
    return b.append("]}\n").toString().getBytes(StandardCharsets.UTF_8);
  }

  static String sha(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }

  @Test
  void manifestRoundTripsAndIsStoredGzipped() throws Exception {
    byte[] m = manifest("round", 400);
    String rev = repo.save("round-trip", m, null);
    StoredProject p = repo.load("round-trip");
    assertArrayEquals(m, p.manifest());
    assertEquals(rev, p.revision());
    Path revs = server.file("songs", "team/projects/round-trip/rev");
    Path only;
    try (var files = Files.list(revs)) {
      only = files.filter(Files::isRegularFile).findFirst().orElseThrow();
    }
    byte[] stored = Files.readAllBytes(only);
    assertEquals(0x1f, stored[0] & 0xff);
    assertEquals(0x8b, stored[1] & 0xff);
    assertTrue(stored.length * 10 < m.length, "gzip: " + stored.length + " bytes for " + m.length);
  }

  @Test
  void createOnlyAndIfMatchRefuseStaleWriters() throws Exception {
    String r1 = repo.save("stale", manifest("a", 1), null);
    StaleRevisionException again = assertThrows(StaleRevisionException.class,
        () -> repo.save("stale", manifest("b", 1), null));
    assertEquals(r1, again.currentRevision());
    String r2 = repo.save("stale", manifest("c", 2), r1);
    assertNotEquals(r1, r2);
    StaleRevisionException old = assertThrows(StaleRevisionException.class,
        () -> repo.save("stale", manifest("d", 3), r1));
    assertEquals(r2, old.currentRevision());
    assertArrayEquals(manifest("c", 2), repo.load("stale").manifest());
  }

  @Test
  void ofEightRacingWritersExactlyOneWins() throws Exception {
    String base = repo.save("race", manifest("base", 1), null);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<String>> results = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      int n = i;
      results.add(pool.submit(() -> {
        go.await();
        try {
          repo.save("race", manifest("writer" + n, n + 2), base);
          return "writer" + n;
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
    assertEquals(1, winners.size(), "winners: " + winners);
    String w = winners.get(0);
    assertArrayEquals(manifest(w, Integer.parseInt(w.substring(6)) + 2), repo.load("race").manifest());
  }

  @Test
  void assetsAreContentAddressedCreateOnlyAndVerified() throws Exception {
    byte[] audio = new byte[100_000];
    new java.util.Random(3).nextBytes(audio);
    String sha = sha(audio);
    assertFalse(repo.hasAsset(sha));
    repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
    repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length); // again: nothing happens
    assertTrue(repo.hasAsset(sha));
    try (InputStream in = repo.openAsset(sha)) {
      assertArrayEquals(audio, in.readAllBytes());
    }
    byte[] other = "not the audio".getBytes(StandardCharsets.UTF_8);
    IOException wrong = assertThrows(IOException.class,
        () -> repo.putAsset(sha(audio.clone()).replace('a', 'b'), new ByteArrayInputStream(other), other.length));
    assertTrue(wrong.getMessage().contains("hash"), wrong.getMessage());
    // Damage the stored object behind the adapter's back: reading it must fail.
    Files.write(server.file("songs", "team/assets/" + sha), other);
    IOException damaged = assertThrows(IOException.class, () -> {
      try (InputStream in = repo.openAsset(sha)) {
        in.readAllBytes();
      }
    });
    assertTrue(damaged.getMessage().contains("damaged"), damaged.getMessage());
  }

  @Test
  void missingAssetsByHeadAndByListing() throws Exception {
    List<String> stored = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      byte[] b = ("sample " + i).getBytes(StandardCharsets.UTF_8);
      all.add(sha(b));
      if (i % 3 == 0) {
        repo.putAsset(sha(b), new ByteArrayInputStream(b), b.length);
        stored.add(sha(b));
      }
    }
    Set<String> missing = repo.missingAssets(all);
    assertEquals(40, missing.size());
    stored.forEach(s -> assertFalse(missing.contains(s)));
    assertEquals(Set.of(all.get(1)), repo.missingAssets(List.of(all.get(0), all.get(1), all.get(3))));
  }

  @Test
  void listAndConditionalDelete() throws Exception {
    String ra = repo.save("list-a", manifest("a", 1), null);
    repo.save("list-b", manifest("b", 1), null);
    List<String> ids = repo.list().stream().map(ProjectSummary::id).toList();
    assertTrue(ids.indexOf("list-a") >= 0 && ids.indexOf("list-a") < ids.indexOf("list-b"), ids.toString());
    ProjectSummary a = repo.list().stream().filter(s -> s.id().equals("list-a")).findFirst().orElseThrow();
    assertEquals(ra, a.revision());
    assertThrows(StaleRevisionException.class, () -> repo.delete("list-a", "\"not-it\""));
    repo.delete("list-a", ra);
    assertThrows(NoSuchFileException.class, () -> repo.load("list-a"));
    assertFalse(repo.list().stream().anyMatch(s -> s.id().equals("list-a")));
    // Created again after the tombstone: revisions go on counting, so old tokens stay stale.
    String again = repo.save("list-a", manifest("a2", 1), null);
    assertTrue(Long.parseLong(again) > Long.parseLong(ra));
    assertThrows(StaleRevisionException.class, () -> repo.save("list-a", manifest("x", 1), ra));
  }

  @Test
  void deleteLeavesOnlyATombstone() throws Exception {
    String rev = repo.save("gone", manifest("v", 1), null);
    for (int i = 0; i < 5; i++) {
      rev = repo.save("gone", manifest("v" + i, 1), rev);
    }
    repo.delete("gone", rev);
    try (var files = Files.list(server.file("songs", "team/projects/gone/rev"))) {
      List<Path> left = files.filter(f -> !f.getFileName().toString().startsWith(".")).toList();
      assertEquals(1, left.size(), "left: " + left);
      assertEquals(0, Files.size(left.get(0)), "the tombstone is empty");
    }
  }

  @Test
  void aWriterFromACollectedRevisionIsStale() throws Exception {
    String first = repo.save("old-writer", manifest("v0", 1), null);
    String last = first;
    for (int i = 1; i <= S3Repository.KEEP + 3; i++) {
      last = repo.save("old-writer", manifest("v" + i, 1), last);
    }
    StaleRevisionException e = assertThrows(StaleRevisionException.class,
        () -> repo.save("old-writer", manifest("late", 1), "1"));
    assertEquals(last, e.currentRevision());
    assertArrayEquals(manifest("v" + (S3Repository.KEEP + 3), 1), repo.load("old-writer").manifest());
    try (var files = Files.list(server.file("songs", "team/projects/old-writer/rev"))) {
      long kept = files.filter(f -> !f.getFileName().toString().startsWith(".")).count();
      // Our write of revision 2 was a ghost below the head: it stays, invisible.
      assertTrue(kept <= S3Repository.KEEP + 1, "revisions kept: " + kept);
    }
  }

  @Test
  void s3proxyHonoursPreconditions() throws Exception {
    assertTrue(repo.honoursPreconditions());
  }

  @Test
  void badIdsAndSettingsAreRefusedWithTheRule() {
    IllegalArgumentException id = assertThrows(IllegalArgumentException.class, () -> repo.load("../etc"));
    assertTrue(id.getMessage().contains("project id"), id.getMessage());
    IllegalArgumentException opt = assertThrows(IllegalArgumentException.class,
        () -> S3Settings.parse(URI.create("s3://songs"), null, Map.of("acessKey", "x")));
    assertTrue(opt.getMessage().contains("acessKey"), opt.getMessage());
    assertThrows(IllegalArgumentException.class, () -> S3Settings.parse(URI.create("http://songs"), null, Map.of()));
    assertEquals("a/b/", S3Settings.parse(URI.create("s3://songs/a/b"), null, Map.of()).prefix());
    assertThrows(IllegalArgumentException.class,
        () -> S3Settings.parse(URI.create("s3://songs"), null, Map.of("accessKey", "only")));
  }
}

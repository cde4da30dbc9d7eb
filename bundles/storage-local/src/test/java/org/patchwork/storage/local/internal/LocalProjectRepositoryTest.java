package org.patchwork.storage.local.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.project.ProjectFormat;
import org.patchwork.project.ProjectFormatException;
import org.patchwork.project.ProjectModel;
import org.patchwork.project.Sample;
import org.patchwork.sdk.project.ProjectSummary;
import org.patchwork.sdk.project.StaleRevisionException;
import org.patchwork.sdk.project.StoredProject;

/** Optimistic concurrency, atomic saves, content-addressed assets, ids that cannot escape. */
class LocalProjectRepositoryTest {

  @TempDir
  Path root;

  private static byte[] project(String name) {
    return ProjectFormat.write(ProjectModel.empty(name));
  }

  @Test
  void saveLoadListAndTheRevisionIsTheHashOfTheManifest() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    byte[] v1 = project("one");
    String r1 = repo.save("song", v1, null);
    assertEquals(sha256(v1), r1);
    StoredProject loaded = repo.load("song");
    assertArrayEquals(v1, loaded.manifest());
    assertEquals(r1, loaded.revision());
    String r2 = repo.save("song", project("two"), r1);
    assertEquals(List.of("song"), repo.list().stream().map(ProjectSummary::id).toList());
    assertEquals(r2, repo.list().getFirst().revision());
    assertArrayEquals(v1, Files.readAllBytes(root.resolve("song/project.json.bak")), "the previous version is kept");
    assertThrows(NoSuchFileException.class, () -> repo.load("nothing"));
  }

  @Test
  void aStaleRevisionIsRefusedAndChangesNothing() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    String r1 = repo.save("song", project("one"), null);
    String r2 = repo.save("song", project("two"), r1);
    StaleRevisionException e = assertThrows(StaleRevisionException.class, () -> repo.save("song", project("three"), r1));
    assertEquals(r2, e.currentRevision());
    assertThrows(StaleRevisionException.class, () -> repo.save("song", project("again"), null),
        "null means only if the project does not exist yet");
    assertEquals(r2, repo.load("song").revision());
    assertThrows(StaleRevisionException.class, () -> repo.delete("song", r1));
    repo.delete("song", r2);
    assertTrue(repo.list().isEmpty());
    try (var trash = Files.list(root.resolve(".trash"))) {
      assertEquals(1, trash.count(), "a deleted project is moved aside, not erased");
    }
  }

  @Test
  void ofManyConcurrentSavesFromOneRevisionExactlyOneWins() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    String base = repo.save("song", project("base"), null);
    int writers = 8;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new java.util.ArrayList<>();
    for (int i = 0; i < writers; i++) {
      byte[] mine = project("writer " + i);
      results.add(pool.submit(() -> {
        go.await();
        try {
          repo.save("song", mine, base);
          return true;
        } catch (StaleRevisionException lost) {
          return false;
        }
      }));
    }
    go.countDown();
    int won = 0;
    for (Future<Boolean> f : results) {
      won += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertEquals(1, won);
  }

  @Test
  void assetsAreStoredOnceAndCheckedOnTheWayInAndOut() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    byte[] audio = "not really audio, but bytes".getBytes();
    String sha = sha256(audio);
    assertFalse(repo.hasAsset(sha));
    assertThrows(IOException.class, () -> repo.putAsset(sha, new ByteArrayInputStream("other".getBytes()), 5));
    assertFalse(repo.hasAsset(sha), "a wrong upload leaves nothing");
    assertThrows(IOException.class, () -> repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length + 1));
    assertFalse(repo.hasAsset(sha));
    repo.putAsset(sha, new ByteArrayInputStream(audio), audio.length);
    assertTrue(repo.hasAsset(sha));
    try (InputStream in = repo.openAsset(sha)) {
      assertArrayEquals(audio, in.readAllBytes());
    }
    Files.write(root.resolve("assets").resolve(sha), "tampered".getBytes());
    IOException e = assertThrows(IOException.class, () -> {
      try (InputStream in = repo.openAsset(sha)) {
        in.readAllBytes();
      }
    });
    assertTrue(e.getMessage().startsWith("asset " + sha + " is damaged"), e.getMessage());
  }

  @Test
  void aManifestMustBeAProjectWhoseAssetsAreStored() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    ProjectFormatException e = assertThrows(ProjectFormatException.class,
        () -> repo.save("song", "{\"formatVersion\": 9}".getBytes(), null));
    assertTrue(e.getMessage().contains("format version 9 is newer"), e.getMessage());
    Sample s = new Sample("kick", "a".repeat(64), "kick.wav", "wav", 1, 48000, 10, 60, 0, null);
    byte[] withSample = ProjectFormat.write(ProjectModel.empty("x").withSamples(List.of(s)));
    assertThrows(NoSuchFileException.class, () -> repo.save("song", withSample, null));
    assertNull(repo.list().isEmpty() ? null : "saved");
  }

  @Test
  void idsCannotLeaveTheFolder() throws Exception {
    LocalProjectRepository repo = new LocalProjectRepository(root);
    for (String bad : new String[] {"../x", "a/b", "a\\b", ".hidden", "", "assets", "x.", "C:x"}) {
      assertThrows(IllegalArgumentException.class, () -> repo.save(bad, project("x"), null), bad);
    }
  }

  private static String sha256(byte[] b) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
  }
}

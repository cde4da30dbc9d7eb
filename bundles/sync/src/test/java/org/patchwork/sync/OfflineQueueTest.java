package org.patchwork.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.sync.internal.LocalProject;
import org.patchwork.sdk.project.Assets;

/**
 * Offline first: the server is killed in the middle of a push's sample uploads; the push is
 * queued, the queue survives a restart of the client, retries back off while the server is
 * down, and goes out when it is back. At no moment does the remote hold a manifest naming a
 * sample it lacks.
 */
class OfflineQueueTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Servers servers;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    servers = Servers.shared();
  }

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void backoffGrowsExponentiallyWithJitterUpToTheCap() {
    SyncQueue q = new SyncQueue(dir, Clock.systemUTC(), new Random(1), Duration.ofSeconds(2), Duration.ofMinutes(10));
    for (int attempt = 1; attempt <= 12; attempt++) {
      long d = Math.min(600_000, 2000L << (attempt - 1));
      for (int i = 0; i < 50; i++) {
        long got = q.backoff(attempt).toMillis();
        assertTrue(got >= d / 2 && got <= d, "attempt " + attempt + ": " + got + " ms outside [" + d / 2 + ", " + d + "]");
      }
    }
    RandomGenerator r = new Random(7);
    SyncQueue other = new SyncQueue(dir, Clock.systemUTC(), r, Duration.ofSeconds(2), Duration.ofMinutes(10));
    assertTrue(other.backoff(5).toMillis() != other.backoff(5).toMillis() || other.backoff(5).toMillis()
        != other.backoff(5).toMillis(), "jitter");
  }

  @Test
  void serverKilledMidUploadThenQueueResumesAfterClientRestart() throws Exception {
    Remote remote = servers.remote("s3", "studio", "offline");
    Path home = dir.resolve("home");
    Path project = Files.createDirectories(dir.resolve("songs").resolve("offline-song"));
    ObjectNode p = JSON.createObjectNode();
    p.put("formatVersion", 2).put("name", "Offline").put("sampleRate", 48000).put("tempo", 100);
    p.putArray("nodes");
    Random random = new Random(42);
    for (int i = 0; i < 24; i++) {
      byte[] audio = new byte[200_000];
      random.nextBytes(audio);
      String sha = Assets.sha256Hex(audio);
      Files.createDirectories(project.resolve("assets"));
      Files.write(project.resolve("assets").resolve(sha), audio);
      p.withArray("samples").addObject().put("id", "s" + i).put("sha256", sha).put("originalName", "s" + i + ".wav")
          .put("format", "wav").put("channels", 1).put("sampleRate", 48000).put("frames", 100_000).put("rootKey", 60);
    }
    LocalProject.writeAtomically(project.resolve("project.json"), SyncEngine.bytes(p));
    ManualClock clock = new ManualClock();
    SyncQueue queue = new SyncQueue(home, clock, new Random(3), Duration.ofSeconds(2), Duration.ofMinutes(10));

    // Kill the server once a third of the samples' bytes have gone out.
    AtomicBoolean killed = new AtomicBoolean();
    SyncListener killer = (phase, done, total) -> {
      if (total > 0 && done > total / 3 && killed.compareAndSet(false, true)) {
        servers.s3.stop();
      }
    };
    IOException failed;
    try (RemoteStore store = Connectors.open(remote)) {
      failed = assertThrows(IOException.class,
          () -> new SyncEngine(store, "studio", clock).sync(project, SyncEngine.Mode.PUSH, killer));
    }
    assertTrue(killed.get());
    queue.add(project, "studio", failed.getMessage());

    // While the server is down, attempts fail and the delays grow.
    SyncQueue.Opener opener = name -> Connectors.open(remote);
    Instant before = clock.now;
    List<Duration> delays = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      clock.now = queue.all().get(0).next();
      List<SyncQueue.Attempt> attempts = queue.runDue(opener, SyncListener.NONE);
      assertEquals(1, attempts.size());
      assertNotNull(attempts.get(0).error());
      SyncQueue.Entry e = queue.all().get(0);
      assertEquals(i + 1, e.attempts());
      delays.add(Duration.between(clock.now, e.next()));
    }
    assertTrue(delays.get(1).compareTo(delays.get(0)) > 0 && delays.get(2).compareTo(delays.get(1)) > 0,
        "delays grow: " + delays + " since " + before);

    // Partial uploads are there, the manifest is not: no manifest names a missing sample.
    servers.s3.start();
    try (RemoteStore store = Connectors.open(remote)) {
      assertThrows(NoSuchFileException.class, () -> store.repository().load("offline-song"));
      Set<String> missing = store.missingAssets(LocalProject.referencedAssets(p));
      assertTrue(!missing.isEmpty() && missing.size() < 24, "some samples made it before the kill: " + missing.size());
    }

    // The client restarts: a new queue object reads the journal from disk and, when its time
    // comes, pushes; only the missing samples are sent.
    SyncQueue restarted = new SyncQueue(home, clock, new Random(4), Duration.ofSeconds(2), Duration.ofMinutes(10));
    assertEquals(1, restarted.all().size());
    clock.now = restarted.all().get(0).next().minusMillis(1);
    assertEquals(List.of(), restarted.runDue(opener, SyncListener.NONE), "not yet due");
    clock.now = clock.now.plusMillis(1);
    List<SyncQueue.Attempt> done = restarted.runDue(opener, SyncListener.NONE);
    assertEquals(1, done.size());
    assertNull(done.get(0).error(), () -> String.valueOf(done.get(0).error()));
    assertTrue(done.get(0).result().pushed());
    assertTrue(done.get(0).result().uploaded() < 24, "resumed: " + done.get(0).result().uploaded() + " sent");
    assertEquals(List.of(), restarted.all());
    try (RemoteStore store = Connectors.open(remote)) {
      StoredProject stored = store.repository().load("offline-song");
      JsonNode tree = JSON.readTree(stored.manifest());
      assertTrue(JsonMerge.same(p, tree));
      assertEquals(Set.of(), store.missingAssets(LocalProject.referencedAssets(tree)));
    }
  }
}

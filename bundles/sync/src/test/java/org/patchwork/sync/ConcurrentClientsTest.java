package org.patchwork.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.project.StoredProject;
import org.patchwork.sync.internal.LocalProject;
import org.patchwork.sdk.project.Assets;

/**
 * Several clients edit one project at once through a real server, each round making an edit of
 * its own (a module parameter and a pattern cell nobody else touches, now and then a sample)
 * and, every few rounds, an edit everyone makes (the master gain), then syncing. No update may
 * be lost: every client's own edits are in the final project, and every master gain a client
 * pushed is the final one, or is reported in a conflict, or was overwritten by a client that
 * had it in front of it. The remote never names a sample it does not hold, and every client ends
 * with the same project and all its samples.
 */
class ConcurrentClientsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static Servers servers;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() throws Exception {
    servers = Servers.shared();
  }

  @ParameterizedTest(name = "{1} clients x {2} rounds on {0}")
  @CsvSource({"s3, 2, 150", "s3, 5, 60", "apache, 2, 150", "apache, 5, 60"})
  void noLostUpdates(String server, int clients, int rounds) throws Exception {
    String id = "song-" + server + "-" + clients;
    Remote remote = servers.remote(server, "studio", "c" + clients);
    List<Path> folders = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      folders.add(Files.createDirectories(dir.resolve("client" + k).resolve(id)));
    }
    LocalProject.writeAtomically(folders.get(0).resolve("project.json"), SyncEngine.bytes(initial(clients, folders.get(0))));
    try (RemoteStore store = Connectors.open(remote)) {
      assertTrue(store.safeForConcurrentWriters(), server + " must enforce conditional writes");
      new SyncEngine(store, "studio").sync(folders.get(0), SyncEngine.Mode.PUSH, SyncListener.NONE);
    }
    Set<Double> pushedGains = ConcurrentHashMap.newKeySet();
    Set<Double> knowinglyReplaced = ConcurrentHashMap.newKeySet();
    Set<Double> reported = ConcurrentHashMap.newKeySet();
    AtomicInteger conflicts = new AtomicInteger();
    AtomicInteger retries = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int k = 0; k < clients; k++) {
      int client = k;
      running.add(pool.submit(() -> {
        Path folder = folders.get(client);
        try (RemoteStore store = Connectors.open(remote)) {
          SyncEngine engine = new SyncEngine(store, "studio");
          engine.sync(folder, SyncEngine.Mode.PULL, SyncListener.NONE);
          for (int round = 0; round < rounds; round++) {
            ObjectNode p = (ObjectNode) JSON.readTree(Files.readAllBytes(folder.resolve("project.json")));
            node(p, "node" + client).with("params").put("r" + round, round);
            ArrayNode lines = (ArrayNode) p.at("/song/patterns/0/tracks/" + client);
            lines.addObject().put("line", round).putArray("notes").addObject().put("note", 36 + client);
            Double gain = null;
            if (round % 5 == client % 5) {
              knowinglyReplaced.add(p.at("/master/gainDb").asDouble());
              gain = -(client * 1000 + round) / 100.0;
              p.with("master").put("gainDb", gain);
            }
            if (round % 40 == 7) {
              addSample(folder, p, "s" + client + "-" + round);
            }
            LocalProject.writeAtomically(folder.resolve("project.json"), SyncEngine.bytes(p));
            SyncResult r = engine.sync(folder, SyncEngine.Mode.BOTH, SyncListener.NONE);
            retries.addAndGet(r.attempts() - 1);
            for (Conflict c : r.conflicts()) {
              conflicts.incrementAndGet();
              assertTrue(Files.exists(r.snapshot()), "snapshot " + r.snapshot());
              if (c.path().equals("$.master.gainDb")) {
                reported.add(c.ours().asDouble());
                reported.add(c.theirs().asDouble());
              }
            }
            if (r.pushed() && gain != null) {
              JsonNode now = JSON.readTree(Files.readAllBytes(folder.resolve("project.json")));
              pushedGains.add(now.at("/master/gainDb").asDouble());
            }
          }
        }
        return null;
      }));
    }
    for (Future<?> f : running) {
      f.get();
    }
    pool.shutdown();
    // Everyone syncs twice more, in turn: all converge on one project.
    StoredProject fin;
    try (RemoteStore store = Connectors.open(remote)) {
      for (int pass = 0; pass < 2; pass++) {
        for (Path folder : folders) {
          new SyncEngine(store, "studio").sync(folder, SyncEngine.Mode.BOTH, SyncListener.NONE);
        }
      }
      fin = store.repository().load(id);
      JsonNode last = JSON.readTree(fin.manifest());
      for (int k = 0; k < clients; k++) {
        JsonNode params = node((ObjectNode) last, "node" + k).get("params");
        JsonNode lines = last.at("/song/patterns/0/tracks/" + k);
        for (int round = 0; round < rounds; round++) {
          assertEquals(round, params.path("r" + round).asInt(-1), "client " + k + " round " + round + " parameter lost");
          assertEquals(round, lines.get(round).get("line").asInt(), "client " + k + " round " + round + " cell lost");
        }
        assertTrue(JsonMerge.same(last, JSON.readTree(Files.readAllBytes(folders.get(k).resolve("project.json")))),
            "client " + k + " did not converge");
        for (String sha : LocalProject.referencedAssets(last)) {
          assertTrue(Files.isRegularFile(folders.get(k).resolve("assets").resolve(sha)), "client " + k + " lacks " + sha);
        }
      }
      Set<String> samples = LocalProject.referencedAssets(last);
      assertEquals(clients * ((rounds - 8) / 40 + 1) + 1, samples.size(), "samples in the final project");
      assertEquals(Set.of(), store.missingAssets(samples), "the remote names samples it does not hold");
      double finalGain = last.at("/master/gainDb").asDouble();
      for (double g : pushedGains) {
        assertTrue(g == finalGain || reported.contains(g) || knowinglyReplaced.contains(g),
            "master gain " + g + " was pushed, then lost without a conflict");
      }
    }
    System.out.printf("%s, %d clients x %d rounds: final revision %s, %d conflicts reported, %d save retries%n",
        server, clients, rounds, fin.revision(), conflicts.get(), retries.get());
  }

  static ObjectNode node(ObjectNode project, String id) {
    for (JsonNode n : project.get("nodes")) {
      if (n.get("id").asText().equals(id)) {
        return (ObjectNode) n;
      }
    }
    throw new AssertionError("no node " + id);
  }

  static void addSample(Path folder, ObjectNode project, String id) throws Exception {
    byte[] audio = ("RIFF" + id + "WAVEdata").repeat(200).getBytes();
    String sha = Assets.sha256Hex(audio);
    Files.createDirectories(folder.resolve("assets"));
    Files.write(folder.resolve("assets").resolve(sha), audio);
    ObjectNode s = project.withArray("samples").addObject();
    s.put("id", id).put("sha256", sha).put("originalName", id + ".wav").put("format", "wav").put("channels", 1)
        .put("sampleRate", 48000).put("frames", audio.length / 2).put("rootKey", 60);
  }

  static ObjectNode initial(int clients, Path folder0) throws Exception {
    ObjectNode p = JSON.createObjectNode();
    p.put("formatVersion", 2).put("name", "Band song").put("sampleRate", 48000).put("tempo", 120);
    ArrayNode nodes = p.putArray("nodes");
    for (int k = 0; k < clients; k++) {
      nodes.addObject().put("id", "node" + k).put("module", "org.patchwork.dsp.subtractive").putObject("params");
    }
    p.putObject("master").put("gainDb", 0.0).putArray("chain");
    ObjectNode pattern = p.putObject("song").putArray("patterns").addObject();
    pattern.put("length", 1024);
    ArrayNode tracks = pattern.putArray("tracks");
    for (int k = 0; k < clients; k++) {
      tracks.addArray();
    }
    p.putArray("samples");
    addSample(folder0, p, "seed");
    return p;
  }
}

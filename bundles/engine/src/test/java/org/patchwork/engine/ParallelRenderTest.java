package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.bus.EngineRing;

/**
 * Independent tracks render on several threads inside each block, and the file is the same,
 * byte for byte, as the single-threaded render with the same block size.
 */
class ParallelRenderTest {

  private static final ModuleRegistry MODULES = TestModules.registry();

  @TempDir
  Path dir;

  /**
   * Eight sine tracks of chords, two of them sending to a bus with a gain in its chain, and one
   * track whose effect also takes another track's instrument through a cable (so it cannot run
   * on its own and stays on the audio thread).
   */
  static Project mixed(int beats) {
    List<Node> nodes = new ArrayList<>();
    List<Track> tracks = new ArrayList<>();
    List<Note> notes = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      nodes.add(new Node("sine" + t, TestModules.SINE, Map.of("gain", 0.02)));
      nodes.add(new Node("amp" + t, TestModules.GAIN, Map.of("gain", -1.0 - t)));
      Track track = Track.of("t" + t, "sine" + t, "amp" + t).withPan(t / 3.5 - 1);
      tracks.add(t < 2 ? track.withSends(new Send("fx", -6)) : track);
      for (int beat = 0; beat < beats; beat++) {
        for (int v = 0; v < 6; v++) {
          notes.add(new Note("t" + t, 40 + t * 4 + v * 3 + beat % 5, 0.7, beat * 0.5, 0.4,
              v == 0 ? 0 : 7.5 * v));
        }
      }
    }
    nodes.add(new Node("room", TestModules.GAIN, Map.of("gain", -3.0)));
    Graph g = new Graph(nodes, List.of(new Connection("sine0.out", "amp7.in")), tracks,
        List.of(new Bus("fx", List.of("room"), 0)), Master.DEFAULT);
    return new Project("mixed", 48_000, 120, g, notes);
  }

  private String render(Project p, int block, int threads) throws IOException {
    Path file = dir.resolve("out-" + block + "-" + threads + ".wav");
    RenderResult r = new OfflineRenderer(MODULES).render(p,
        new RenderSettings(0, block, 0, WavFormat.FLOAT_32, threads), file, null);
    assertEquals(0, r.faults());
    assertTrue(r.peak() > 0.01, "it sounds, peak " + r.peak());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {256, 100, 1})
  void twoAndThreeThreadsGiveTheSameBytesAsOne(int block) throws IOException {
    Project p = mixed(block == 1 ? 2 : 8);
    String one = render(p, block, 1);
    assertEquals(one, render(p, block, 2), "SHA-256 of the 2-thread render, block " + block);
    assertEquals(one, render(p, block, 3), "SHA-256 of the 3-thread render, block " + block);
  }

  @Test
  void tracksThatTakeNoSignalFromOutsideFormGroupsAndTheRestStaysSerial() {
    Project p = mixed(1);
    try (Plan plan = Plan.compile(p.graph(), MODULES, 48_000, 256)) {
      // t7 takes sine0 through a cable: seven groups.
      assertEquals(7, plan.compiled().groups());
    }
  }

  @Test
  void anEngineWithSeveralThreadsStartsHelpersAndStopsThem() {
    java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
    Engine engine = new Engine(48_000, 64, new EngineRing(64), null, 2);
    assertEquals(2, engine.threads());
    List<Thread> helpers = Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("patchwork-engine-") && !before.contains(t)).toList();
    assertTrue(!helpers.isEmpty(), "a helper thread runs");
    engine.close();
    for (Thread t : helpers) {
      assertTrue(!t.isAlive(), "stopped: " + t);
    }
    assertEquals(1, new Engine(48_000, 64, new EngineRing(64), null).threads());
  }

  @Test
  void notesWithCentsAreTunedAndStillTheSameOnTwoThreads() throws IOException {
    Project p = mixed(2);
    List<Note> plain = p.notes().stream().map(n -> new Note(n.track(), n.key(), n.velocity(), n.start(), n.length()))
        .toList();
    Project untuned = new Project(p.name(), p.sampleRate(), p.tempo(), p.graph(), plain);
    // The sine ignores expressions, so tuning changes nothing here; the events still flow.
    assertEquals(render(untuned, 128, 1), render(p, 128, 2));
    assertNotEquals(0, p.notes().stream().filter(n -> n.cents() != 0).count());
  }
}

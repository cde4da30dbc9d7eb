package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.sdk.testkit.Signals;

class OfflineRendererTest {

  private static final ModuleRegistry MODULES = TestModules.registry();
  private final OfflineRenderer renderer = new OfflineRenderer(MODULES);

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }

  /** One A4 on a sine track panned hard left, at beat 0.5 (frame 12000 at 120 bpm, 48 kHz). */
  private static Project oneNote(List<String> chain, List<Node> extra) {
    List<Node> nodes = new ArrayList<>(List.of(new Node("s", TestModules.SINE)));
    nodes.addAll(extra);
    Graph g = Graph.of(nodes, List.of(), List.of(new Track("t", chain, 0, -1, false, false, List.of())));
    return new Project("one note", 48_000, 120, g, List.of(new Note("t", 69, 1, 0.5, 1)));
  }

  @Test
  void renderingTwiceGivesTheSameBytes(@TempDir Path dir) throws Exception {
    Project demo = ProjectLoader.load(ProjectLoaderTest.demo(), MODULES);
    for (WavFormat format : WavFormat.values()) {
      RenderSettings settings = new RenderSettings(0, 256, 0, format);
      RenderResult first = renderer.render(demo, settings, dir.resolve("1-" + format + ".wav"), null);
      RenderResult second = renderer.render(demo, settings, dir.resolve("2-" + format + ".wav"), null);
      assertEquals(sha256(first.file()), sha256(second.file()), format + " renders are byte-identical");
      assertEquals(4 * 24_000 + 2 * 48_000, first.frames(), "four beats plus the two-second tail");
      assertTrue(first.peak() > 0.1 && first.peak() < 1, "a real, unclipped render: peak " + first.peak());
      assertEquals(0, first.faults());
    }
    assertNotEquals(sha256(dir.resolve("1-PCM_16.wav")), sha256(dir.resolve("1-PCM_24.wav")));
  }

  @Test
  void aNoteStartsAtItsFrameAndTheBlockSizeChangesNoByte(@TempDir Path dir) throws Exception {
    Project p = oneNote(List.of("s"), List.of());
    String reference = null;
    for (int block : new int[] {1, 64, 100, 512}) {
      Path file = dir.resolve("b" + block + ".wav");
      renderer.render(p, new RenderSettings(48_000, block, 1, WavFormat.FLOAT_32), file, null);
      float[] left = Wav.read(file).floats(0);
      assertEquals(12_001, Signals.onset(left, 0), "block " + block + ": silent through frame 12000 (sin 0), sound at 12001");
      double hz = Signals.peakFrequency(java.util.Arrays.copyOfRange(left, 14_400, 48_000), 48_000);
      assertEquals(440, hz, 0.5);
      String sha = sha256(file);
      if (reference == null) {
        reference = sha;
      } else {
        assertEquals(reference, sha, "block " + block + " gives the same file as block 1");
      }
    }
  }

  @Test
  void theFileIsLatencyCompensated(@TempDir Path dir) throws Exception {
    Project p = oneNote(List.of("s", "late"), List.of(new Node("late", TestModules.DELAY)));
    Path file = dir.resolve("late.wav");
    renderer.render(p, new RenderSettings(0, 64, 1, WavFormat.FLOAT_32), file, null);
    assertEquals(12_001, Signals.onset(Wav.read(file).floats(0), 0), "the delay's 100 frames are taken out");
  }

  @Test
  void progressRisesToOne(@TempDir Path dir) throws IOException {
    List<Double> seen = new ArrayList<>();
    renderer.render(oneNote(List.of("s"), List.of()), new RenderSettings(0, 64, 2, WavFormat.PCM_16),
        dir.resolve("p.wav"), seen::add);
    assertEquals(0.0, seen.get(0));
    assertEquals(1.0, seen.get(seen.size() - 1));
    for (int i = 1; i < seen.size(); i++) {
      assertTrue(seen.get(i) > seen.get(i - 1), "rising: " + seen);
    }
    assertTrue(seen.size() >= 50 && seen.size() <= 101, "about a hundred reports, got " + seen.size());
  }

  @Test
  void aFailedRenderLeavesNothingBehind(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("song.wav");
    Files.writeString(target, "previous render");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> renderer.render(oneNote(List.of("s"), List.of()), new RenderSettings(0, 64, 2, WavFormat.PCM_24), target,
            f -> {
              if (f > 0.5) {
                throw new IllegalStateException("cancelled");
              }
            }));
    assertEquals("cancelled", e.getMessage());
    assertEquals("previous render", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void badSettingsNameTheRule() {
    assertEquals("blockSize must be within 1..8192: 0", assertThrows(IllegalArgumentException.class,
        () -> new RenderSettings(0, 0, 0, WavFormat.PCM_16)).getMessage());
    assertEquals("sampleRate must be 0 (the project's) or within 8000..384000 Hz: 100.0",
        assertThrows(IllegalArgumentException.class, () -> new RenderSettings(100, 64, 0, WavFormat.PCM_16)).getMessage());
  }

  @Test
  void theSampleRateOfTheSettingsWins(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("44k.wav");
    RenderResult r = renderer.render(oneNote(List.of("s"), List.of()),
        new RenderSettings(44_100, 128, 1, WavFormat.FLOAT_32), file, null);
    Wav wav = Wav.read(file);
    assertEquals(44_100, wav.sampleRate());
    assertEquals(44_100, r.frames());
    assertEquals(11_026, Signals.onset(wav.floats(0), 0), "beat 0.5 is frame 11025 at 44.1 kHz");
    assertEquals(0, Signals.peak(wav.floats(1)), "panned hard left");
  }
}

package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code patchwork render} of the demo song (a tracker song): reproducible bytes, music by
 * listening-proxy measurements ({@link Listening}), and clean refusals.
 */
class RenderIT {

  static final Path DEMO = HostProcess.DIST.resolve("demo/demo-song");
  static final double BAR_SECONDS = 4 * 60.0 / 118;

  @TempDir
  Path home;
  @TempDir
  Path work;

  @Test
  void theDemoRendersToTheSameBytesTwiceAndIsMusic() throws Exception {
    Path a = work.resolve("a.wav");
    Path b = work.resolve("b.wav");
    HostProcess.Result first = HostProcess.run(home, "render", DEMO.toString(), "--out", a.toString());
    assertEquals(0, first.status(), first.err());
    assertTrue(first.out().startsWith("rendered " + a), first.out());
    HostProcess.Result second = HostProcess.run(home, "render", DEMO.resolve("project.json").toString(),
        "--out", b.toString());
    assertEquals(0, second.status(), second.err());
    assertEquals(sha256(a), sha256(b), "same project, same settings: same bytes");

    Wave wave = Wave.read(a);
    assertEquals(48_000, wave.sampleRate());
    assertEquals(2, wave.channels());
    // 36 bars at 118 bpm (73.2 s) and the 2 s tail.
    assertTrue(wave.seconds() > 60 && wave.seconds() < 122, "60 to 120 s of song: " + wave.seconds() + " s");
    // Music, not a tone: the bass changes pitch from bar to bar and every section is audible.
    List<Double> bassPitches = new java.util.ArrayList<>();
    for (int bar = 0; bar < 4; bar++) {
      float[] slice = wave.mono((bar + 0.05) * BAR_SECONDS, (bar + 0.45) * BAR_SECONDS);
      assertTrue(org.patchwork.sdk.testkit.Signals.rms(slice, 0, slice.length) > 0.01, "bar " + bar + " is audible");
      bassPitches.add(org.patchwork.sdk.testkit.Signals.peakFrequency(lowpassed(slice), 48_000));
    }
    assertEquals(4, bassPitches.stream().map(f -> Math.round(12 * Math.log(f / 55.0) / Math.log(2))).distinct().count(),
        "four different bass notes in the first four bars (A, F, C, G): " + bassPitches);
    Listening.Report music = Listening.measure(wave, 118, 4, 0.16);
    System.out.println("RenderIT: the demo, " + music);
    // Rhythm: many onsets, and most of them on the song's swung sixteenth-note grid.
    assertTrue(music.onsets() > 200, music.toString());
    assertTrue(music.onGrid() > 0.8, music.toString());
    // Spectrum: bass, low mids, mids, presence and air all carry sound, none more than 30 dB
    // below the loudest band.
    for (double db : music.bandsDb()) {
      assertTrue(db > -30, music.toString());
    }
    // Dynamics: the breakdown is quieter than the groove, and nothing clips.
    assertTrue(music.peakDb() <= 0, music.toString());
    assertTrue(music.sectionRmsDb()[4] < music.sectionRmsDb()[3] - 3, "the breakdown is a breakdown: " + music);
  }

  @Test
  void theDemoIsATrackerSongWithAGrooveEffectCommandsAndAutomation() throws Exception {
    JsonNode song = new ObjectMapper().readTree(DEMO.resolve("project.json").toFile()).get("song");
    assertTrue(song.get("groove").size() > 1 && song.get("groove").get(1).asDouble() > 0, "swing");
    assertTrue(song.get("automation").size() >= 1, "automation envelopes");
    java.util.Set<Character> commands = new java.util.TreeSet<>();
    for (JsonNode pattern : song.get("patterns")) {
      for (JsonNode track : pattern.get("tracks")) {
        for (JsonNode line : track) {
          for (JsonNode fx : line.path("effects")) {
            if (fx.isTextual()) {
              commands.add(fx.asText().charAt(0));
            }
          }
        }
      }
    }
    // Arpeggio, portamento up, down and to a note, vibrato, volume slide, set and slide a
    // parameter, retrigger, note delay.
    for (char c : "01234AMNQY".toCharArray()) {
      assertTrue(commands.contains(c), "command " + c + " in " + commands);
    }
  }

  /** A crude 200 Hz low-pass so the bass fundamental dominates the spectrum. */
  private static float[] lowpassed(float[] x) {
    float[] y = new float[x.length];
    double a = Math.exp(-2 * Math.PI * 200 / 48_000.0);
    double s1 = 0;
    double s2 = 0;
    for (int i = 0; i < x.length; i++) {
      s1 = (1 - a) * x[i] + a * s1;
      s2 = (1 - a) * s1 + a * s2;
      y[i] = (float) s2;
    }
    return y;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unknown-module.json | $.nodes[0].module: unknown module id: org.example.nope",
      "cycle.json          | cycle without a feedback edge",
      "future.json         | formatVersion"})
  void badProjectsExitTwoNamingTheProblemAndWriteNothing(String fixture, String message) throws Exception {
    Path project = work.resolve(fixture);
    try (var in = getClass().getResourceAsStream("/projects/" + fixture)) {
      Files.copy(in, project);
    }
    Path out = work.resolve("never.wav");
    HostProcess.Result r = HostProcess.run(home, "render", project.toString(), "--out", out.toString());
    assertEquals(2, r.status(), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertFalse(Files.exists(out), "nothing written");
    try (var files = Files.list(work)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left");
    }
  }

  @Test
  void badSettingsAndUnreadableFilesExitTwo() throws Exception {
    Path out = work.resolve("never.wav");
    HostProcess.Result rate = HostProcess.run(home, "render", DEMO.toString(), "--out", out.toString(),
        "--sample-rate", "1000");
    assertEquals(2, rate.status(), rate.err());
    assertTrue(rate.err().contains("sampleRate must be"), rate.err());

    Path folderNamedLikeAFile = Files.createDirectories(work.resolve("song/project.json"));
    HostProcess.Result unreadable = HostProcess.run(home, "render", folderNamedLikeAFile.toString(),
        "--out", out.toString());
    assertEquals(2, unreadable.status(), unreadable.err());
    assertTrue(unreadable.err().startsWith("patchwork: "), unreadable.err());

    HostProcess.Result format = HostProcess.run(home, "render", DEMO.toString(), "--out", out.toString(),
        "--format", "mp3");
    assertEquals(2, format.status());
    assertTrue(format.err().contains("--format must be s16, s24 or f32"), format.err());
    assertFalse(Files.exists(out));
  }

  static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}

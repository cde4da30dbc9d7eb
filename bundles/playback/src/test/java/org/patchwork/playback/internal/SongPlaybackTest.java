package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.engine.ModuleRegistry;
import org.patchwork.engine.OfflineRenderer;
import org.patchwork.engine.Project;
import org.patchwork.engine.ProjectLoader;
import org.patchwork.engine.RenderSettings;
import org.patchwork.engine.WavFormat;
import org.patchwork.examples.gain.GainFactory;
import org.patchwork.examples.sine.SineFactory;
import org.patchwork.sdk.cli.UsageException;
import org.patchwork.sdk.testkit.Signals;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.SongCompiler;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.TrackerProjects;

/** {@code pw:render} and {@code pw:play} of a project whose music is a tracker song. */
class SongPlaybackTest {

  static final ModuleRegistry REGISTRY = ModuleRegistry.of(new SineFactory(), new GainFactory());

  @TempDir
  Path dir;

  private Path project(String json) throws Exception {
    Path p = dir.resolve("project.json");
    Files.writeString(p, json);
    return p;
  }

  static String example() throws Exception {
    try (InputStream in = SongPlaybackTest.class.getResourceAsStream("/tracker-project.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void renderPlaysTheSongsTimelineNotesAtTheirFrames() throws Exception {
    Path file = project(example());
    Path out = dir.resolve("song.wav");
    new RenderCommand(REGISTRY).render(file.toString(), "--out", out.toString(), "--format", "f32");

    // The same bytes as the engine playing the compiled timeline directly.
    Project p = ProjectLoader.load(file, REGISTRY);
    Path direct = dir.resolve("direct.wav");
    new OfflineRenderer(REGISTRY).render(p, TrackerProjects.timeline(file.toString(), p, 48_000),
        new RenderSettings(0, 256, 0, WavFormat.FLOAT_32), direct, null);
    assertArrayEquals(Files.readAllBytes(direct), Files.readAllBytes(out));

    // The song, not silence: the first note-on is where sound starts, the length is the song's plus the tail.
    CompiledSong c = SongCompiler.compile(TrackerProjects.song(file.toString(), p), PlayOptions.at(48_000));
    float[][] audio = WavReader.read(out).samples();
    assertEquals(c.length() + 96_000, audio[0].length);
    long first = c.events(SongEvent.Kind.NOTE_ON).getFirst().frame();
    assertEquals(first + 1, Signals.onset(audio[0], 1e-6), 1);
    assertTrue(Signals.rms(audio[0], 0, (int) c.length()) > 0.01);
  }

  @Test
  void anUnknownParameterIdInTheSongIsAUsageErrorNamingItAndNothingIsWritten() throws Exception {
    Path file = project(example().replace("\"lead.release\"", "\"lead.relase\""));
    Path out = dir.resolve("never.wav");
    UsageException e = assertThrows(UsageException.class,
        () -> new RenderCommand(REGISTRY).render(file.toString(), "--out", out.toString()));
    assertEquals(file + ": $.song.tracks[0].slots.0.param: node 'lead' (org.patchwork.examples.sine) has no "
        + "parameter 'relase' (it has: gain, attack, release)", e.getMessage());
    assertFalse(Files.exists(out));

    Path unknownNode = project(example().replace("\"bass.gain\"", "\"bas.gain\""));
    UsageException node = assertThrows(UsageException.class,
        () -> new RenderCommand(REGISTRY).render(unknownNode.toString(), "--out", out.toString()));
    assertTrue(node.getMessage().endsWith("$.song.automation[0].param: unknown node 'bas'"), node.getMessage());
    assertThrows(UsageException.class, () -> new Player(REGISTRY).play(unknownNode, ProjectLoader.load(unknownNode,
        REGISTRY), "null", 1, 256, null));
  }

  @Test
  void playingASongReportsItsPositionInTheStatistics() throws Exception {
    Path file = project(example());
    Path stats = dir.resolve("stats.json");
    Player player = new Player(REGISTRY);
    Playback run = player.play(file, ProjectLoader.load(file, REGISTRY), "null", 1.5, 256, stats);
    assertTrue(run.await(30, TimeUnit.SECONDS));
    player.finished(run);
    JsonNode s = new ObjectMapper().readTree(stats.toFile());
    // 1.5 s at 126 bpm and 4 lines per beat: line 12 (of 16) of the first pass of pattern 0.
    JsonNode position = s.get("position");
    assertNotNull(position, s.toString());
    assertEquals(0, position.get("order").asInt(), s.toString());
    assertEquals(0, position.get("pattern").asInt(), s.toString());
    assertEquals(12, position.get("line").asInt(), 1, s.toString());
    assertEquals(0, s.get("moduleFaults").asLong());
  }
}

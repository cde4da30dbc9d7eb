package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.ParameterDescriptor;
import org.patchwork.sdk.module.ParameterFlag;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/**
 * A {@link Timeline} plays through a {@link Session} with every note, expression, parameter and
 * tempo change at its exact frame, whatever the block size.
 */
class TimelineSessionTest {

  private static final String PROBE = "test.probe";
  private static final List<String> SEEN = new ArrayList<>();

  /**
   * Writes down its events with their absolute frames, and plays the per-frame value of its
   * unsmoothed {@code level} parameter and the transport's tempo as audio.
   */
  static final class Probe implements AudioModule {
    private long clock;

    @Override public void activate(double sampleRate, int maxFrames) { }
    @Override public void reset() { }
    @Override public void deactivate() { }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      for (int i = 0; i < ctx.eventCount(); i++) {
        Event e = ctx.event(i);
        SEEN.add((clock + e.frame()) + " " + e.type() + " id " + e.noteId()
            + (e.type() == Event.Type.NOTE_EXPRESSION ? " " + e.value() : ""));
      }
      float[] ramp = ctx.parameterRamp(0);
      float[] left = ctx.output(1, 0);
      float[] right = ctx.output(1, 1);
      for (int f = 0; f < ctx.frames(); f++) {
        left[f] = ctx.isParameterConstant(0) ? (float) ctx.parameter(0) : ramp[f];
        right[f] = (float) ctx.transport().tempo() / 1000f;
      }
      clock += ctx.frames();
      return ProcessStatus.CONTINUE;
    }
  }

  static ModuleRegistry registry() {
    ModuleDescriptor d = new ModuleDescriptor(PROBE, "Probe", "Patchwork tests", "1.0.0",
        ModuleKind.INSTRUMENT, Set.of("test"),
        List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 2)),
        List.of(new ParameterDescriptor("level", "Level", 0, 1, 0, "", Set.of(ParameterFlag.AUTOMATABLE), 0,
            List.of())), 0);
    return ModuleRegistry.of(new ModuleFactory() {
      @Override public ModuleDescriptor descriptor() { return d; }
      @Override public AudioModule create() { return new Probe(); }
    });
  }

  private static Project project() {
    Graph g = Graph.of(List.of(new Node("probe", PROBE)), List.of(), List.of(Track.of("t", "probe")));
    return new Project("timeline", 48_000, 120, g, List.of());
  }

  private static Timeline timeline() {
    // Added out of order on purpose: the builder sorts by frame and keeps the order within a frame.
    return Timeline.builder(48_000)
        .parameter(1001, "probe", "level", 0.75)
        .noteOn(10, "t", 7, 60, 0.5)
        .noteExpression(10, "t", 7, 0.25)
        .noteExpression(333, "t", 7, -1.5)
        .tempo(2000, 90)
        .noteOff(1500, "t", 7, 60)
        .allNotesOff(1999, "t")
        .length(2500)
        .build();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 100, 256, 997})
  void everyEventLandsAtItsFrameWhateverTheBlockSize(int block) {
    SEEN.clear();
    float[] left = new float[3000];
    float[] right = new float[3000];
    try (Session s = new Session(project(), timeline(), registry(), 48_000, block, 0, null, 1)) {
      assertEquals(2500 + 96_000, s.totalFrames());
      int at = 0;
      int n;
      while ((n = s.next()) > 0 && at < left.length) {
        int k = Math.min(n, left.length - at);
        System.arraycopy(s.buffer()[0], 0, left, at, k);
        System.arraycopy(s.buffer()[1], 0, right, at, k);
        at += k;
      }
    }
    assertEquals(List.of(
        "10 NOTE_ON id 7",
        "10 NOTE_EXPRESSION id 7 0.25",
        "333 NOTE_EXPRESSION id 7 -1.5",
        "1500 NOTE_OFF id 7",
        "1999 ALL_NOTES_OFF id -1"), SEEN);
    // The parameter jumps (no smoothing) exactly at frame 1001; the equal-power centre pan
    // scales both sides by cos(pi/4).
    float centre = (float) Math.cos(Math.PI / 4);
    assertEquals(0f, left[1000]);
    assertEquals(0.75f * centre, left[1001], 1e-7);
    // The tempo change reaches the transport at frame 2000.
    assertEquals(0.12f * centre, right[1999], 1e-7);
    assertEquals(0.09f * centre, right[2000], 1e-7);
  }

  @Test
  void aTimelineForAnotherRateOrAnUnknownTargetIsRefused() {
    Timeline at44 = Timeline.builder(44_100).noteOn(0, "t", 1, 60, 1).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Session(project(), at44, registry(), 48_000, 64, 0, null, 1)).getMessage()
        .contains("44100.0 Hz"));
    Timeline unknownTrack = Timeline.builder(48_000).noteOn(0, "nope", 1, 60, 1).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Session(project(), unknownTrack, registry(), 48_000, 64, 0, null, 1)).getMessage()
        .contains("unknown track 'nope'"));
    Timeline unknownParam = Timeline.builder(48_000).parameter(0, "probe", "nope", 1).build();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> new Session(project(), unknownParam, registry(), 48_000, 64, 0, null, 1)).getMessage()
        .contains("unknown parameter 'probe.nope'"));
  }

  @Test
  void eventsMustBeValid() {
    assertThrows(IllegalArgumentException.class, () -> Timeline.builder(48_000).noteOn(-1, "t", 1, 60, 1));
    assertThrows(IllegalArgumentException.class, () -> Timeline.builder(48_000).noteOn(0, "t", 1, 128, 1));
    assertThrows(IllegalArgumentException.class, () -> Timeline.builder(48_000).tempo(0, 0));
    assertThrows(IllegalArgumentException.class, () -> Timeline.builder(48_000).parameter(0, "n", "p", Double.NaN));
  }

  @Test
  void theLoaderKeepsTheSongSectionForTheSequencer() {
    String json = """
        {"formatVersion": 1, "name": "t", "sampleRate": 48000, "tempo": 120,
         "nodes": [{"id": "lead", "module": "org.patchwork.examples.sine"}],
         "tracks": [{"id": "lead", "chain": ["lead"]}],
         "song": {"linesPerBeat": 4, "patterns": []}}
        """;
    Project p = ProjectLoader.parse("p.json", json.getBytes(StandardCharsets.UTF_8), TestModules.registry());
    assertEquals("{\"linesPerBeat\":4,\"patterns\":[]}", p.song());
    assertTrue(p.hasSong());
    String both = json.replace("\"song\"", "\"notes\": [{\"track\": \"lead\", \"key\": 60, \"velocity\": 1, "
        + "\"start\": 0, \"length\": 1}], \"song\"");
    assertTrue(assertThrows(ProjectFormatException.class,
        () -> ProjectLoader.parse("p.json", both.getBytes(StandardCharsets.UTF_8), TestModules.registry()))
        .getMessage().contains("$.song: a project has either notes or a song, not both"));
    String notObject = json.replace("{\"linesPerBeat\": 4, \"patterns\": []}", "[]");
    assertTrue(assertThrows(ProjectFormatException.class,
        () -> ProjectLoader.parse("p.json", notObject.getBytes(StandardCharsets.UTF_8), TestModules.registry()))
        .getMessage().contains("$.song: must be an object"));
  }
}

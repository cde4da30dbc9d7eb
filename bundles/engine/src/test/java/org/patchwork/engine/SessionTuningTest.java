package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.Event;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.module.ModuleFactory;
import org.patchwork.sdk.module.ModuleKind;
import org.patchwork.sdk.module.PortDescriptor;
import org.patchwork.sdk.module.ProcessContext;
import org.patchwork.sdk.module.ProcessStatus;

/** A note's {@code cents} reach its instrument as a pitch expression at the note's first frame. */
class SessionTuningTest {

  private static final String RECORDER = "test.recorder";
  private static final List<String> SEEN = new ArrayList<>();

  /** Writes down every event it gets, with its absolute frame. */
  static final class Recorder implements AudioModule {
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
      clock += ctx.frames();
      return ProcessStatus.SILENT;
    }
  }

  private static ModuleRegistry registry() {
    ModuleDescriptor d = new ModuleDescriptor(RECORDER, "Recorder", "Patchwork tests", "1.0.0",
        ModuleKind.INSTRUMENT, Set.of("test"),
        List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.audioOut("out", 1)), List.of(), 0);
    return ModuleRegistry.of(new ModuleFactory() {
      @Override public ModuleDescriptor descriptor() { return d; }
      @Override public AudioModule create() { return new Recorder(); }
    });
  }

  @Test
  void centsArriveAsSemitonesRightAfterTheNoteOn() {
    SEEN.clear();
    Graph g = Graph.of(List.of(new Node("rec", RECORDER)), List.of(), List.of(Track.of("t", "rec")));
    // 120 bpm at 48 kHz: a beat is 24 000 frames.
    Project p = new Project("tuned", 48_000, 120, g, List.of(
        new Note("t", 60, 1, 0.5, 0.5, 50),
        new Note("t", 64, 1, 0.5, 0.5),
        new Note("t", 67, 1, 1, 0.25, -1200)));
    try (Session s = new Session(p, registry(), 48_000, 100, 2)) {
      while (s.next() > 0) {
        // render
      }
    }
    assertEquals(List.of(
        "12000 NOTE_ON id 0",
        "12000 NOTE_ON id 1",
        "12000 NOTE_EXPRESSION id 0 0.5",
        "24000 NOTE_OFF id 0",
        "24000 NOTE_OFF id 1",
        "24000 NOTE_ON id 2",
        "24000 NOTE_EXPRESSION id 2 -12.0",
        "30000 NOTE_OFF id 2"), SEEN);
  }
}

package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
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

/**
 * A note-driven node without an audio output (an envelope) may be a track's only node: the
 * track's notes reach it at their frames, its CV leaves by a cable, and the track is silent.
 */
class SilentInstrumentTrackTest {

  private static final ModuleDescriptor GATE = new ModuleDescriptor("test.gate", "Gate", "Patchwork tests",
      "1.0.0", ModuleKind.MODULATOR, Set.of("test"),
      List.of(PortDescriptor.eventsIn("notes"), PortDescriptor.cvOut("gate")), List.of(), 0);

  /** 1 from a note's first frame to its release, else 0. */
  private static final class Gate implements AudioModule {
    private float level;

    @Override
    public void activate(double sampleRate, int maxFrames) {
    }

    @Override
    public ProcessStatus process(ProcessContext ctx) {
      float[] out = ctx.output(1, 0);
      int e = 0;
      for (int i = 0; i < ctx.frames(); i++) {
        while (e < ctx.eventCount() && ctx.event(e).frame() == i) {
          Event.Type t = ctx.event(e++).type();
          level = t == Event.Type.NOTE_ON ? 1f : t == Event.Type.NOTE_OFF ? 0f : level;
        }
        out[i] = level;
      }
      return ProcessStatus.CONTINUE;
    }

    @Override
    public void reset() {
      level = 0;
    }

    @Override
    public void deactivate() {
    }
  }

  private static final ModuleRegistry REGISTRY = ModuleRegistry.of(new ModuleFactory() {
    @Override
    public ModuleDescriptor descriptor() {
      return GATE;
    }

    @Override
    public AudioModule create() {
      return new Gate();
    }
  }, new org.patchwork.examples.gain.GainFactory());

  @Test
  void notesReachTheNodeAtTheirFramesAndItsCableCarriesTheCv() {
    // 60 bpm: one beat is one second; the note is held from 0.25 s to 0.75 s.
    Graph g = Graph.of(List.of(new Node("env", "test.gate")), List.of(new Connection("env.gate", Connection.MASTER)),
        List.of(Track.of("t", "env")));
    Project p = new Project("gate", 8000, 60, g, List.of(new Note("t", 60, 1, 0.25, 0.5)));
    float[] left = new float[8000];
    try (Session s = new Session(p, REGISTRY, 8000, 64, 1.0)) {
      int at = 0;
      for (int n; (n = s.next()) > 0; at += n) {
        System.arraycopy(s.buffer()[0], 0, left, at, n);
      }
      assertEquals(8000, at);
    }
    assertEquals(0f, left[1999]);
    assertEquals(1f, left[2000], "on at exactly 0.25 s");
    assertEquals(1f, left[5999]);
    assertEquals(0f, left[6000], "off at exactly 0.75 s");
  }

  @Test
  void onlyAsTheTrackOnlyNode() {
    Graph g = Graph.of(List.of(new Node("env", "test.gate"), new Node("amp", "org.patchwork.examples.gain")),
        List.of(), List.of(Track.of("t", "env", "amp")));
    GraphException e = assertThrows(GraphException.class, () -> Plan.compile(g, REGISTRY, 48_000, 64));
    assertTrue(e.getMessage().contains("node 'env' (test.gate) has no audio output"), e.getMessage());
    Graph alone = Graph.of(List.of(new Node("env", "test.gate", Map.of())), List.of(), List.of(Track.of("t", "env")));
    Plan.compile(alone, REGISTRY, 48_000, 64).close();
  }
}

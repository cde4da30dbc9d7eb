package org.patchwork.osc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.internal.ControlBus;
import org.patchwork.controllers.testing.RecordingBackend;

/** The address space of docs/osc.md, message by message. */
class OscDispatcherTest {

  private static OscDispatcher.Result send(OscDispatcher d, String address, Object... args) {
    return d.dispatch(new OSCMessage(address, List.of(args)), System.nanoTime());
  }

  @Test
  void everyDocumentedAddressDoesWhatTheDocumentSays() throws Exception {
    RecordingBackend backend = new RecordingBackend();
    try (ControlBus bus = new ControlBus(() -> backend, m -> { })) {
      OscDispatcher d = new OscDispatcher(bus, null);
      List<OscDispatcher.Outcome> outcomes = new ArrayList<>();
      outcomes.add(send(d, "/transport/tempo", 128f).outcome());
      outcomes.add(send(d, "/transport/play").outcome());
      outcomes.add(send(d, "/transport/position", 16).outcome());
      outcomes.add(send(d, "/track/2/volume", 0.5f).outcome());
      outcomes.add(send(d, "/track/2/pan", -0.25f).outcome());
      outcomes.add(send(d, "/track/2/mute", 1).outcome());
      outcomes.add(send(d, "/track/select", 2).outcome());
      outcomes.add(send(d, "/module/lead/cutoff", 1200.5f).outcome());
      outcomes.add(send(d, "/note", 1, 60, 0.5f).outcome());
      outcomes.add(send(d, "/note", 1, 62, 100).outcome());
      outcomes.add(send(d, "/note", 1, 60, 0f).outcome());
      outcomes.add(send(d, "/note/off", 1, 62).outcome());
      outcomes.add(send(d, "/transport/stop").outcome());
      outcomes.add(send(d, "/transport/continue").outcome());
      assertTrue(outcomes.stream().allMatch(o -> o == OscDispatcher.Outcome.HANDLED), outcomes.toString());
      assertTrue(bus.awaitApplied(2000));
      assertEquals(List.of("tempo 128.0", "play", "locate 16.0", "volume 2 0.5", "pan 2 -0.25", "mute 2 true",
          "command track.select 2", "parameter lead/cutoff 1200.5", "noteOn 1 60 64", "noteOn 1 62 100",
          "noteOff 1 60", "noteOff 1 62", "stop", "resume"), backend.calls);

      OSCMessage tempo = send(d, "/query/tempo").reply();
      assertEquals("/tempo", tempo.getAddress());
      assertEquals(List.of(128f), tempo.getArguments());
      OscDispatcher.Result q = send(d, "/query/track/2/volume", 57120);
      assertEquals(57120, q.replyPort());
      assertEquals(List.of(0.5f), q.reply().getArguments());
      assertEquals(List.of(1200.5f), send(d, "/query/module/lead/cutoff").reply().getArguments());
      assertEquals("/error", send(d, "/query/module/lead/resonance").reply().getAddress());
      assertEquals(List.of(1), send(d, "/query/playing").reply().getArguments());

      for (Object[] bad : new Object[][] {
          {"/transport/tempo", new Object[] {0f}}, {"/transport/tempo", new Object[] {"fast"}},
          {"/transport/tempo", new Object[] {Float.NaN}}, {"/transport/play", new Object[] {1}},
          {"/track/1/volume", new Object[] {1.5f}}, {"/track/1/mute", new Object[] {2}},
          {"/note", new Object[] {1, 128, 0.5f}}, {"/note", new Object[] {1, 60}},
          {"/note", new Object[] {-1, 60, 0.5f}}, {"/module/a/b", new Object[] {}},
          {"/query/tempo", new Object[] {70000}}}) {
        OscDispatcher.Result r = send(d, (String) bad[0], (Object[]) bad[1]);
        assertEquals(OscDispatcher.Outcome.INVALID, r.outcome(), bad[0] + " " + List.of((Object[]) bad[1]));
        assertNull(r.reply());
      }
      for (String unknown : List.of("/transport/rewind", "/track/x/volume", "/track/1/volume/extra", "/mixer",
          "/module/only", "/query/nothing", "/control/fader1")) {
        assertEquals(OscDispatcher.Outcome.UNKNOWN, send(d, unknown, 0.5f).outcome(), unknown);
      }
    }
  }
}

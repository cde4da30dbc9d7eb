package org.patchwork.midi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.patchwork.midi.MidiEvent;
import org.patchwork.midi.testing.JackTestServer;

/**
 * MIDI through a real jackd (dummy backend, 48 kHz, 64-frame periods): a peer client writes
 * notes at chosen frames; the service's {@code midi_in} must report exactly those frames, and
 * what the service sends to {@code midi_out} must reach the peer.
 */
class JackMidiTest {

  /** 120 notes in 1.8 s: short enough that a burst often passes between two stalls of a noisy host. */
  private static final int NOTES = 120;

  private static JackTestServer server;

  @BeforeAll
  static void startJack() throws Exception {
    server = JackTestServer.start(48_000, 64, Path.of("target"));
  }

  @AfterAll
  static void stopJack() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void notesKeepTheirFramesAndFeedbackReachesThePeer() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (Midi midi = new Midi(new Midi.Settings(500, "on", "patchwork", ""), warnings::add);
        JackMidiClient peer = JackMidiClient.open("peer", null)) {
      midi.rescanNow();
      JackMidiClient ours = midi.jackClient();
      assertNotNull(ours, "JACK MIDI ports opened: " + warnings);
      assertEquals("patchwork:midi_in", ours.inPort());
      String lsp = JackTestServer.run(10, JackTestServer.tool("jack_lsp"), "-s", server.name);
      assertTrue(lsp.contains("patchwork:midi_in") && lsp.contains("patchwork:midi_out"), lsp);
      peer.start();
      assertTrue(peer.connect(peer.outPort(), ours.inPort()));
      assertTrue(peer.connect(ours.outPort(), peer.inPort()));
      List<MidiEvent> listened = new CopyOnWriteArrayList<>();
      midi.addListener(listened::add);
      List<MidiEvent> heard;

      // notes anywhere in a period; played again if the peer itself was late (PeerBurst)
      PeerBurst burst = PeerBurst.playOnTime(peer, listened, NOTES, 48_000, 42, i -> 36 + i % 60);
      List<Long> sentFrames = burst.sent();
      heard = burst.heard();
      java.util.Set<Long> got = new java.util.HashSet<>();
      heard.forEach(e -> got.add(e.jackFrame()));
      List<String> missing = new ArrayList<>();
      for (int i = 0; i < NOTES; i++) {
        long f = sentFrames.get(i);
        if (!got.contains(f) && !got.contains(f + 64)) {
          missing.add(i + "@" + f + "(" + (f % 64) + ")");
        }
      }
      assertEquals(NOTES, heard.size(), "missing " + missing + " every note arrived; peer late " + burst.late()
          + ", overflows " + peer.overflows() + "/" + ours.overflows() + ", first sent " + sentFrames.getFirst()
          + ", stats " + midi.stats() + " warnings " + warnings + " failures " + ours.failures() + " "
          + ours.failure() + " peer " + peer.failures() + " " + peer.failure());
      assertEquals(0, burst.late(), "the peer wrote every note in its period in one of " + PeerBurst.ATTEMPTS
          + " bursts");
      long latency0 = heard.getFirst().jackFrame() - sentFrames.getFirst();
      // The nanosecond stamps come from JACK's clock at each event's frame: against the frames
      // at the nominal rate they may only wobble by JACK's own period-start estimate.
      double[] residual = new double[NOTES];
      double mean = 0;
      for (int i = 0; i < NOTES; i++) {
        MidiEvent e = heard.get(i);
        assertEquals(36 + i % 60, e.data1());
        assertEquals(latency0, e.jackFrame() - sentFrames.get(i), "note " + i + ": constant latency in frames");
        residual[i] = (e.nanos() - heard.getFirst().nanos()) - (e.jackFrame() - heard.getFirst().jackFrame()) * 1e9 / 48_000;
        mean += residual[i] / NOTES;
      }
      double worst = 0;
      for (double d : residual) {
        worst = Math.max(worst, Math.abs(d - mean));
      }
      System.out.printf("JACK MIDI: " + NOTES + " notes, latency %d frames for every note; nanosecond stamps "
          + "within %.1f us of the frames' line%n", latency0, worst / 1000);
      assertTrue(latency0 >= 0 && latency0 <= 64, "same or next period: " + latency0);
      // The wall-clock stamps' wobble is printed, not asserted: it is the machine's scheduling
      // (a loaded CI host moves it by milliseconds); the contract is the frame, checked above.

      // the other way: the service's output reaches the peer's input
      assertTrue(midi.send("jack:midi_out", new byte[] {(byte) 0xB0, 16, 127}));
      List<byte[]> back = new ArrayList<>();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (back.isEmpty() && System.nanoTime() < deadline) {
        peer.drain((frame, nanos, data, length) -> back.add(java.util.Arrays.copyOf(data, length)));
        Thread.sleep(5);
      }
      assertEquals(1, back.size());
      assertArrayEquals(new byte[] {(byte) 0xB0, 16, 127}, back.getFirst());
      assertEquals(0, midi.stats().overflows());
    }
  }
}

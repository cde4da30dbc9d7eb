package org.patchwork.midi.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The MIDI ports on the audio driver's own JACK client ({@code patchwork:midi_in}/{@code midi_out})
 * while it is open, with a jackd of its own: kept apart from {@link JackMidiTest} because a JACK
 * server that had the audio client come and go once hung the next client's port registration
 * in CI (jack_port_register did not return in 60 s).
 */
class JackMidiAudioClientTest {

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
  void portsRideOnTheAudioDriversClientWhileItIsOpen() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (Midi midi = new Midi(new Midi.Settings(300, "auto", "patchwork-midi", "", true), warnings::add);
        JackMidiClient peer = JackMidiClient.open("peer2", null)) {
      midi.rescanNow();
      assertEquals("patchwork-midi:midi_in", midi.jackClient().inPort(), "the separate client first: " + warnings);
      List<MidiEvent> listened = new CopyOnWriteArrayList<>();
      midi.addListener(listened::add);
      peer.start();
      try (org.patchwork.drivers.internal.JackDriver audio = new org.patchwork.drivers.internal.JackDriver()) {
        audio.open(new org.patchwork.drivers.DriverSettings(48_000, 64, 0, 2, "patchwork"));
        audio.start((in, out, frames) -> { });
        JackMidiClient ours = midi.jackClient();
        assertEquals("patchwork:midi_in", ours.inPort(), "on the audio client now");
        String lsp = JackTestServer.run(10, JackTestServer.tool("jack_lsp"), "-s", server.name);
        assertTrue(lsp.contains("patchwork:midi_in") && lsp.contains("patchwork:midi_out") && lsp.contains("patchwork:out_1"), lsp);
        assertTrue(!lsp.contains("patchwork-midi:"), "the separate client closed: " + lsp);
        assertTrue(peer.connect(peer.outPort(), "patchwork:midi_in"));
        assertTrue(peer.connect("patchwork:midi_out", peer.inPort()));
        PeerBurst burst = PeerBurst.playOnTime(peer, listened, 50, 24_000, 7, i -> 60);
        List<Long> sent = burst.sent();
        List<MidiEvent> heard = burst.heard();
        assertEquals(50, heard.size(), "every note arrived: " + warnings + " " + midi.stats());
        assertEquals(0, burst.late(), "the peer wrote every note in its period in one of " + PeerBurst.ATTEMPTS
            + " bursts");
        long latency = heard.getFirst().jackFrame() - sent.getFirst();
        for (int i = 0; i < 50; i++) {
          assertEquals(latency, heard.get(i).jackFrame() - sent.get(i), "note " + i + ": the frame it was sent at");
          assertEquals("jack:midi_in", heard.get(i).port());
        }
        System.out.printf("JACK MIDI on the audio client: 50 notes, latency %d frames for every note%n", latency);
        assertTrue(latency >= 0 && latency <= 64, "same or next period: " + latency);
        assertTrue(midi.send("jack:midi_out", new byte[] {(byte) 0xB0, 7, 99}));
        List<byte[]> back = new ArrayList<>();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (back.isEmpty() && System.nanoTime() < deadline) {
          peer.drain((frame, nanos, data, length) -> back.add(java.util.Arrays.copyOf(data, length)));
          Thread.sleep(5);
        }
        assertArrayEquals(new byte[] {(byte) 0xB0, 7, 99}, back.isEmpty() ? null : back.getFirst());
        assertEquals(0, ours.failures(), String.valueOf(ours.failure()));
        audio.stop();
      }
      // the audio client is gone: so are its ports, and the separate client comes back
      long deadline = System.nanoTime() + 10_000_000_000L;
      while ((midi.jackClient() == null || !midi.jackClient().inPort().startsWith("patchwork-midi:"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertEquals("patchwork-midi:midi_in", midi.jackClient().inPort());
      assertEquals(0, midi.stats().overflows());
    }
  }
}

package org.patchwork.osc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.testing.Runs;
import org.patchwork.controllers.internal.ControlBus;
import org.patchwork.controllers.testing.Audio;
import org.patchwork.controllers.testing.LiveRig;
import org.patchwork.midi.testing.JackTestServer;

/**
 * OSC from liblo's own tools against the server driving a real engine through jackd (dummy
 * backend, 64-frame periods): {@code oscsend} starts the transport, sets parameters and plays a
 * note; the effects are measured in the rendered audio; {@code oscdump} receives the answers to
 * queries. Missing tools fail the test with the package to install.
 */
class OscLiveTest {

  @Test
  void oscsendStartsPlaybackSetsAParameterAndPlaysANoteAndOscdumpHearsTheAnswers() throws Exception {
    Runs.withoutXruns("OSC live", () -> run());
  }

  private Runs.Run run() throws Exception {
    String oscdump = OscPeers.tool("oscdump");
    OscPeers.tool("oscsend");
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (JackTestServer jack = JackTestServer.start(LiveRig.RATE, 64, Path.of("target"));
        LiveRig rig = new LiveRig("jack", 64, 1024, 30);
        ControlBus bus = new ControlBus(() -> rig, warnings::add);
        OscServer server = new OscServer(InetAddress.getLoopbackAddress(), 0, bus, null, warnings::add)) {
      int port = server.port();
      Thread.sleep(1600);
      for (String node : List.of("synth", "synth2")) {
        OscPeers.oscsend(port, "/module/" + node + "/attack", "f", "0");
        OscPeers.oscsend(port, "/module/" + node + "/release", "f", "0");
      }
      long xruns = rig.driverStats().xruns();

      // a note from oscsend on the bass track (880 Hz), then the same after /module/synth2/gain 1.0
      OscPeers.oscsend(port, "/note", "iif", "1", "81", "1.0");
      Thread.sleep(200);
      OscPeers.oscsend(port, "/note/off", "ii", "1", "81");
      Thread.sleep(200);
      long quietAt = rig.engineFrame();
      OscPeers.oscsend(port, "/module/synth2/gain", "f", "1.0");
      OscPeers.oscsend(port, "/note", "iii", "1", "81", "127");
      Thread.sleep(200);
      OscPeers.oscsend(port, "/note", "iif", "1", "81", "0");
      assertTrue(bus.awaitApplied(2000));
      Thread.sleep(100);
      rig.awaitFrames(rig.engineFrame());
      float[] audio = rig.audio();
      int first = Audio.onset(audio, 0, (int) quietAt, 1e-3);
      int second = Audio.onset(audio, (int) quietAt, rig.captured(), 1e-3);
      assertTrue(first > 0 && second > 0, "both notes sounded: " + first + ", " + second);
      double quiet = Audio.level(audio, first + 480, first + 4800, 880, LiveRig.RATE);
      double loud = Audio.level(audio, second + 480, second + 4800, 880, LiveRig.RATE);
      System.out.printf("oscsend: /note at 880 Hz, level %.3f; after /module/synth2/gain 1.0: %.3f (x%.2f)%n",
          quiet, loud, loud / quiet);
      assertEquals(4.0, loud / quiet, 0.1, "gain 0.25 -> 1.0");
      assertEquals(1.0, bus.state().parameters().get("synth2/gain"));

      // /transport/play starts the tracker song: A4 on every beat from the play frame
      OscPeers.oscsend(port, "/transport/tempo", "f", "120");
      OscPeers.oscsend(port, "/transport/play", "");
      Thread.sleep(1800);
      assertTrue(bus.state().playing());
      long play = rig.playFrame();
      rig.awaitFrames(play + 3 * 24_000 + 4800);
      for (int beat = 0; beat < 3; beat++) {
        int at = (int) play + beat * 24_000;
        assertTrue(Audio.level(audio, at + 480, at + 4800, 440, LiveRig.RATE) > 0.1, "A4 on beat " + beat);
        assertTrue(Audio.level(audio, at + 12_480, at + 16_800, 440, LiveRig.RATE) < 0.01, "silence between beats");
      }

      // queries answer to the port they name: oscdump listens there
      int dumpPort = OscPeers.freePort();
      Process dump = new ProcessBuilder(oscdump, "-L", Integer.toString(dumpPort)).redirectErrorStream(true).start();
      try {
        BufferedReader lines = new BufferedReader(new InputStreamReader(dump.getInputStream(), StandardCharsets.UTF_8));
        Thread.sleep(300);
        OscPeers.oscsend(port, "/query/tempo", "i", Integer.toString(dumpPort));
        OscPeers.oscsend(port, "/query/playing", "i", Integer.toString(dumpPort));
        OscPeers.oscsend(port, "/query/module/synth2/gain", "i", Integer.toString(dumpPort));
        String a = lines.readLine();
        String b = lines.readLine();
        String c = lines.readLine();
        System.out.println("oscdump heard: " + a + " | " + b + " | " + c);
        assertTrue(a.contains("/tempo f 120.0"), a);
        assertTrue(b.contains("/playing i 1"), b);
        assertTrue(c.contains("/module/synth2/gain f 1.0"), c);
      } finally {
        dump.destroy();
        dump.waitFor(5, TimeUnit.SECONDS);
      }
      OscPeers.oscsend(port, "/transport/stop", "");
      OscPeers.oscsend(port, "/transport/tempo", "s", "fast");
      OscPeers.oscsend(port, "/no/such/address", "");
      assertTrue(bus.awaitApplied(2000));
      Thread.sleep(100);
      OscStats.Snapshot s = server.stats();
      System.out.println("OSC server: " + s);
      assertEquals(1, s.invalid());
      assertEquals(1, s.unknown());
      assertEquals(0, s.malformed());
      assertEquals(3, s.replies());
      assertTrue(!bus.state().playing());
      assertEquals(0, bus.state().failures(), warnings.toString());
      return Runs.Run.of(rig.driverStats().xruns() - xruns, rig.driverStats(), 64, LiveRig.RATE);
    }
  }
}

package org.patchwork.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.DatagramSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.controllers.testing.Audio;
import org.patchwork.drivers.DriverSettings;
import org.patchwork.drivers.internal.JackDriver;
import org.patchwork.midi.internal.JackMidiClient;

/**
 * Issue 9 in the real host: {@code bin/patchwork headless} under a real jackd (dummy backend,
 * 48 kHz, 256-frame periods). The project is held ({@code pw:play --hold}); liblo's
 * {@code oscsend} starts it live, changes the tempo, stops it, plays notes and sets a module
 * parameter; {@code oscdump} receives the answer to a query. A peer JACK client plays notes into
 * {@code patchwork:midi_in} (on the audio client) at chosen frames, moves a CC that MIDI learn
 * binds, and hears the feedback on {@code patchwork:midi_out}. A capture client in this JVM
 * records {@code patchwork:out_1}: every effect is measured in the audio the host played.
 */
class ControllersHostIT {

  private static final int RATE = 48_000;
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A server of this test's own: another IT's jackd ({@link Jackd#NAME}) may run at the same time. */
  private static final String SERVER = "pw-ctl-it"; // short: with "patchwork-it-controllers" jack_lsp (jackd2 1.9.21) aborted in malloc

  @TempDir
  Path home;
  @TempDir
  Path work;

  /** A tracker song: A4 on every beat for half a beat at 120 bpm on track 0; track 1 for live notes. */
  private Path project() throws Exception {
    Path folder = Files.createDirectories(work.resolve("live"));
    Files.writeString(folder.resolve("project.json"), """
        {
          "formatVersion": 1, "name": "live", "sampleRate": 48000, "tempo": 120,
          "nodes": [
            {"id": "lead", "module": "org.patchwork.examples.sine", "params": {"gain": 0.5, "attack": 0, "release": 0}},
            {"id": "keys", "module": "org.patchwork.examples.sine", "params": {"gain": 0.5, "attack": 0, "release": 0}}
          ],
          "tracks": [{"id": "lead", "chain": ["lead"]}, {"id": "keys", "chain": ["keys"]}],
          "song": {
            "bpm": 120, "linesPerBeat": 4, "ticksPerLine": 6,
            "instruments": [{"name": "Lead", "output": "lead"}],
            "tracks": [{"name": "Lead", "output": "lead"}, {"name": "Keys", "output": "keys"}],
            "patterns": [{"length": 4, "tracks": [
              [{"line": 0, "notes": [{"note": "A-4"}]}, {"line": 2, "notes": [{"note": "OFF"}]}], []]}],
            "order": [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
                      0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]
          }
        }
        """);
    return folder.resolve("project.json");
  }

  /** Records its input 1 from when it starts. */
  private static final class Capture {
    final float[] audio = new float[RATE * 120];
    volatile int written;
  }

  /** {@code jack_connect}; its output (empty when it worked). */
  private static String connect(String from, String to) throws Exception {
    return tool("jack_connect", "-s", SERVER, from, to);
  }

  /** The ports of this test's server. */
  private static String ports() throws Exception {
    return tool("jack_lsp", "-s", SERVER);
  }

  /** Runs a JACK tool: its output, or "exit N: output" when it failed. */
  private static String tool(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Jackd.tool(name)));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return p.waitFor() == 0 ? (name.equals("jack_connect") ? "" : out) : "exit " + p.exitValue() + ": " + out;
  }

  /** jackd with the dummy backend under {@link #SERVER}, as {@link Jackd} starts its own. */
  private static Process jackd(int period, Path log) throws Exception {
    assertTrue(!tool("jack_wait", "-c", "-s", SERVER).strip().equals("running"), "a jackd named " + SERVER + " runs already");
    ProcessBuilder pb = new ProcessBuilder(Jackd.tool("jackd"), "-n", SERVER, "-R", "-P", "70", "-d", "dummy",
        "-r", Integer.toString(RATE), "-p", Integer.toString(period)).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("JACK_NO_AUDIO_RESERVATION", "1");
    Process p = pb.start();
    long end = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < end) {
      assertTrue(p.isAlive(), "jackd exited: " + Files.readString(log));
      if (tool("jack_wait", "-c", "-s", SERVER).strip().equals("running")) {
        return p;
      }
      Thread.sleep(100);
    }
    p.destroyForcibly();
    throw new AssertionError("jackd did not answer within 15 s: " + Files.readString(log));
  }

  private static int freePort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(0)) {
      return s.getLocalPort();
    }
  }

  private static void oscsend(int port, String address, String types, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Jackd.tool("oscsend"), "127.0.0.1", Integer.toString(port), address));
    if (!types.isEmpty()) {
      command.add(types);
      command.addAll(List.of(args));
    }
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), String.join(" ", command) + ": " + out);
  }

  private static List<Integer> onsets(float[] x, int from, int to) {
    List<Integer> out = new ArrayList<>();
    int quiet = 0;
    for (int i = Math.max(0, from); i < to; i++) {
      if (Math.abs(x[i]) > 1e-3) {
        if (quiet >= 2000) {
          out.add(i);
        }
        quiet = 0;
      } else {
        quiet++;
      }
    }
    return out;
  }

  private static double rms(float[] x, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += x[i] * x[i];
    }
    return Math.sqrt(s / Math.max(1, to - from));
  }

  /** The amplitude of the {@code hz} component of {@code x[from..to)} (Goertzel). */
  private static double level(float[] x, int from, int to, double hz) {
    double c = 2 * Math.cos(2 * Math.PI * hz / RATE);
    double s1 = 0;
    double s2 = 0;
    for (int i = from; i < to; i++) {
      double s0 = x[i] + c * s1 - s2;
      s2 = s1;
      s1 = s0;
    }
    return 2 * Math.sqrt(Math.max(0, s1 * s1 + s2 * s2 - c * s1 * s2)) / (to - from);
  }

  private static JsonNode command(HostProcess host, String line) throws Exception {
    int mark = host.out().length();
    String token = "END-" + System.nanoTime();
    host.send(line);
    host.send("echo " + token);
    assertTrue(host.awaitOut(mark, o -> o.contains(token), WAIT), line + ": " + host.out() + host.err());
    String text = host.out().substring(mark);
    int open = text.indexOf('{');
    return open < 0 ? null : JSON.readTree(text.substring(open, text.lastIndexOf('}') + 1));
  }

  private static boolean until(java.util.function.BooleanSupplier c, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!c.getAsBoolean() && System.nanoTime() < end) {
      Thread.sleep(20);
    }
    return c.getAsBoolean();
  }

  @Test
  void oscAndJackMidiDriveTheHostsLivePlaybackAndLearnAndFeedbackWork() throws Exception {
    Path project = project();
    int osc = freePort();
    Capture cap = new Capture();
    Process jackd = jackd(256, work.resolve("jackd.log"));
    try (HostProcess host = HostProcess.start(home, Map.of("JACK_DEFAULT_SERVER", SERVER,
            "PATCHWORK_JVM_OPTS", "-Dpatchwork.osc.port=" + osc), "headless");
        JackDriver capture = new JackDriver(-1, SERVER);
        JackMidiClient peer = JackMidiClient.open("keyboard", SERVER)) {
      int mark = host.out().length();
      host.send("pw:play " + project + " --hold --driver jack --block 256");
      assertTrue(host.awaitOut(mark, o -> o.contains("holding live"), WAIT), host.out() + host.err());

      // OSC starts the held project live: the audio client with its MIDI ports appears
      oscsend(osc, "/transport/play", "");
      assertTrue(until(() -> {
        try {
          String p = ports();
          return p.contains("patchwork:out_1") && p.contains("patchwork:midi_in") && p.contains("patchwork:midi_out");
        } catch (Exception e) {
          return false;
        }
      }, WAIT), "ports: " + ports() + "\n" + host.err());
      // the ports are there from when the driver opened; the client plays once priming is done
      assertTrue(until(() -> {
        try {
          return command(host, "pw:stats").path("live").path("playing").asBoolean();
        } catch (Exception e) {
          return false;
        }
      }, WAIT), "the live run plays: " + host.out() + host.err());
      capture.open(new DriverSettings(RATE, 256, 1, 1, "capture"));
      capture.start((in, out, frames) -> {
        int w = cap.written;
        int n = Math.min(frames, cap.audio.length - w);
        if (n > 0) {
          System.arraycopy(in[0], 0, cap.audio, w, n);
          cap.written = w + n;
        }
      });
      peer.start();
      String connected = connect("patchwork:out_1", "capture:in_1");
      assertTrue(connected.isBlank(), "connected the capture: " + connected + "\nports: " + ports());
      assertTrue(peer.connect(peer.outPort(), "patchwork:midi_in"), ports());
      assertTrue(peer.connect("patchwork:midi_out", peer.inPort()), ports());

      // the song plays: A4 every 24,000 frames (120 bpm)
      int from = cap.written;
      long lostBefore = capture.stats().xruns();
      Thread.sleep(3_000);
      List<Integer> beats = onsets(cap.audio, from, cap.written);
      System.out.println("ControllersHostIT: song onsets " + beats);
      assertTrue(beats.size() >= 2, "playing after /transport/play: " + beats + "\n" + host.err());
      Audio.assertSpacing(beats, 24_000, capture.stats().xruns() - lostBefore, "ControllersHostIT: a beat at 120 bpm");
      assertTrue(level(cap.audio, beats.get(0) + 100, beats.get(0) + 9000, 440) > 0.1, "A4");
      JsonNode stats = command(host, "pw:stats");
      assertTrue(stats.get("live").get("playing").asBoolean(), stats.toString());

      // tempo 240: a beat every 12,000 frames
      oscsend(osc, "/transport/tempo", "f", "240");
      Thread.sleep(800);
      from = cap.written;
      lostBefore = capture.stats().xruns();
      Thread.sleep(1_500);
      List<Integer> fast = onsets(cap.audio, from, cap.written);
      assertTrue(fast.size() >= 3, fast.toString());
      Audio.assertSpacing(fast.subList(1, fast.size()), 12_000, capture.stats().xruns() - lostBefore,
          "ControllersHostIT: a beat after /transport/tempo 240");

      // stop: silence
      oscsend(osc, "/transport/stop", "");
      Thread.sleep(500);
      from = cap.written;
      Thread.sleep(600);
      assertTrue(rms(cap.audio, from, cap.written) < 1e-5, "silent after /transport/stop");

      // a note over OSC on track 1 (C5), its gain set over OSC first; the query answers to oscdump
      oscsend(osc, "/module/keys/gain", "f", "0.25");
      Thread.sleep(300); // past the parameter's smoothing
      from = cap.written - 2_400; // an onset counts after 2,000 quiet frames: silence since the stop
      oscsend(osc, "/note", "iif", "1", "72", "0.8");
      Thread.sleep(400);
      oscsend(osc, "/note/off", "ii", "1", "72");
      Thread.sleep(300);
      List<Integer> noted = onsets(cap.audio, from, cap.written);
      assertEquals(1, noted.size(), "one note: " + noted);
      int n0 = noted.getFirst();
      double c5 = level(cap.audio, n0 + 200, n0 + 4800, 523.2511);
      System.out.printf("ControllersHostIT: /note: C5 %.4f, A4 %.5f, rms %.4f%n", c5,
          level(cap.audio, n0 + 200, n0 + 4800, 440), rms(cap.audio, n0 + 200, n0 + 4800));
      assertTrue(c5 > 0.05 && c5 > 20 * level(cap.audio, n0 + 200, n0 + 4800, 440), "C5 sounded: " + c5);
      // gain 0.25 x velocity 0.8, centre pan: as the first note's level scaled (0.5 gain, velocity 1)
      double expected = level(cap.audio, beats.get(0) + 100, beats.get(0) + 9000, 440) * 0.25 * 0.8 / 0.5;
      assertEquals(expected, c5, expected * 0.1, "the gain /module/keys/gain set");
      int dumpPort = freePort();
      Process dump = new ProcessBuilder(Jackd.tool("oscdump"), "-L", Integer.toString(dumpPort)).redirectErrorStream(true).start();
      try {
        Thread.sleep(300);
        oscsend(osc, "/query/module/keys/gain", "i", Integer.toString(dumpPort));
        oscsend(osc, "/query/playing", "i", Integer.toString(dumpPort));
        BufferedReader lines = new BufferedReader(new InputStreamReader(dump.getInputStream(), StandardCharsets.UTF_8));
        List<String> answers = new ArrayList<>();
        long end = System.nanoTime() + 10_000_000_000L;
        while (answers.size() < 2 && System.nanoTime() < end) {
          if (lines.ready()) {
            answers.add(lines.readLine());
          } else {
            Thread.sleep(20);
          }
        }
        assertTrue(answers.stream().anyMatch(a -> a.contains("/module/keys/gain f 0.25")), answers.toString());
        assertTrue(answers.stream().anyMatch(a -> a.contains("/playing i 0")), answers.toString());
      } finally {
        dump.destroy();
        dump.waitFor(5, TimeUnit.SECONDS);
      }

      // MIDI from the peer at chosen JACK frames plays the selected track with one latency
      oscsend(osc, "/track/select", "i", "1");
      oscsend(osc, "/module/keys/gain", "f", "0.5");
      Thread.sleep(300);
      Random r = new Random(9);
      long worst = -1;
      boolean everyRoundLost = true;
      for (int round = 1; round <= 3 && worst < 0; round++) {
        long xruns = capture.stats().xruns();
        long first = peer.frameTime() + 12_000;
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          long f = first + i * 9_600L + r.nextInt(2_000);
          sent.add(f);
          peer.sendAt(f, new byte[] {(byte) 0x90, 76, 100});
          peer.sendAt(f + 2_400, new byte[] {(byte) 0x80, 76, 0});
        }
        from = cap.written;
        Thread.sleep(10 * 200 + 1_000);
        List<Integer> heard = onsets(cap.audio, from, cap.written);
        boolean lost = capture.stats().xruns() != xruns;
        // a note may fall into a period the capture lost
        assertTrue(heard.size() == 10 || lost, "every MIDI note heard: " + heard + "\n" + host.err());
        long w = heard.size() == 10 ? 0 : Long.MAX_VALUE;
        for (int i = 1; i < 10 && w != Long.MAX_VALUE; i++) {
          w = Math.max(w, Math.abs((heard.get(i) - heard.getFirst()) - (sent.get(i) - sent.getFirst())));
        }
        everyRoundLost &= lost;
        if (!lost || round == 3) {
          worst = w;
        } else {
          System.out.println("ControllersHostIT: the capture client had xruns in round " + round + "; again");
        }
      }
      System.out.println("ControllersHostIT: 10 JACK MIDI notes, onset spacing within " + worst
          + " frames of the JACK frames they were sent at");
      if (worst > 256 && everyRoundLost) {
        System.out.println("ControllersHostIT: MIDI spacing NOT MEASURED, the capture lost periods in every round");
      } else {
        assertTrue(worst <= 256, "constant latency, no jitter beyond the block quantum: " + worst);
      }

      // MIDI learn binds the peer's CC 21 to the keys' gain; the CC then moves it
      command(host, "pw:controllers learn keys/gain --takeover jump");
      peer.send(new byte[] {(byte) 0xB0, 21, 10});
      assertTrue(until(() -> {
        try {
          JsonNode l = command(host, "pw:controllers --json");
          return l.get("mappings").size() == 1;
        } catch (Exception e) {
          return false;
        }
      }, Duration.ofSeconds(10)), host.out());
      JsonNode listing = command(host, "pw:controllers --json");
      assertEquals("jack:midi_in", listing.get("mappings").get(0).get("source").asText(), listing.toString());
      assertEquals("keys/gain", listing.get("mappings").get(0).get("target").asText());
      assertTrue(listing.toString().contains("\"patchwork:midi_in\""), "the port is the audio client's: " + listing);

      // the CC moves the gain (full scale), then the gain set over OSC goes back to the control
      // on patchwork:midi_out
      peer.send(new byte[] {(byte) 0xB0, 21, 127});
      Thread.sleep(500);
      oscsend(osc, "/module/keys/gain", "f", "0.5");
      List<String> back = new CopyOnWriteArrayList<>();
      assertTrue(until(() -> {
        peer.drain((frame, nanos, data, length) -> back.add(HexFormat.of().withUpperCase().formatHex(data, 0, length)));
        return back.contains("B01540");
      }, Duration.ofSeconds(10)), "CC 21 = 64 on patchwork:midi_out: " + back);

      // the mappings are saved with the project
      command(host, "pw:controllers save");
      JsonNode saved = JSON.readTree(project.resolveSibling("controllers.json").toFile());
      assertEquals("keys", saved.get("mappings").get(0).get("instance").asText(), saved.toString());
      assertEquals("jump", saved.get("mappings").get(0).get("takeover").asText());

      // recording: play again, record on over OSC, a note over OSC, then save the song into the project
      oscsend(osc, "/transport/play", "");
      Thread.sleep(500);
      oscsend(osc, "/transport/record", "i", "1");
      Thread.sleep(200);
      oscsend(osc, "/note", "iif", "1", "74", "0.5");
      Thread.sleep(150);
      oscsend(osc, "/note/off", "ii", "1", "74");
      Thread.sleep(300);
      oscsend(osc, "/transport/record", "i", "0");
      Thread.sleep(200);
      int saveMark = host.out().length();
      command(host, "pw:record save");
      assertTrue(host.out().substring(saveMark).contains("saved the recorded song into"), host.out() + host.err());
      JsonNode recorded = JSON.readTree(project.toFile()).get("song").get("patterns").get(0).get("tracks").get(1);
      assertTrue(recorded.toString().contains("\"D-5\""), "the note played over OSC, recorded on track 1: " + recorded);
      oscsend(osc, "/transport/stop", "");

      stats = command(host, "pw:stats");
      long blocks = stats.get("blocks").asLong();
      System.out.println("ControllersHostIT: live run " + stats);
      assertEquals(0, stats.get("moduleFaults").asLong(), stats.toString());
      assertEquals(0, stats.get("callbackFailures").asLong(), stats.toString());
      // JACK reports an xrun or two while a client joins (the capture and the peer joined)
      // (on a host that stops the VM for milliseconds every few seconds, every client loses
      // periods: then the capture client in this JVM lost as many, and the bound cannot tell)
      long bound = Math.max(4, blocks / 1000);
      long captureLost = capture.stats().xruns();
      if (stats.get("xruns").asLong() > bound && captureLost > bound) {
        System.out.println("ControllersHostIT: xrun bound NOT MEASURED: the host lost " + stats.get("xruns")
            + " periods and the capture client " + captureLost);
      } else {
        assertTrue(stats.get("xruns").asLong() <= bound, "xruns: " + stats + ", capture lost " + captureLost);
      }
      long bytes = stats.get("audioThreadAllocatedBytes").asLong();
      assertTrue(bytes >= 0 && bytes < stats.get("allocationWindowBlocks").asLong(), "no allocation per block: " + stats);
      command(host, "pw:stop");
      assertTrue(until(() -> {
        try {
          return !ports().contains("patchwork:out_1");
        } catch (Exception e) {
          return false;
        }
      }, Duration.ofSeconds(10)), "the live run ended with pw:stop");
      capture.stop();
    } finally {
      jackd.destroy();
      if (!jackd.waitFor(10, TimeUnit.SECONDS)) {
        jackd.destroyForcibly().waitFor();
      }
    }
  }
}

package org.patchwork.osc.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.testing.Runs;
import org.patchwork.controllers.internal.ControlBus;
import org.patchwork.controllers.internal.Controllers;
import org.patchwork.controllers.testing.LiveRig;
import org.patchwork.drivers.DriverStats;
import org.patchwork.midi.internal.JackMidiClient;
import org.patchwork.midi.internal.Midi;
import org.patchwork.midi.testing.JackTestServer;

/**
 * The flood: 10,000 OSC packets a second for 10 s (one in ten malformed), plus a MIDI note
 * stream through JACK, while the engine plays the song at 64-frame periods through jackd. No
 * xrun, every valid message acted on, every malformed one refused and counted, nothing dropped.
 */
class OscFloodTest {

  private static final int RATE = 10_000;
  private static final int SECONDS = 10;

  @Test
  void tenThousandMessagesASecondForTenSecondsWhilePlaying() throws Exception {
    Runs.withoutXruns("OSC flood", this::run);
  }

  /** One run; returns the xruns during the measured ten seconds. */
  private Runs.Run run() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (JackTestServer jack = JackTestServer.start(LiveRig.RATE, 64, Path.of("target"));
        LiveRig rig = new LiveRig("jack", 64, 1024, 30);
        ControlBus bus = new ControlBus(() -> rig, warnings::add);
        OscServer server = new OscServer(InetAddress.getLoopbackAddress(), 0, bus, null, m -> { });
        Midi midi = new Midi(new Midi.Settings(1000, "on", "patchwork", ""), warnings::add);
        Controllers controllers = Controllers.withBuiltInProfiles(bus, midi, new Controllers.Settings("", false, null),
            warnings::add);
        JackMidiClient keyboard = JackMidiClient.open("keyboard", null);
        DatagramChannel out = DatagramChannel.open()) {
      midi.rescanNow();
      assertNotNull(midi.jackClient(), warnings.toString());
      keyboard.start();
      assertTrue(keyboard.connect(keyboard.outPort(), midi.jackClient().inPort()));
      out.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port()));
      Thread.sleep(1600);
      bus.parameter(System.nanoTime(), "synth2", "attack", 0);
      bus.play(System.nanoTime());
      // a warm-up second of the same traffic: class loading and the JIT, not counted
      int[] warm = flood(out, keyboard, 1, new Random(1));
      awaitPackets(server, warm[0] + warm[1]);
      assertTrue(bus.awaitApplied(5000));
      Thread.sleep(200);
      OscStats.Snapshot before = server.stats();
      long midiBefore = midi.stats().received();
      long xrunsBefore = rig.driverStats().xruns();
      long acceptedBefore = bus.state().accepted();
      rig.resetLate();

      long start = System.nanoTime();
      int[] sent = flood(out, keyboard, SECONDS, new Random(42));
      double took = (System.nanoTime() - start) / 1e9;
      awaitPackets(server, before.packets() + sent[0] + sent[1]);
      assertTrue(bus.awaitApplied(10_000), "the model thread caught up");
      Thread.sleep(200);
      OscStats.Snapshot s = server.stats();
      long packets = s.packets() - before.packets();
      long handled = s.handled() - before.handled();
      long malformed = s.malformed() - before.malformed();
      long midiNotes = midi.stats().received() - midiBefore;
      DriverStats d = rig.driverStats();
      System.out.printf("OSC flood: %d packets in %.2f s (%.0f/s): %d valid -> %d handled; %d malformed sent -> "
          + "%d refused; dropped %d, unknown %d, invalid %d; MIDI notes %d sent -> %d received; control ring: "
          + "accepted %d, dropped %d, failures %d, late %d; xruns %d; callback p99 %d us, max %d us%n",
          sent[0] + sent[1], took, (sent[0] + sent[1]) / took, sent[0], handled, sent[1], malformed,
          s.dropped() - before.dropped(), s.unknown() - before.unknown(), s.invalid() - before.invalid(), sent[2],
          midiNotes, bus.state().accepted() - acceptedBefore, bus.state().dropped(), bus.state().failures(),
          rig.late(), d.xruns() - xrunsBefore, d.p99Micros(), d.maxMicros());
      assertTrue(took < SECONDS + 1.0, "the sender kept the rate");
      assertEquals(sent[0] + sent[1], packets, "every packet reached the server");
      assertEquals(sent[0], handled, "no valid message lost");
      assertEquals(sent[1], malformed, "every malformed packet refused and counted");
      assertEquals(0, s.dropped() + s.unknown() + s.invalid() - before.dropped() - before.unknown() - before.invalid());
      if (d.xruns() == xrunsBefore) {
        // in a period JACK reports as an xrun, a client that missed it loses that period's MIDI
        assertEquals(sent[2], midiNotes, "every MIDI message arrived");
      }
      assertEquals(0, bus.state().dropped());
      assertEquals(0, bus.state().failures(), warnings.toString());
      assertTrue(bus.state().playing());
      return Runs.Run.of(d.xruns() - xrunsBefore, d, 64, LiveRig.RATE);
    }
  }

  /** Waits (at most 10 s) until the server has taken {@code packets} packets off its socket. */
  private static void awaitPackets(OscServer server, long packets) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (server.stats().packets() < packets && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  /**
   * Sends {@value #RATE} packets a second (ten per millisecond), every tenth malformed (a valid
   * packet cut by 1..3 bytes, or noise of a length that is not a multiple of 4), and a MIDI
   * note on or off every 5 ms.
   *
   * @return {valid packets, malformed packets, MIDI messages}
   */
  private static int[] flood(DatagramChannel out, JackMidiClient keyboard, int seconds, Random r) throws Exception {
    OscCodec codec = new OscCodec();
    int[] sent = new int[3];
    long t0 = System.nanoTime();
    int n = 0;
    for (int ms = 0; ms < seconds * 1000; ms++) {
      long due = t0 + ms * 1_000_000L;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      for (int k = 0; k < RATE / 1000; k++, n++) {
        OSCMessage m = switch (n % 5) {
          case 0 -> new OSCMessage("/module/synth2/gain", List.of(0.2f + r.nextFloat() * 0.1f));
          case 1 -> new OSCMessage("/track/1/volume", List.of(r.nextFloat()));
          case 2 -> new OSCMessage("/note", List.of(1, 70 + n % 20, 0.3f));
          case 3 -> new OSCMessage("/note/off", List.of(1, 70 + (n - 1) % 20));
          default -> new OSCMessage("/transport/tempo", List.of(120f));
        };
        ByteBuffer b = codec.write(m);
        if (n % 10 == 9) {
          if (r.nextBoolean()) {
            b.limit(b.limit() - 1 - r.nextInt(3));
          } else {
            byte[] noise = new byte[4 * (1 + r.nextInt(16)) + 1 + r.nextInt(3)];
            r.nextBytes(noise);
            b = ByteBuffer.wrap(noise);
          }
          sent[1]++;
        } else {
          sent[0]++;
        }
        out.write(b);
      }
      if (ms % 5 == 0) {
        keyboard.send(new byte[] {(byte) ((ms / 5) % 2 == 0 ? 0x90 : 0x80), 48, 80});
        sent[2]++;
      }
    }
    return sent;
  }
}

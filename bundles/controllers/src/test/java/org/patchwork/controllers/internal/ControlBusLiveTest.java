package org.patchwork.controllers.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.patchwork.controllers.testing.Runs;
import org.patchwork.midi.testing.JackTestServer;
import org.patchwork.controllers.testing.Audio;
import org.patchwork.controllers.testing.LiveRig;

/**
 * The control bus driving a real engine at 64-frame blocks (through a real jackd): inputs
 * stamped at arbitrary moments sound at their mapped frame plus a constant latency, the
 * transport plays the tracker song from the frame it was started at, and parameters change
 * the sound.
 */
class ControlBusLiveTest {

  @Test
  void inputsSoundAtTheirFramesAndTheTransportPlaysTheSong() throws Exception {
    Runs.withoutXruns("live control bus", () -> run());
  }

  private Runs.Run run() throws Exception {
    List<String> warnings = new CopyOnWriteArrayList<>();
    try (JackTestServer jack = JackTestServer.start(LiveRig.RATE, 64, Path.of("target"));
        LiveRig rig = new LiveRig("jack", 64, 1024, 20); ControlBus bus = new ControlBus(() -> rig, warnings::add)) {
      // the frame clock's first window (1024 blocks) passes over JACK's start-up, when periods
      // come in bursts; from then on its offset is the steady one
      Thread.sleep(1600);
      long now = System.nanoTime();
      for (String node : List.of("synth", "synth2")) {
        assertTrue(bus.parameter(now, node, "attack", 0));
        assertTrue(bus.parameter(now, node, "release", 0));
      }
      // the first inputs meet class loading and the interpreter on the model thread: a
      // warm-up round, not counted, as the host's own start-up would be
      bus.noteOn(System.nanoTime(), 1, 60, 0.0);
      bus.noteOff(System.nanoTime(), 1, 60);
      bus.play(System.nanoTime());
      bus.stop(System.nanoTime());
      Thread.sleep(500);
      rig.resetLate();
      // JACK reports an xrun or two while a client joins the graph; counted from here on
      long xruns = rig.driverStats().xruns();
      // ten notes at random moments on the bass track: each must start at its own frame
      Random r = new Random(11);
      List<Long> expected = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        Thread.sleep(120 + r.nextInt(60));
        long t = System.nanoTime();
        assertTrue(bus.noteOn(t, 1, 81, 1.0));
        expected.add(rig.clock().frameOf(t));
        Thread.sleep(40);
        bus.noteOff(System.nanoTime(), 1, 81);
      }
      assertTrue(bus.awaitApplied(2000), () -> bus.state() + " " + warnings);
      rig.awaitFrames(expected.getLast() + 4800);
      float[] audio = rig.audio();
      List<Long> offsets = new ArrayList<>();
      for (long e : expected) {
        int onset = Audio.onset(audio, (int) e - 2000, (int) e + 4000, 1e-3);
        offsets.add(onset - e);
      }
      long min = offsets.stream().mapToLong(Long::longValue).min().orElseThrow();
      long max = offsets.stream().mapToLong(Long::longValue).max().orElseThrow();
      System.out.printf("control bus -> engine: 10 live notes start %d..%d frames after their mapped frame "
          + "(latency %d frames added by the clock); late inputs: %d%n", min, max, rig.clock().latencyFrames(), rig.late());
      assertTrue(max - min <= 1, "constant latency: onsets relative to their frames " + offsets);
      assertTrue(min >= 0 && min <= 2, "a note starts at its frame: " + offsets);

      // a parameter changes the sound: gain 0.25 (default) to 1.0 quadruples the level
      long t = System.nanoTime();
      bus.noteOn(t, 1, 81, 1.0);
      long f1 = rig.clock().frameOf(t);
      Thread.sleep(150);
      bus.noteOff(System.nanoTime(), 1, 81);
      Thread.sleep(100);
      bus.parameter(System.nanoTime(), "synth2", "gain", 1.0);
      Thread.sleep(50);
      t = System.nanoTime();
      bus.noteOn(t, 1, 81, 1.0);
      long f2 = rig.clock().frameOf(t);
      Thread.sleep(150);
      bus.noteOff(System.nanoTime(), 1, 81);
      rig.awaitFrames(f2 + 6000);
      double quiet = Audio.level(audio, (int) f1 + 480, (int) f1 + 4800, 880, LiveRig.RATE);
      double loud = Audio.level(audio, (int) f2 + 480, (int) f2 + 4800, 880, LiveRig.RATE);
      System.out.printf("gain 0.25 -> 1.0: 880 Hz level %.4f -> %.4f (x%.2f)%n", quiet, loud, loud / quiet);
      assertEquals(4.0, loud / quiet, 0.1);
      assertEquals(1.0, bus.state().parameters().get("synth2/gain"));

      // the transport plays the tracker song (A4 on every beat at 120 bpm) from its frame
      Thread.sleep(300);
      assertTrue(bus.play(System.nanoTime()));
      Thread.sleep(1700);
      assertTrue(bus.state().playing());
      long play = rig.playFrame();
      rig.awaitFrames(play + 3 * 24_000 + 4800);
      for (int beat = 0; beat < 3; beat++) {
        int from = (int) play + beat * 24_000;
        int onset = Audio.onset(audio, from - 400, from + 2000, 1e-3);
        assertTrue(Math.abs(onset - from) <= 1, "beat " + beat + " at frame " + from + ", heard at " + onset);
        assertTrue(Audio.level(audio, from + 480, from + 4800, 440, LiveRig.RATE) > 0.1, "A4 on beat " + beat);
      }
      bus.stop(System.nanoTime());
      bus.tempo(System.nanoTime(), 150);
      assertTrue(bus.awaitApplied(2000));
      Thread.sleep(100);
      assertFalse(bus.state().playing());
      assertEquals(150, bus.state().tempo());
      assertEquals(150, rig.tempo());
      long stop = rig.stopFrame();
      rig.awaitFrames(stop + 30_000);
      assertEquals(0, Audio.rms(audio, (int) stop + 480, (int) stop + 24_000), 1e-6, "silent after stop");

      assertThrows(IllegalArgumentException.class, () -> bus.noteOn(0, 0, 128, 1));
      assertThrows(IllegalArgumentException.class, () -> bus.tempo(0, Double.NaN));
      System.out.printf("xruns: %d while joining JACK, %d after%n", xruns, rig.driverStats().xruns() - xruns);
      assertEquals(0, bus.state().dropped());
      assertEquals(0, bus.state().failures(), warnings.toString());
      return Runs.Run.of(rig.driverStats().xruns() - xruns, rig.driverStats(), 64, LiveRig.RATE);
    }
  }
}

package org.patchwork.midi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The clock sender and follower against each other, over real time. */
class MidiClockTest {

  @Test
  void theFollowerMeasuresTheSentTempoAndTransport() throws Exception {
    List<String> heard = new CopyOnWriteArrayList<>();
    MidiClockFollower follower = new MidiClockFollower(new MidiClockFollower.Listener() {
      @Override
      public void start(long nanos) {
        heard.add("start");
      }

      @Override
      public void stop(long nanos) {
        heard.add("stop");
      }

      @Override
      public void resume(long nanos) {
        heard.add("continue");
      }

      @Override
      public void position(int sixteenths, long nanos) {
        heard.add("position " + sixteenths);
      }
    });
    try (MidiClockSender sender = new MidiClockSender(bytes -> follower.accept(
        MidiEvent.parse("clock", bytes, 0, bytes.length, System.nanoTime(), -1)))) {
      sender.tempo(137.5);
      Thread.sleep(1500);
      double measured = follower.tempo();
      System.out.printf("MIDI clock: sent 137.5 bpm, measured %.3f bpm%n", measured);
      assertEquals(137.5, measured, 0.5, "tempo from 48 clocks of real-time jitter");
      sender.position(64);
      sender.start();
      Thread.sleep(500);
      assertTrue(follower.running());
      // 0.5 s at 137.5 bpm is about 27 clocks after the start, counted from position 0 (start)
      long clocks = follower.position();
      assertTrue(clocks > 20 && clocks < 34, "clocks since start: " + clocks);
      sender.stop();
      sender.resume();
      sender.tempo(90);
      Thread.sleep(1500);
      System.out.printf("MIDI clock: sent 90 bpm, measured %.3f bpm%n", follower.tempo());
      assertEquals(90, follower.tempo(), 0.5);
    }
    assertEquals(List.of("position 64", "start", "stop", "continue"), heard);
  }

  @Test
  void jitteredClocksStillGiveTheTempo() {
    double[] got = new double[1];
    MidiClockFollower f = new MidiClockFollower(new MidiClockFollower.Listener() {
      @Override
      public void tempo(double bpm, long nanos) {
        got[0] = bpm;
      }
    });
    java.util.Random r = new java.util.Random(3);
    double period = 60e9 / (24 * 128.0);
    for (int i = 0; i < 200; i++) {
      long t = Math.round(i * period + r.nextGaussian() * 300_000); // 0.3 ms of jitter
      f.accept(MidiEvent.of("c", 0xF8, 0, 0, t));
    }
    assertEquals(128, got[0], 0.5);
  }
}

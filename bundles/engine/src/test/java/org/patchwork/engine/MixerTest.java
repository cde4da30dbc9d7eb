package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.testkit.Signals;

/** Measures the mixer with the example sine (amplitude 0.25 at velocity 1, 5 ms attack). */
class MixerTest {

  private static final int RATE = Rendering.RATE;
  private static final double SINE_RMS = 0.25 / Math.sqrt(2);

  private static float[][] play(Graph g, int... keysPerTrack) {
    try (Rendering r = new Rendering(g, 128)) {
      for (int t = 0; t < keysPerTrack.length; t++) {
        r.ring.noteOn(0, t, t, keysPerTrack[t], 1f);
      }
      return r.render(RATE);
    }
  }

  private static double rms(float[] x) {
    return Signals.rms(x, RATE / 4, RATE);
  }

  private static Graph oneSine(Track track) {
    return Graph.of(List.of(new Node("s", TestModules.SINE)), List.of(), List.of(track));
  }

  @Test
  void centrePanIsMinus3DbOnEachSide() {
    float[][] out = play(oneSine(Track.of("t", "s")), 69);
    assertArrayEquals(out[0], out[1]);
    assertEquals(SINE_RMS * Math.sqrt(0.5), rms(out[0]), 1e-4);
  }

  @Test
  void panKeepsThePowerConstant() {
    for (double pan : new double[] {-1, -0.5, 0.3, 1}) {
      float[][] out = play(oneSine(Track.of("t", "s").withPan(pan)), 69);
      double theta = (pan + 1) * Math.PI / 4;
      assertEquals(SINE_RMS * Math.cos(theta), rms(out[0]), 1e-4, "left at pan " + pan);
      assertEquals(SINE_RMS * Math.sin(theta), rms(out[1]), 1e-4, "right at pan " + pan);
      double power = Math.pow(rms(out[0]), 2) + Math.pow(rms(out[1]), 2);
      assertEquals(SINE_RMS * SINE_RMS, power, 1e-6, "power at pan " + pan);
    }
    assertEquals(0, Signals.peak(play(oneSine(Track.of("t", "s").withPan(-1)), 69)[1]), "hard left: nothing right");
    assertEquals(0, Signals.peak(play(oneSine(Track.of("t", "s").withPan(1)), 69)[0]), "hard right: nothing left");
  }

  @Test
  void faderGainIsInDecibels() {
    float[][] flat = play(oneSine(Track.of("t", "s").withPan(-1)), 69);
    float[][] down = play(oneSine(Track.of("t", "s").withPan(-1).withGain(-6)), 69);
    assertEquals(Math.pow(10, -6 / 20.0), rms(down[0]) / rms(flat[0]), 1e-5);
  }

  @Test
  void muteSilencesAndSoloSilencesTheOthers() {
    float[][] muted = play(oneSine(Track.of("t", "s").withMute(true)), 69);
    assertEquals(0, Signals.peak(muted[0]) + Signals.peak(muted[1]));

    Graph two = Graph.of(List.of(new Node("a", TestModules.SINE), new Node("b", TestModules.SINE)), List.of(),
        List.of(Track.of("a", "a"), Track.of("b", "b").withSolo(true)));
    float[] left = play(two, 69, 76)[0];
    float[] steady = Arrays.copyOfRange(left, RATE / 4, RATE);
    double e5 = 440 * Math.pow(2, 7 / 12.0);
    assertEquals(e5, Signals.peakFrequency(steady, RATE), 0.5, "only the soloed track");
    double[] w = Signals.hann(steady);
    assertTrue(Signals.magnitude(w, 440, RATE) < 1e-6, "the other track is silent");
  }

  @Test
  void sendsAreSummedThroughTheBusChainIntoTheMaster() {
    Graph g = new Graph(
        List.of(new Node("s", TestModules.SINE), new Node("fx", TestModules.GAIN, Map.of("gain", -6.0))),
        List.of(),
        List.of(Track.of("t", "s").withPan(-1).withSends(new Send("room", -6))),
        List.of(new Bus("room", List.of("fx"), 0)),
        Master.DEFAULT);
    float[][] out = play(g, 69);
    double send = Math.pow(10, -6 / 20.0);
    assertEquals(SINE_RMS * (1 + send * send), rms(out[0]), 1e-4, "dry plus the -12 dB return");
    assertEquals(0, Signals.peak(out[1]), "post-fader send keeps the pan");
  }

  @Test
  void masterGainScalesEverything() {
    Graph g = new Graph(List.of(new Node("s", TestModules.SINE)), List.of(),
        List.of(Track.of("t", "s").withPan(-1)), List.of(), new Master(List.of(), -12));
    assertEquals(SINE_RMS * Math.pow(10, -12 / 20.0), rms(play(g, 69)[0]), 1e-4);
  }

  @Test
  void aNewMixGlidesOverOneBlockThenHolds() {
    Graph g = oneSine(Track.of("t", "s").withPan(-1));
    int block = 128;
    try (Rendering r = new Rendering(g, block)) {
      r.ring.noteOn(0, 0, 1, 69, 1f);
      float[] before = r.render(RATE / 2)[0];
      r.engine.submit(r.plan.mix(oneSine(Track.of("t", "s").withPan(-1).withGain(-20))));
      float[] after = r.render(RATE / 2)[0];
      double ratio = Signals.rms(after, block, after.length) / Signals.rms(before, RATE / 4, before.length);
      assertEquals(0.1, ratio, 1e-4, "-20 dB after the glide");
      double jump = 0;
      for (int i = 1; i < block; i++) {
        jump = Math.max(jump, Math.abs(after[i] - after[i - 1]));
      }
      assertTrue(jump < 0.02, "no click while gliding: largest step " + jump);
    }
  }

  @Test
  void aMixForOtherTracksIsRefused() {
    try (Rendering r = new Rendering(oneSine(Track.of("t", "s")), 64)) {
      GraphException e = org.junit.jupiter.api.Assertions.assertThrows(GraphException.class,
          () -> r.plan.mix(oneSine(Track.of("u", "s"))));
      assertEquals("track 0 of the mix ('u') does not match the plan's ('t') or its sends differ", e.getMessage());
    }
  }
}

package org.patchwork.dsp.effects.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.effects.internal.Signal.RATE;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class DelayTest {

  private static int sync(String division) {
    return Arrays.asList(Delay.DIVISIONS).indexOf(division);
  }

  /** Wet only, no damping: the echoes of an impulse are single samples. */
  private static ModuleHarness dry(double feedback) {
    return Signal.harness(new Delay(), Delay.DESCRIPTOR)
        .set("feedback", feedback).set("damping", 0).set("mix", 1);
  }

  @Test
  void aQuarterNoteAt120BpmEchoesEvery24000FramesWithHeightsFeedbackToTheN() {
    double fb = 0.6;
    float[][] out = dry(fb).set("sync", sync("1/4"))
        .input("in", Signal.mono(Signal.impulse(1))).render(5 * 24_000 + 100);
    for (int ch = 0; ch < 2; ch++) {
      for (int i = 0; i < out[ch].length; i++) {
        int n = i / 24_000;
        double expected = i % 24_000 == 0 && n >= 1 ? Math.pow(fb, n - 1) : 0;
        assertEquals(expected, out[ch][i], 1e-6, "channel " + ch + " frame " + i);
      }
    }
    System.out.printf("delay 1/4 @120: echoes at 24000, 48000, 72000 of %.6f %.6f %.6f%n",
        out[0][24_000], out[0][48_000], out[0][72_000]);
  }

  @ParameterizedTest
  @CsvSource({"1/1, 96000", "1/2., 72000", "1/4T, 16000", "1/8., 18000", "1/16T, 4000", "1/32, 3000"})
  void noteValuesIncludingDottedAndTripletGiveTheirFrameCounts(String division, int frames) {
    float[] out = dry(0).set("sync", sync(division))
        .input("in", Signal.mono(Signal.impulse(1))).render(frames + 10)[0];
    assertEquals(frames, Signals.onset(out, 0.5), division);
  }

  @Test
  void syncedTimeFollowsTheTransportTempo() {
    Delay delay = new Delay();
    DirectContext ctx = new DirectContext(delay, Delay.DESCRIPTOR, RATE, 128);
    ctx.tempo = 90;
    ctx.parameters[Delay.SYNC] = sync("1/8");
    ctx.parameters[Delay.MIX] = 1;
    ctx.parameters[Delay.DAMPING] = 0;
    float[][] out = ctx.render(Signal.mono(Signal.impulse(20_000)), 128);
    // An eighth at 90 BPM is 1/3 s.
    assertEquals(16_000, Signals.onset(out[0], 0.5));
  }

  @Test
  void aFractionalTimeKeepsTheEchoCentredBetweenFrames() {
    double ms = 123.4567;
    float[] out = dry(0).set("time", ms).input("in", Signal.mono(Signal.impulse(1))).render(7000)[0];
    double centre = Signal.centroid(out, 5000, 7000);
    System.out.printf("delay %.4f ms: echo centre %.4f frames (exact %.4f)%n", ms, centre, ms * 48);
    assertEquals(ms * 48, centre, 1e-3);
  }

  @Test
  void pingPongAlternatesChannels() {
    double fb = 0.5;
    float[][] out = dry(fb).set("sync", sync("1/4")).set("pingpong", 1)
        .input("in", Signal.mono(Signal.impulse(1))).render(4 * 24_000 + 10);
    for (int n = 1; n <= 4; n++) {
      int side = n % 2 == 1 ? 0 : 1;
      assertEquals(Math.pow(fb, n - 1), out[side][n * 24_000], 1e-6, "echo " + n);
      assertEquals(0, out[1 - side][n * 24_000], 1e-9, "echo " + n + " on the other side");
    }
  }

  /** The loop low-pass has unit gain at DC: each echo keeps its area fb^(n−1) but is smeared. */
  @Test
  void dampingSmearsLaterEchoesButKeepsTheirArea() {
    double fb = 0.8;
    float[] out = dry(fb).set("sync", sync("1/4")).set("damping", 0.7)
        .input("in", Signal.mono(Signal.impulse(1))).render(4 * 24_000 + 2000)[0];
    assertEquals(1, out[24_000], 1e-6, "the first echo has not been through the loop yet");
    for (int n = 2; n <= 4; n++) {
      int at = n * 24_000;
      double area = 0;
      double peak = 0;
      for (int i = at - 10; i < at + 2000; i++) {
        area += out[i];
        peak = Math.max(peak, out[i]);
      }
      System.out.printf("damped echo %d: area %.4f (fb^n %.4f), peak %.4f%n", n, area, Math.pow(fb, n - 1), peak);
      assertEquals(Math.pow(fb, n - 1), area, 2e-3);
      assertTrue(peak < 0.5 * Math.pow(fb, n - 1));
    }
  }

  /**
   * A new time is reached by gliding the read position: the wet sine bends but never jumps
   * (a hard switch would step by up to 2), and once settled it is the input exactly 200 ms late.
   */
  @Test
  void changingTheTimeGlidesWithoutAClickAndSettlesOnTheNewTime() {
    double hz = 440;
    float[] sine = Signal.sine(hz, 4 * RATE);
    ModuleHarness h = dry(0).set("time", 300).input("in", Signal.mono(sine));
    float[] before = h.render(RATE)[0];
    h.set("time", 200);
    float[] after = h.render(3 * RATE)[0];
    double steady = 2 * Math.PI * hz / RATE;
    double worst = Math.abs(after[0] - before[RATE - 1]);
    for (int i = 1; i < after.length; i++) {
      worst = Math.max(worst, Math.abs(after[i] - after[i - 1]));
    }
    System.out.printf("delay glide 300 -> 200 ms: largest step %.4f (steady sine %.4f)%n", worst, steady);
    assertTrue(worst < 3 * steady, "largest step " + worst);
    for (int i = 2 * RATE; i < 3 * RATE; i++) {
      assertEquals(sine[RATE + i - 9600], after[i], 1e-4, "frame " + i);
    }
  }
}

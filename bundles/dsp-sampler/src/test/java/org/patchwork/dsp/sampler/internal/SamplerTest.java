package org.patchwork.dsp.sampler.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.patchwork.dsp.sampler.internal.Fixtures.RATE;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.dsp.sampler.data.Sample;
import org.patchwork.dsp.sampler.data.SampleSet;
import org.patchwork.dsp.sampler.data.Zone;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SamplerTest {

  /**
   * A 441 Hz sine recorded at 44.1 kHz, root 60, played at 48 kHz: key 60 sounds at 441 Hz and
   * key 72 at 882 Hz (increments 0.919 and 1.838, the second through the half-band bank).
   */
  @ParameterizedTest
  @ValueSource(ints = {60, 72, 48})
  void aKeyPlaysTheZoneTransposedFromItsRoot(int key) {
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(Fixtures.sineSample(44_100, 100)),
        Fixtures.loopedSine(0, 60, 100)));
    h.noteOn(0, key, 1f);
    float[] out = h.render(2 * RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, RATE / 10, out.length), RATE);
    double expected = 441 * Math.pow(2, (key - 60) / 12.0);
    double cents = Fixtures.cents(hz, expected);
    System.out.printf("sampler key %d: %.4f Hz, expected %.4f, error %.5f cent%n", key, hz, expected, cents);
    assertEquals(0, cents, 0.1);
  }

  @Test
  void velocitySelectsTheZone() {
    SampleSet set = Fixtures.set(List.of(Fixtures.sineSample(RATE, 160), Fixtures.sineSample(RATE, 64)),
        Fixtures.loopedSine(0, 60, 160).withVelocities(0, 63),
        Fixtures.loopedSine(1, 60, 64).withVelocities(64, 127));
    for (float velocity : new float[] {0.3f, 0.9f}) {
      ModuleHarness h = Fixtures.harness(set);
      h.noteOn(0, 60, velocity);
      float[] out = h.render(RATE)[0];
      double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 4800, out.length), RATE);
      double expected = velocity < 0.5 ? 300 : 750;
      System.out.printf("sampler velocity %.1f (MIDI %d): %.3f Hz%n", velocity, Math.round(velocity * 127), hz);
      assertEquals(expected, hz, 0.05);
    }
  }

  /**
   * 1000 frames of noise looped over [200, 700): long after the sample's end the output still
   * sounds, and repeats every 500 frames exactly (the best autocorrelation lag is 500).
   */
  @Test
  void aForwardLoopRepeatsPastTheEndWithItsPeriod() {
    float[] noise = new float[1000];
    long seed = 42;
    for (int i = 0; i < noise.length; i++) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      noise[i] = (float) ((seed >>> 40) / (double) (1L << 24) - 0.5);
    }
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(new Sample(RATE, noise)),
        Zone.of(0, 60).withLoop(Zone.Loop.FORWARD, 200, 700)));
    h.noteOn(0, 60, 1f);
    float[] out = h.render(RATE)[0];
    double early = Signals.rms(out, 0, 1000);
    double late = Signals.rms(out, 40_000, 48_000);
    int bestLag = 0;
    double best = -1;
    for (int lag = 100; lag <= 1000; lag++) {
      double sum = 0;
      for (int i = 20_000; i < 30_000; i++) {
        sum += out[i] * out[i + lag];
      }
      if (sum > best) {
        best = sum;
        bestLag = lag;
      }
    }
    double worst = 0;
    for (int i = 20_000; i < 40_000; i++) {
      worst = Math.max(worst, Math.abs(out[i] - out[i + 500]));
    }
    System.out.printf("forward loop: rms %.4f early, %.4f after 0.8 s; period %d; |x[n] − x[n+500]| ≤ %.2e%n",
        early, late, bestLag, worst);
    assertTrue(late > 0.5 * early, "still sounding long after the sample's end");
    assertEquals(500, bestLag);
    assertTrue(worst < 1e-5, "repeats exactly");
  }

  /**
   * A ramp n/1000 over 1000 frames, ping-pong loop [200, 800): after frame 799 it descends at
   * −1/1000 per frame down to 0.2, then climbs again; the period is 2·(600 − 1) = 1198 frames.
   */
  @Test
  void aPingPongLoopPlaysBackwardsOnTheWayBack() {
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(new Sample(RATE, Fixtures.ramp(1000))),
        Zone.of(0, 60).withLoop(Zone.Loop.PING_PONG, 200, 800)));
    h.set("level", 1);
    h.noteOn(0, 60, 1f);
    float[] out = h.render(10_000)[0];
    // The turning points of the third period: the peak near 799 + 2·1198, the trough 599 later.
    int peak = argMax(out, 3000, 3400);
    int trough = argMin(out, 3400, 4200);
    double down = (out[peak + 400] - out[peak + 200]) / 200;
    double up = (out[trough + 400] - out[trough + 200]) / 200;
    int nextPeak = argMax(out, peak + 1000, peak + 1400);
    System.out.printf("ping-pong: peak %.4f at %d, trough %.4f at %d, slopes %.6f / %.6f, period %d%n",
        out[peak], peak, out[trough], trough, down, up, nextPeak - peak);
    assertEquals(799 + 2 * 1198, peak, 2);
    assertEquals(599, trough - peak, 2);
    assertEquals(1198, nextPeak - peak);
    assertEquals(-0.001, down, 2e-5);
    assertEquals(0.001, up, 2e-5);
    assertEquals(0.799, out[peak], 0.01);
    assertEquals(0.2, out[trough], 0.01);
  }

  @Test
  void releaseEndsTheVoice() {
    ModuleHarness h = new ModuleHarness(new Sampler(), Sampler.DESCRIPTOR, RATE, 64).set("release", 100);
    int id = h.noteOn(0, 60, 1f);
    h.noteOff(24_000, 60, id);
    float[] out = h.render(RATE)[0];
    int last = out.length - 1;
    while (last > 0 && out[last] == 0) {
      last--;
    }
    double held = Signals.rms(out, 23_000, 24_000);
    double late = Signals.rms(out, 27_800, 28_800);
    System.out.printf("release 100 ms: last sound at frame %d (release from 24000), level %.1f dB in its last 1000 frames%n",
        last, 20 * Math.log10(late / held));
    assertEquals(24_000 + 4_800 - 1, last, 1);
    assertTrue(late < 1e-3 * held, "falls by more than 60 dB");
  }

  @Test
  void silentUntilANoteIsPlayed() {
    ModuleHarness h = new ModuleHarness(new Sampler(), Sampler.DESCRIPTOR, RATE, 64);
    float[][] out = h.render(RATE);
    assertEquals(0, Signals.peak(out[0]));
    assertEquals(0, Signals.peak(out[1]));
  }

  /** The factory set sounds at the key's pitch with nothing restored, and its loop sustains. */
  @ParameterizedTest
  @ValueSource(ints = {40, 60, 69, 90})
  void theFactorySetPlaysInTune(int key) {
    ModuleHarness h = new ModuleHarness(new Sampler(), Sampler.DESCRIPTOR, RATE, 64);
    h.noteOn(0, key, 1f);
    float[] out = h.render(3 * RATE)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, RATE, out.length), RATE);
    double cents = Fixtures.cents(hz, 440 * Math.pow(2, (key - 69) / 12.0));
    double sustained = Signals.rms(out, 2 * RATE, 3 * RATE);
    System.out.printf("factory key %d: %.3f Hz (%.3f cent), peak %.3f, sustained rms %.3f%n",
        key, hz, cents, Signals.peak(out), sustained);
    assertEquals(0, cents, 0.1);
    assertTrue(sustained > 0.03, "the loop sustains");
    assertTrue(Signals.peak(out) < 1);
  }

  @Test
  void aStolenVoiceFadesAndTheNewNotesSound() {
    SampleSet set = Fixtures.set(List.of(Fixtures.sineSample(RATE, 160), Fixtures.sineSample(RATE, 100),
            Fixtures.sineSample(RATE, 64)),
        Fixtures.loopedSine(0, 60, 160).withKeys(60, 60),
        Fixtures.loopedSine(1, 61, 100).withKeys(61, 61),
        Fixtures.loopedSine(2, 62, 64).withKeys(62, 62));
    ModuleHarness h = Fixtures.harness(set).set("voices", 2);
    h.noteOn(0, 60, 1f);
    h.noteOn(4800, 61, 1f);
    h.noteOn(9600, 62, 1f);
    float[] out = h.render(RATE)[0];
    double[] late = Signals.hann(Arrays.copyOfRange(out, 12_000, RATE));
    double first = Signals.magnitude(late, 300, RATE);
    double second = Signals.magnitude(late, 480, RATE);
    double third = Signals.magnitude(late, 750, RATE);
    System.out.printf("stealing, 2 voices: 300 Hz %.2e, 480 Hz %.2e, 750 Hz %.2e%n", first, second, third);
    assertTrue(first < 1e-4 * third, "the oldest note was stolen");
    assertTrue(second > 0.5 * third, "the other two sound");
    // The fade-out: no jump larger than the sines' own steps where the third note starts.
    double jump = 0;
    for (int i = 9590; i < 9800; i++) {
      jump = Math.max(jump, Math.abs(out[i + 1] - out[i]));
    }
    assertTrue(jump < 0.08, "stolen without a click: largest step " + jump);
  }

  @Test
  void theLowPassFiltersAndItsEnvelopeOpensIt() {
    SampleSet set = Fixtures.set(List.of(Fixtures.sineSample(RATE, 12)), Fixtures.loopedSine(0, 60, 12));
    ModuleHarness open = Fixtures.harness(set);
    open.noteOn(0, 60, 1f);
    double full = Signals.rms(open.render(RATE / 2)[0], 4800, RATE / 2);
    ModuleHarness closed = Fixtures.harness(set).set("cutoff", 500);
    closed.noteOn(0, 60, 1f);
    double low = Signals.rms(closed.render(RATE / 2)[0], 4800, RATE / 2);
    ModuleHarness swept = Fixtures.harness(set).set("cutoff", 500).set("filter_env", 4).set("filter_decay", 300);
    swept.noteOn(0, 60, 1f);
    float[] sweep = swept.render(RATE)[0];
    double dB = 20 * Math.log10(low / full);
    double opening = 20 * Math.log10(Signals.rms(sweep, 48, 288) / Signals.rms(sweep, 40_000, 48_000));
    System.out.printf("4 kHz through a 500 Hz low-pass: %.1f dB; filter envelope +4 oct: first 5 ms %.1f dB over the end%n",
        dB, opening);
    assertEquals(-36, dB, 4, "12 dB per octave, three octaves above the cutoff");
    assertTrue(opening > 25, "the envelope opens the filter at the start");
  }

  @Test
  void aStereoZonePlaysBothChannels() {
    Sample stereo = new Sample(RATE, Fixtures.sine(300, RATE, 4800), Fixtures.sine(750, RATE, 4800));
    ModuleHarness h = Fixtures.harness(Fixtures.set(List.of(stereo),
        Zone.of(0, 60).withLoop(Zone.Loop.FORWARD, 0, 4800)));
    h.noteOn(0, 60, 1f);
    float[][] out = h.render(RATE);
    double left = Signals.peakFrequency(Arrays.copyOfRange(out[0], 4800, RATE), RATE);
    double right = Signals.peakFrequency(Arrays.copyOfRange(out[1], 4800, RATE), RATE);
    assertEquals(300, left, 0.05);
    assertEquals(750, right, 0.05);
  }

  @Test
  void blockSizeAndResetChangeNoBytes() {
    float[] reference = null;
    for (int block : new int[] {1, 64, 100, 512}) {
      Sampler s = new Sampler();
      ModuleHarness h = new ModuleHarness(s, Sampler.DESCRIPTOR, RATE, block).set("filter_env", 3);
      for (int pass = 0; pass < 2; pass++) {
        int a = h.noteOn(10, 60, 1f);
        h.noteOn(3333, 67, 0.5f);
        h.noteOff(20_000, 60, a);
        float[] out = h.render(RATE)[0];
        if (reference == null) {
          reference = out;
        }
        assertArrayEquals(reference, out, "block " + block + ", pass " + pass);
        h.reset();
      }
    }
  }

  private static int argMax(float[] x, int from, int to) {
    int best = from;
    for (int i = from; i < to; i++) {
      if (x[i] > x[best]) {
        best = i;
      }
    }
    return best;
  }

  private static int argMin(float[] x, int from, int to) {
    int best = from;
    for (int i = from; i < to; i++) {
      if (x[i] < x[best]) {
        best = i;
      }
    }
    return best;
  }
}

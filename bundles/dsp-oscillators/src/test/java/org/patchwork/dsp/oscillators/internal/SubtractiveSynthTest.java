package org.patchwork.dsp.oscillators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class SubtractiveSynthTest {

  private static final int RATE = 48_000;

  private static ModuleHarness harness(int block) {
    return new ModuleHarness(new SubtractiveSynth(), SubtractiveSynth.DESCRIPTOR, RATE, block);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 64, 100})
  void notesStartAtTheirEventFrame(int block) {
    ModuleHarness h = harness(block);
    h.noteOn(1000, 60, 1f);
    h.noteOn(5003, 67, 1f);
    float[] both = h.render(RATE / 4)[0];
    ModuleHarness one = harness(block);
    one.noteOn(1000, 60, 1f);
    float[] first = one.render(RATE / 4)[0];

    for (int i = 0; i < 1000; i++) {
      assertEquals(0f, both[i], "silence before the first note, frame " + i);
    }
    assertNotEquals(0f, both[1000], "the first note sounds at frame 1000");
    int differs = 0;
    while (differs < both.length && both[differs] == first[differs]) {
      differs++;
    }
    assertEquals(5003, differs, "the second note changes the output from frame 5003 on");
  }

  /**
   * Control points sit on the song clock, not on block edges, so the block size changes the
   * output only by rounding (voices are paired and summed per call, and calls end at block
   * edges): less than a millionth of the peak, −120 dB.
   */
  @Test
  void blockSizeChangesNothingAudible() {
    float[] reference = null;
    for (int block : new int[] {1, 64, 100, 512}) {
      ModuleHarness h = harness(block).set("lfo_keytrack", 0.001);
      int a = h.noteOn(333, 60, 1f);
      h.noteOn(4_321, 67, 0.7f);
      h.noteOff(20_000, 60, a);
      float[] out = h.render(RATE)[0];
      if (reference == null) {
        reference = out;
        continue;
      }
      double worst = 0;
      for (int i = 0; i < out.length; i++) {
        worst = Math.max(worst, Math.abs(out[i] - reference[i]));
      }
      assertTrue(worst < 1e-6 * Signals.peak(reference), "block " + block + " differs by " + worst);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {45, 57, 69})
  void aHeldNoteSoundsAtItsPitch(int key) {
    ModuleHarness h = harness(64).set("lfo_depth", 0);
    h.noteOn(0, key, 1f);
    float[] out = h.render(RATE + 9600)[0];
    double hz = Signals.peakFrequency(Arrays.copyOfRange(out, 9600, out.length), RATE);
    double cents = Spectrum.cents(hz, Spectrum.keyHz(key));
    System.out.printf("subtractive key %d: %.4f Hz, error %.5f cent%n", key, hz, cents);
    assertEquals(0, cents, 0.1);
  }

  /**
   * The LFO sweeps the cutoff, so the output level rises and falls at the LFO's rate:
   * lfo_rate + f·lfo_keytrack = 0.5 + 440/293.33 = 2 Hz for A4.
   */
  @Test
  void cutoffLfoRunsAtRatePlusKeyTracking() {
    ModuleHarness h = harness(64).set("lfo_rate", 0.5).set("lfo_keytrack", 1 / 293.333333)
        .set("lfo_depth", 500).set("cutoff", 900).set("resonance", 0.7);
    h.noteOn(0, 69, 1f);
    float[] out = h.render(9 * RATE)[0];
    int window = RATE / 100;
    float[] level = new float[out.length / window - 50];
    for (int k = 0; k < level.length; k++) {
      level[k] = (float) Signals.rms(out, (k + 50) * window, (k + 51) * window);
    }
    double mean = Signals.rms(out, 50 * window, out.length);
    for (int k = 0; k < level.length; k++) {
      level[k] -= (float) mean;
    }
    double hz = Signals.peakFrequency(level, 100);
    System.out.printf("subtractive cutoff LFO: level modulated at %.4f Hz (expected 2)%n", hz);
    assertEquals(2, hz, 0.02);
  }

  @Test
  void releaseRingsOutAndEndsInSilence() {
    ModuleHarness h = harness(64); // release 500 ms = 24 000 frames
    int id = h.noteOn(0, 57, 1f);
    h.noteOff(RATE / 2, 57, id);
    float[] out = h.render(2 * RATE)[0];
    int end = RATE / 2 + RATE / 2;
    double sustained = Signals.rms(out, RATE / 2 - 4800, RATE / 2);
    double halfway = Signals.rms(out, end - 12_000 - 2400, end - 12_000 + 2400);
    assertEquals(0.5, halfway / sustained, 0.05, "halfway through a linear release");
    assertTrue(Signals.rms(out, end - 480, end) > 0, "still ringing just before the end");
    for (int i = end; i < out.length; i++) {
      assertEquals(0f, out[i], "silent after the release, frame " + i);
    }
  }

  /** 256 notes of one key started together sum to exactly 256 times one note: all 256 play. */
  @Test
  void twoHundredFiftySixVoicesPlayAtOnce() {
    ModuleHarness many = harness(128).set("voices", 256).set("gain", 1);
    for (int v = 0; v < 256; v++) {
      many.noteOn(100, 60, 1f);
    }
    ModuleHarness one = harness(128).set("voices", 256).set("gain", 1);
    one.noteOn(100, 60, 1f);
    float[] sum = many.render(RATE / 2)[0];
    float[] single = one.render(RATE / 2)[0];
    for (int i = 0; i < sum.length; i++) {
      assertEquals(256 * single[i], sum[i], 1e-4 * (1 + Math.abs(256 * single[i])), "frame " + i);
    }
  }

  @Test
  void twoHundredFiftySixVoicesAtExtremeSettingsStayFinite() {
    ModuleHarness h = harness(100).set("voices", 256).set("resonance", 25).set("cutoff", 20000)
        .set("lfo_depth", 10000).set("lfo_rate", 50).set("lfo_keytrack", 1).set("attack", 0)
        .set("decay", 0).set("sustain", 1).set("release", 0).set("gain", 1);
    for (int v = 0; v < 256; v++) {
      int id = h.noteOn(v * 7, v % 128, 1f);
      if (v % 3 == 0) {
        h.noteOff(RATE / 2 + v, v % 128, id);
      }
    }
    float[] out = h.render(RATE)[0];
    assertTrue(Spectrum.finiteWithin(out, 1e4), "finite, bounded and without denormals");
    assertTrue(Signals.rms(out, 0, out.length) > 0.1, "and audible");
    h.set("wave", 1).set("cutoff", 20).set("resonance", 0.5);
    assertTrue(Spectrum.finiteWithin(h.render(RATE)[0], 1e4), "square, lowest cutoff");
  }

  @Test
  void stealsTheOldestVoiceWhenAllAreBusy() {
    ModuleHarness h = harness(64).set("voices", 2).set("lfo_depth", 0).set("cutoff", 5000);
    h.noteOn(0, 45, 1f);      // 110 Hz, the oldest
    h.noteOn(100, 57, 1f);    // 220 Hz
    h.noteOn(4800, 64, 1f);   // 329.6 Hz takes the 110 Hz voice
    float[] out = h.render(RATE)[0];
    double[] before = Signals.hann(Arrays.copyOfRange(out, 2400, 4800));
    double[] after = Signals.hann(Arrays.copyOfRange(out, 24_000, RATE));
    double stolenBefore = Signals.magnitude(before, 110, RATE);
    double stolenAfter = Signals.magnitude(after, 110, RATE);
    double kept = Signals.magnitude(after, 220, RATE);
    double added = Signals.magnitude(after, Spectrum.keyHz(64), RATE);
    assertTrue(stolenAfter < stolenBefore / 100, "110 Hz is gone: " + stolenBefore + " -> " + stolenAfter);
    assertTrue(kept > 100 * stolenAfter && added > 100 * stolenAfter, "220 and 329.6 Hz sound");
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = harness(100).set("lfo_keytrack", 0.0005);
    int a = h.noteOn(10, 60, 0.8f);
    h.noteOn(2000, 64, 0.5f);
    h.noteOff(20_000, 60, a);
    float[] first = h.render(RATE)[0];
    h.reset();
    a = h.noteOn(10, 60, 0.8f);
    h.noteOn(2000, 64, 0.5f);
    h.noteOff(20_000, 60, a);
    assertArrayEquals(first, h.render(RATE)[0]);
  }
}

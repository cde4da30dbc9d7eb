package org.patchwork.dsp.oscillators.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.module.AudioModule;
import org.patchwork.sdk.module.ModuleDescriptor;
import org.patchwork.sdk.testkit.ModuleHarness;
import org.patchwork.sdk.testkit.Signals;

class NoiseTest {

  private static final int RATE = 48_000;
  private static final int SEGMENT = 1 << 14;

  /** Renders from a note at frame 0: the noise, an instrument, is silent until played. */
  private static float[] render(AudioModule module, ModuleDescriptor d, double seed, int frames) {
    ModuleHarness h = new ModuleHarness(module, d, RATE, 256).set("level", 1).set("seed", seed);
    h.noteOn(0, 60, 1f);
    return h.render(frames)[0];
  }

  @Test
  void whiteNoiseIsUniformWithRmsOfOneOverRootThree() {
    float[] out = render(new WhiteNoise(), WhiteNoise.DESCRIPTOR, 7, 10 * RATE);
    double rms = Signals.rms(out, 0, out.length);
    double mean = 0;
    for (float x : out) {
      mean += x;
    }
    mean /= out.length;
    System.out.printf("white noise: RMS %.5f (expected %.5f), mean %.1e, peak %.5f%n",
        rms, 1 / Math.sqrt(3), mean, Signals.peak(out));
    assertEquals(1 / Math.sqrt(3), rms, 0.005 / Math.sqrt(3));
    assertEquals(0, mean, 0.005);
    assertTrue(Signals.peak(out) < 1 && Signals.peak(out) > 0.999);
  }

  /** White noise has equal power per hertz, so each octave band holds 3.01 dB more than the last. */
  @Test
  void whiteNoiseSpectrumIsFlat() {
    double[] bands = octaveBands(render(new WhiteNoise(), WhiteNoise.DESCRIPTOR, 3, 20 * RATE));
    for (int b = 1; b < bands.length; b++) {
      double step = 10 * Math.log10(bands[b] / bands[b - 1]);
      assertEquals(10 * Math.log10(2), step, 0.5, "octave " + b);
    }
  }

  /** Pink noise has power ∝ 1/f: every octave band holds the same power. */
  @Test
  void pinkNoiseFallsThreeDecibelsPerOctave() {
    float[] out = render(new PinkNoise(), PinkNoise.DESCRIPTOR, 3, 20 * RATE);
    double[] bands = octaveBands(out);
    StringBuilder report = new StringBuilder("pink noise octave bands from 50 Hz (dB re first):");
    double worst = 0;
    for (double band : bands) {
      double db = 10 * Math.log10(band / bands[0]);
      report.append(String.format(" %.2f", db));
      worst = Math.max(worst, Math.abs(db));
    }
    System.out.println(report);
    assertTrue(worst < 0.5, "octave bands within ±0.5 dB: " + report);
    double rms = Signals.rms(out, RATE, out.length);
    System.out.printf("pink noise: RMS %.4f (white %.4f)%n", rms, 1 / Math.sqrt(3));
    assertEquals(1 / Math.sqrt(3), rms, 0.03 / Math.sqrt(3), "normalised to white noise's RMS");
  }

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot() {
    for (boolean pink : new boolean[] {false, true}) {
      float[] a = pink ? render(new PinkNoise(), PinkNoise.DESCRIPTOR, 42, RATE)
          : render(new WhiteNoise(), WhiteNoise.DESCRIPTOR, 42, RATE);
      float[] b = pink ? render(new PinkNoise(), PinkNoise.DESCRIPTOR, 42, RATE)
          : render(new WhiteNoise(), WhiteNoise.DESCRIPTOR, 42, RATE);
      float[] c = pink ? render(new PinkNoise(), PinkNoise.DESCRIPTOR, 43, RATE)
          : render(new WhiteNoise(), WhiteNoise.DESCRIPTOR, 43, RATE);
      assertArrayEquals(a, b, "seed 42 twice, pink " + pink);
      assertFalse(Arrays.equals(a, c), "seeds 42 and 43, pink " + pink);
    }
  }

  @Test
  void resetReproducesTheOutputByteForByte() {
    ModuleHarness h = new ModuleHarness(new PinkNoise(), PinkNoise.DESCRIPTOR, RATE, 100).set("seed", 5);
    h.noteOn(130, 60, 1f);
    float[] first = h.render(RATE)[0];
    h.reset();
    h.noteOn(130, 60, 1f);
    assertArrayEquals(first, h.render(RATE)[0]);
    assertTrue(Signals.rms(first, 130, RATE) > 0.1, "the pink noise sounded");
    ModuleHarness w = new ModuleHarness(new WhiteNoise(), WhiteNoise.DESCRIPTOR, RATE, 100).set("seed", 0);
    w.noteOn(0, 60, 1f);
    float[] white = w.render(RATE)[0];
    w.reset();
    w.noteOn(0, 60, 1f);
    assertArrayEquals(white, w.render(RATE)[0]);
  }

  @Test
  void silentUntilTheFirstNoteThenStartsAtItsFrame() {
    for (boolean pink : new boolean[] {false, true}) {
      ModuleHarness h = pink ? new ModuleHarness(new PinkNoise(), PinkNoise.DESCRIPTOR, RATE, 64)
          : new ModuleHarness(new WhiteNoise(), WhiteNoise.DESCRIPTOR, RATE, 64);
      h.noteOn(1000, 60, 1f);
      float[] out = h.render(2000)[0];
      assertEquals(0, Signals.peak(Arrays.copyOfRange(out, 0, 1000)), "silent before the note, pink " + pink);
      assertTrue(out[1000] != 0f, "sounds from the note's frame, pink " + pink);
    }
  }

  /** Welch-averaged power (Hann, 50 % overlap) in the eight octaves from 50 Hz to 12.8 kHz. */
  private static double[] octaveBands(float[] signal) {
    double[] psd = new double[SEGMENT / 2 + 1];
    float[] segment = new float[SEGMENT];
    for (int from = RATE; from + SEGMENT <= signal.length; from += SEGMENT / 2) {
      System.arraycopy(signal, from, segment, 0, SEGMENT);
      double[] p = Signals.powerSpectrum(Signals.hann(segment));
      for (int k = 0; k < psd.length; k++) {
        psd[k] += p[k];
      }
    }
    double binHz = (double) RATE / SEGMENT;
    double[] bands = new double[8];
    for (int b = 0; b < bands.length; b++) {
      double lo = 50 * Math.pow(2, b);
      for (int k = (int) Math.ceil(lo / binHz); k < 2 * lo / binHz; k++) {
        bands[b] += psd[k];
      }
    }
    return bands;
  }
}

package org.patchwork.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every supported encoding decodes to the signal written, within its quantisation step. */
class AudioFilesTest {

  private static final int FRAMES = 1000;

  @ParameterizedTest
  @CsvSource({
      "1, 44100, 8, false, false", "2, 48000, 16, false, false", "2, 96000, 24, false, false",
      "1, 48000, 32, false, false", "2, 48000, 32, true, false", "1, 22050, 64, true, false",
      "2, 48000, 24, false, true", "6, 48000, 32, true, true", "1, 8000, 16, false, true"})
  void wavDecodesEveryEncoding(int channels, int rate, int bits, boolean isFloat, boolean extensible) {
    AudioData a = AudioFiles.read("t.wav", AudioFixtures.wav(channels, rate, bits, FRAMES, 3, isFloat, extensible));
    assertEquals("wav", a.container());
    assertEquals((isFloat ? "float" : "pcm") + bits, a.encoding());
    assertSignal(a, channels, rate, AudioFixtures.step(bits, isFloat));
  }

  @ParameterizedTest
  @CsvSource({",8", ",12", ",16", ",24", ",32", "NONE,16", "twos,24", "sowt,16", "sowt,24", "fl32,32", "fl64,64"})
  void aiffAndAifcDecodeEveryEncoding(String compression, int bits) {
    boolean isFloat = compression != null && compression.startsWith("fl");
    AudioData a = AudioFiles.read("t.aiff", AudioFixtures.aiff(2, 44100, bits, FRAMES, 5, compression));
    assertEquals("aiff", a.container());
    assertSignal(a, 2, 44100, AudioFixtures.step(bits, isFloat));
  }

  private static void assertSignal(AudioData a, int channels, int rate, double step) {
    assertEquals(channels, a.channels());
    assertEquals(rate, a.sampleRate());
    assertEquals(FRAMES, a.frames());
    double worst = 0;
    for (int c = 0; c < channels; c++) {
      for (int f = 0; f < FRAMES; f++) {
        worst = Math.max(worst, Math.abs(a.samples()[c][f] - expected(c, f, rate, a)));
      }
    }
    assertTrue(worst <= step * 1.01 + 1e-7, "error " + worst + " > step " + step);
  }

  private static double expected(int c, int f, int rate, AudioData a) {
    long seed = a.container().equals("wav") ? 3 : 5;
    return AudioFixtures.signal(c, f, rate, seed);
  }

  @Test
  void malformedFilesAreRefusedWithOneLineNamingTheProblem() {
    byte[] good = AudioFixtures.wav(2, 48000, 16, 100, 1);
    assertRefused(Arrays.copyOf(good, good.length - 10), "kick.wav: truncated: the RIFF header says 444 bytes but the file has 434");
    byte[] lying = good.clone();
    ByteBuffer.wrap(lying).order(ByteOrder.LITTLE_ENDIAN).putInt(4, lying.length + 100);
    assertRefused(lying, "kick.wav: truncated: the RIFF header says 552 bytes but the file has 444");
    byte[] longData = good.clone();
    ByteBuffer.wrap(longData).order(ByteOrder.LITTLE_ENDIAN).putInt(40, 401);
    assertRefused(longData, "kick.wav: truncated: the 'data' chunk says 401 bytes but only 400 follow");
    byte[] adpcm = good.clone();
    adpcm[20] = 2;
    assertRefused(adpcm, "kick.wav: WAV format 2 is not supported (only PCM and IEEE float; compressed WAV is not)");
    byte[] bits = good.clone();
    bits[34] = 12;
    assertRefused(bits, "kick.wav: PCM with 12 bits per sample is not supported (8, 16, 24 or 32)");
    byte[] noChannels = good.clone();
    noChannels[22] = 0;
    assertRefused(noChannels, "kick.wav: 0 channels (1 to 64 are supported)");
    assertRefused("hello".getBytes(), "kick.wav: not an audio file: only 5 bytes");
    assertRefused("ID3\u0004 lorem ipsum dolor".getBytes(), "kick.wav: not a WAV or AIFF file (it starts with 'ID3\\x04')");
    assertRefused("fLaC\0\0\0\"xxxxxxxxxxxxxxxxx".getBytes(), "kick.wav: FLAC is not supported: convert it to WAV or AIFF");
    byte[] aiff = AudioFixtures.aiff(1, 44100, 16, 100, 1, null);
    byte[] cut = Arrays.copyOf(aiff, aiff.length - 2);
    ByteBuffer.wrap(cut).putInt(4, cut.length - 8);
    assertRefused(cut, "kick.wav: truncated: the 'SSND' chunk says 208 bytes but only 206 follow");
    byte[] ulaw = AudioFixtures.aiff(1, 44100, 16, 10, 1, "ulaw");
    assertRefused(ulaw, "kick.wav: AIFC compression 'ulaw' is not supported (NONE, twos, sowt, fl32, fl64)");
  }

  @Test
  void floatSamplesThatAreNotFiniteAreRefused() {
    byte[] f = AudioFixtures.wav(1, 48000, 32, 10, 1, true, false);
    ByteBuffer.wrap(f).order(ByteOrder.LITTLE_ENDIAN).putFloat(44 + 4 * 3, Float.NaN);
    assertRefused(f, "kick.wav: sample 3 of channel 0 is not a finite number (or too large): NaN");
  }

  private static void assertRefused(byte[] bytes, String message) {
    ProjectFormatException e = assertThrows(ProjectFormatException.class, () -> AudioFiles.read("kick.wav", bytes));
    assertEquals(message, e.getMessage());
  }
}

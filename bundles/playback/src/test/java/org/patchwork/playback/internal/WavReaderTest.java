package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.patchwork.engine.WavFormat;
import org.patchwork.engine.WavWriter;

/** The audition's WAV reader: exact decoding of every supported format, clean refusal of the rest. */
class WavReaderTest {

  @TempDir
  Path dir;

  private byte[] written(WavFormat format, int channels, float[][] samples) throws Exception {
    Path p = dir.resolve(format + "-" + channels + ".wav");
    try (WavWriter w = WavWriter.create(p, format, 44_100, channels)) {
      w.write(samples, samples[0].length);
      w.commit();
    }
    return Files.readAllBytes(p);
  }

  private static float[][] ramp(int channels, int frames) {
    float[][] s = new float[channels][frames];
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < frames; i++) {
        s[c][i] = (float) Math.sin(0.01 * i + c) * 0.9f;
      }
    }
    return s;
  }

  @ParameterizedTest
  // The writer scales by 2^(n-1)-1 and the reader by 2^(n-1) (so the most negative code is -1):
  // a relative error of 2^(1-n) on top of half a step of rounding.
  @CsvSource({"PCM_16, 1, 6.2e-5", "PCM_16, 2, 6.2e-5", "PCM_24, 1, 2.4e-7", "PCM_24, 2, 2.4e-7",
      "FLOAT_32, 1, 0", "FLOAT_32, 2, 0"})
  void readsWhatTheEngineWrites(WavFormat format, int channels, double tolerance) throws Exception {
    float[][] s = ramp(channels, 1001); // odd, so 24-bit mono has a pad byte
    WavReader.Audio a = WavReader.decode(written(format, channels, s));
    assertEquals(44_100, a.sampleRate());
    assertEquals(channels, a.channels());
    assertEquals(1001, a.frames());
    for (int c = 0; c < channels; c++) {
      for (int i = 0; i < 1001; i++) {
        assertEquals(s[c][i], a.samples()[c][i], tolerance, "channel " + c + " frame " + i);
      }
    }
  }

  /** A canonical file built by hand: any format tag, bits and extra chunks. */
  private static byte[] wav(int tag, int channels, int rate, int bits, byte[] data, boolean extensible, boolean junk) {
    int fmt = extensible ? 40 : 16;
    ByteBuffer b = ByteBuffer.allocate(12 + (junk ? 14 : 0) + 8 + fmt + 8 + data.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put("RIFF".getBytes()).putInt(b.capacity() - 8).put("WAVE".getBytes());
    if (junk) {
      b.put("LIST".getBytes()).putInt(5).put(new byte[] {1, 2, 3, 4, 5, 0}); // odd: one pad byte
    }
    b.put("fmt ".getBytes()).putInt(fmt).putShort((short) (extensible ? 0xFFFE : tag)).putShort((short) channels)
        .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
    if (extensible) {
      b.putShort((short) 22).putShort((short) bits).putInt(0).putShort((short) tag).put(new byte[14]);
    }
    b.put("data".getBytes()).putInt(data.length).put(data);
    return b.array();
  }

  @Test
  void readsEightAndThirtyTwoBitPcmAndExtensibleFilesAfterOtherChunks() {
    WavReader.Audio eight = WavReader.decode(wav(1, 1, 8000, 8, new byte[] {(byte) 0, (byte) 128, (byte) 192}, false, true));
    assertEquals("[-1.0, 0.0, 0.5]", Arrays.toString(eight.samples()[0]));
    ByteBuffer d = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(Integer.MIN_VALUE).putInt(1 << 30);
    WavReader.Audio pcm32 = WavReader.decode(wav(1, 2, 96_000, 32, d.array(), true, false));
    assertEquals(96_000, pcm32.sampleRate());
    assertEquals(-1f, pcm32.samples()[0][0]);
    assertEquals(0.5f, pcm32.samples()[1][0]);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2 | 1 | 48000  | 16 | sample format 2 is not supported",
      "1 | 3 | 48000  | 16 | 3 channels: only mono and stereo are supported",
      "1 | 1 | 4000   | 16 | sample rate 4000 Hz is outside 8000..384000",
      "3 | 1 | 48000  | 64 | 64-bit float is not supported",
      "1 | 1 | 48000  | 12 | 12-bit PCM is not supported"})
  void refusesFormatsItDoesNotRead(int tag, int channels, int rate, int bits, String message) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WavReader.decode(wav(tag, channels, rate, bits, new byte[64], false, false)));
    assertTrue(e.getMessage().startsWith(message), e.getMessage());
  }

  @Test
  void refusesNonFiniteFloatsAndTruncatedData() {
    ByteBuffer nan = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putFloat(0.5f).putFloat(Float.NaN);
    assertEquals("sample 1 of channel 0 is not a finite number", assertThrows(IllegalArgumentException.class,
        () -> WavReader.decode(wav(3, 1, 48_000, 32, nan.array(), false, false))).getMessage());
    byte[] whole = wav(1, 1, 48_000, 16, new byte[100], false, false);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WavReader.decode(Arrays.copyOf(whole, whole.length - 1)));
    assertTrue(e.getMessage().startsWith("chunk 'data' at byte 36 claims 100 bytes but the file ends after 99"),
        e.getMessage());
  }

  /**
   * Thousands of damaged files, seeded so a failure can be replayed: bytes of the header
   * flipped or overwritten with boundary values, files cut short, chunk sizes replaced. The
   * reader either decodes finite samples or refuses with a message; nothing else may escape.
   */
  @Test
  void survivesMutatedHeadersAndTruncations() throws Exception {
    byte[][] seeds = {
        written(WavFormat.PCM_16, 2, ramp(2, 64)), written(WavFormat.PCM_24, 1, ramp(1, 65)),
        written(WavFormat.FLOAT_32, 2, ramp(2, 33)),
        wav(1, 2, 8000, 32, new byte[64], true, true), wav(1, 1, 8000, 8, new byte[9], false, true)};
    Random random = new Random(20_251_124);
    int decoded = 0;
    int refused = 0;
    for (int round = 0; round < 20_000; round++) {
      byte[] seed = seeds[round % seeds.length];
      byte[] file = seed.clone();
      int mutations = 1 + random.nextInt(4);
      for (int m = 0; m < mutations; m++) {
        int header = Math.min(file.length, 80);
        if (header == 0) {
          break;
        }
        switch (random.nextInt(5)) {
          case 0 -> file[random.nextInt(header)] ^= (byte) (1 << random.nextInt(8));
          case 1 -> file[random.nextInt(header)] = (byte) new int[] {0, 0xFF, 0x7F, 0x80, 1}[random.nextInt(5)];
          case 2 -> file = Arrays.copyOf(file, random.nextInt(file.length + 1));
          case 3 -> {
            if (file.length >= 8) {
              int at = random.nextInt(Math.min(file.length, 80) - 3);
              ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(at,
                  new int[] {0, -1, Integer.MAX_VALUE, Integer.MIN_VALUE, random.nextInt(), 16, 40}[random.nextInt(7)]);
            }
          }
          default -> {
            byte[] longer = Arrays.copyOf(file, file.length + random.nextInt(16));
            random.nextBytes(longer); // pure noise, sometimes
            file = random.nextInt(20) == 0 ? longer : file;
          }
        }
      }
      try {
        WavReader.Audio a = WavReader.decode(file);
        for (float[] ch : a.samples()) {
          for (float x : ch) {
            assertTrue(Float.isFinite(x), "round " + round);
          }
        }
        decoded++;
      } catch (IllegalArgumentException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isBlank() && !e.getMessage().contains("\n"),
            "round " + round + ": " + e);
        refused++;
      } catch (RuntimeException | Error e) {
        fail("round " + round + " threw " + e + " for " + Arrays.toString(Arrays.copyOf(file, Math.min(file.length, 80))), e);
      }
    }
    System.out.printf("WavReader fuzz: %d decoded, %d refused with a message%n", decoded, refused);
    assertTrue(decoded > 1000 && refused > 1000, decoded + " decoded, " + refused + " refused");
  }
}

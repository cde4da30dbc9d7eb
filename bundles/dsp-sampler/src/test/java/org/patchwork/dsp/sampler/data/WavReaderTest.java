package org.patchwork.dsp.sampler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WavReaderTest {

  /** Every encoding reads back within its quantisation step (2^-(bits−1)). */
  @ParameterizedTest
  @CsvSource({"1,8,false", "1,16,false", "1,24,false", "1,32,false", "3,32,false",
      "1,16,true", "1,24,true", "3,32,true"})
  void readsEveryEncodingMonoAndStereo(int format, int bits, boolean extensible) {
    float[] left = Wavs.signal(500, 0);
    float[] right = Wavs.signal(500, 0.5f);
    double step = format == 3 ? 0 : Math.pow(2, -(bits - 1));
    for (float[][] channels : new float[][][] {{left}, {left, right}}) {
      Sample s = WavReader.read(Wavs.write(format, bits, 44_100, extensible, channels));
      assertEquals(44_100, s.sampleRate());
      assertEquals(channels.length, s.channels());
      assertEquals(500, s.frames());
      for (int c = 0; c < channels.length; c++) {
        for (int i = 0; i < 500; i++) {
          assertEquals(channels[c][i], s.value(c, i), step * 0.51 + 1e-7, "frame " + i);
        }
      }
    }
  }

  @Test
  void skipsOtherChunksWithTheirPadByte() {
    byte[] plain = Wavs.write(1, 16, 48_000, false, Wavs.signal(10, 0));
    // A LIST chunk of odd size (5 + 1 pad byte) between fmt and data.
    byte[] list = {'L', 'I', 'S', 'T', 5, 0, 0, 0, 1, 2, 3, 4, 5, 0};
    byte[] wav = new byte[plain.length + list.length];
    System.arraycopy(plain, 0, wav, 0, 36);
    System.arraycopy(list, 0, wav, 36, list.length);
    System.arraycopy(plain, 36, wav, 36 + list.length, plain.length - 36);
    assertEquals(WavReader.read(plain), WavReader.read(wav));
  }

  @Test
  void dropsACutLastFrameAndToleratesAWrongRiffSize() {
    byte[] wav = Wavs.write(1, 16, 48_000, false, Wavs.signal(10, 0), Wavs.signal(10, 0.3f));
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4, 12345678);
    b.putInt(40, 10 * 4 - 2);
    assertEquals(9, WavReader.read(wav).frames());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "riff|not a RIFF/WAVE file",
      "format|encoding 2 is not supported",
      "bits|12-bit PCM is not supported",
      "float64|64-bit float is not supported",
      "channels|3 channels",
      "block|block size 3 disagrees",
      "rate|sample rate 100 Hz is outside",
      "truncated|truncated: chunk 'data' says 2000 bytes",
      "nodata|no data chunk",
      "empty|the data chunk holds no whole frame",
      "nan|is not finite"})
  void rejectsMalformedFilesWithAMessage(String damage, String message) {
    byte[] wav = Wavs.write(damage.equals("nan") || damage.equals("float64") ? 3 : 1,
        damage.equals("nan") ? 32 : 16, 48_000, false, Wavs.signal(10, 0));
    ByteBuffer b = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
    switch (damage) {
      case "riff" -> b.put(0, (byte) 'X');
      case "format" -> b.putShort(20, (short) 2);
      case "bits" -> b.putShort(34, (short) 12);
      case "float64" -> b.putShort(34, (short) 64);
      case "channels" -> b.putShort(22, (short) 3);
      case "block" -> b.putShort(32, (short) 3);
      case "rate" -> b.putInt(24, 100);
      case "truncated" -> b.putInt(40, 2000);
      case "nodata" -> wav = Arrays.copyOf(wav, 36);
      case "empty" -> b.putInt(40, 1);
      case "nan" -> b.putFloat(48, Float.NaN);
      default -> throw new AssertionError(damage);
    }
    byte[] bad = wav;
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WavReader.read(bad));
    assertTrue(e.getMessage().contains(message), e.getMessage());
    assertTrue(e.getMessage().startsWith("WAV: "), e.getMessage());
  }
}

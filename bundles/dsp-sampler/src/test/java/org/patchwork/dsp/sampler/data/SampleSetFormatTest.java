package org.patchwork.dsp.sampler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SampleSetFormatTest {

  /** Two samples (mono 40 frames, stereo 30 frames) and three zones. */
  static SampleSet example() {
    Sample mono = new Sample(44_100, Wavs.signal(40, 0));
    Sample stereo = new Sample(48_000, Wavs.signal(30, 0.2f), Wavs.signal(30, 0.7f));
    return new SampleSet(List.of(mono, stereo), List.of(
        Zone.of(0, 60).withKeys(0, 63).withVelocities(0, 90).withTuning(-12.5f, -3),
        Zone.of(1, 72).withKeys(64, 127).withLoop(Zone.Loop.FORWARD, 5, 25),
        Zone.of(1, 72).withKeys(64, 127).withVelocities(91, 127).withLoop(Zone.Loop.PING_PONG, 0, 30)));
  }

  @Test
  void roundTripsEveryField() {
    SampleSet set = example();
    byte[] bytes = SampleSetFormat.encode(set);
    assertEquals(12 + 3 * 24 + 12 + 40 * 4 + 12 + 30 * 8, bytes.length, "the documented layout");
    assertEquals(set, SampleSetFormat.decode(bytes));
    assertArrayEquals(bytes, SampleSetFormat.encode(SampleSetFormat.decode(bytes)));
  }

  /** Offsets into example()'s bytes: header 0, zones 12 (24 each), sample 0 at 84, sample 1 at 256. */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "0|i|0x53535751|bad magic",
      "4|s|2|unsupported version 2",
      "6|s|0|zone count 0 is outside",
      "8|s|300|sample count 300 is outside",
      "10|s|1|reserved header bytes",
      "12|s|7|zone 0 refers to sample 7 of 2",
      "14|b|70|zone 0: key range 70..63",
      "17|b|200|zone 0: velocity range 0..200",
      "18|b|128|zone 0: root key 128",
      "19|b|3|zone 0: unknown loop mode 3",
      "20|f|NaN|zone 0: fine tune NaN",
      "24|f|30|zone 0: gain 30.0 dB",
      "32|i|4|zone 0: a zone without loop has loop points 0, 0",
      "52|i|30|zone 1: loop 30..25 must start at 0 or later",
      "56|i|31|zone 1: loop 5..31 is outside sample 1 of 30 frames",
      "84|i|50|sample 0: sample rate 50 Hz",
      "88|b|3|sample 0: 3 channels",
      "89|b|1|sample 0: reserved bytes",
      "92|i|0|sample 0: 0 frames",
      "92|i|0x7fffffff|sample 0: 2147483647 frames is outside",
      "92|i|100000|truncated: the 100000 frames of sample 0 need 400000 bytes",
      "96|f|NaN|sample 0: value NaN at frame 0",
      "96|f|17|sample 0: value 17.0 at frame 0"})
  void rejectsEachBrokenRuleWithItsMessage(int offset, String type, String value, String message) {
    byte[] bytes = SampleSetFormat.encode(example());
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    switch (type) {
      case "i" -> b.putInt(offset, Integer.decode(value));
      case "s" -> b.putShort(offset, (short) Integer.parseInt(value));
      case "b" -> b.put(offset, (byte) Integer.parseInt(value));
      default -> b.putFloat(offset, Float.parseFloat(value));
    }
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleSetFormat.decode(bytes));
    assertTrue(e.getMessage().startsWith("sample set state: "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void rejectsTruncationAnywhereAndTrailingBytes() {
    byte[] bytes = SampleSetFormat.encode(example());
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleSetFormat.decode(cut));
      assertTrue(e.getMessage().contains("truncated") || length < 4, length + ": " + e.getMessage());
    }
    byte[] longer = Arrays.copyOf(bytes, bytes.length + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SampleSetFormat.decode(longer));
    assertTrue(e.getMessage().contains("1 unexpected bytes after the last sample"), e.getMessage());
  }
}

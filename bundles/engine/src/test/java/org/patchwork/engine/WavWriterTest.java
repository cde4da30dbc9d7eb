package org.patchwork.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

  private static final float[] SAMPLES = {0f, 1f, -1f, 0.5f, -0.5f, 2f, -3f, Float.NaN, 1f / 65534};

  private static Path write(Path file, WavFormat format, float[]... channels) throws IOException {
    try (WavWriter w = WavWriter.create(file, format, 48_000, channels.length)) {
      w.write(channels, channels[0].length);
      w.commit();
    }
    return file;
  }

  @Test
  void sixteenBitRoundsToNearestAndClipsWithoutDither(@TempDir Path dir) throws IOException {
    Wav wav = Wav.read(write(dir.resolve("a.wav"), WavFormat.PCM_16, SAMPLES));
    assertEquals(List.of(1, 1, 48_000, 16), List.of(wav.format(), wav.channels(), wav.sampleRate(), wav.bits()));
    short[] got = new short[SAMPLES.length];
    for (int i = 0; i < got.length; i++) {
      got[i] = wav.data().getShort(i * 2);
    }
    // 0.5 * 32767 = 16383.5 rounds to the even 16384; 1/65534 * 32767 = 0.5 rounds to 0.
    assertArrayEquals(new short[] {0, 32767, -32767, 16384, -16384, 32767, -32767, 0, 0}, got);
  }

  @Test
  void twentyFourBitIsThreeLittleEndianBytesPaddedToEvenLength(@TempDir Path dir) throws IOException {
    Path file = write(dir.resolve("b.wav"), WavFormat.PCM_24, new float[] {1f, -1f, 0.25f});
    Wav wav = Wav.read(file);
    int[] got = new int[3];
    for (int i = 0; i < 3; i++) {
      int v = (wav.data().get(i * 3) & 0xff) | (wav.data().get(i * 3 + 1) & 0xff) << 8 | wav.data().get(i * 3 + 2) << 16;
      got[i] = v;
    }
    assertArrayEquals(new int[] {8388607, -8388607, 2097152}, got);
    assertEquals(44 + 9 + 1, Files.size(file), "nine data bytes and one pad byte");
  }

  @Test
  void floatFilesCarryTheFormatTagAndAFactChunk(@TempDir Path dir) throws IOException {
    float[] left = {0.1f, -0.7f, 1.5f};
    float[] right = {0f, 0.25f, -2f};
    Path file = write(dir.resolve("c.wav"), WavFormat.FLOAT_32, left, right);
    Wav wav = Wav.read(file);
    assertEquals(List.of(3, 2, 32, 3L), List.of(wav.format(), wav.channels(), wav.bits(), wav.factFrames()));
    assertArrayEquals(left, wav.floats(0), "floats are written unclipped");
    assertArrayEquals(right, wav.floats(1));
    assertEquals(58 + 24, Files.size(file));
  }

  @Test
  void javaSoundReadsTheIntegerFiles(@TempDir Path dir) throws Exception {
    for (WavFormat f : new WavFormat[] {WavFormat.PCM_16, WavFormat.PCM_24}) {
      Path file = write(dir.resolve(f + ".wav"), f, new float[1000], new float[1000]);
      AudioFileFormat info = AudioSystem.getAudioFileFormat(file.toFile());
      assertEquals(AudioFileFormat.Type.WAVE, info.getType());
      assertEquals(1000, info.getFrameLength());
      assertEquals(AudioFormat.Encoding.PCM_SIGNED, info.getFormat().getEncoding());
      assertEquals(f.bitsPerSample(), info.getFormat().getSampleSizeInBits());
      assertEquals(2, info.getFormat().getChannels());
    }
  }

  @Test
  void closingWithoutCommitLeavesNothingAndKeepsTheOldFile(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("keep.wav");
    Files.writeString(target, "old");
    try (WavWriter w = WavWriter.create(target, WavFormat.PCM_16, 48_000, 1)) {
      w.write(new float[][] {{0.5f}}, 1);
    }
    assertEquals("old", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList(), "no temporary file left");
    }
    assertThrows(NoSuchFileException.class,
        () -> WavWriter.create(dir.resolve("missing/x.wav"), WavFormat.PCM_16, 48_000, 1));
  }
}

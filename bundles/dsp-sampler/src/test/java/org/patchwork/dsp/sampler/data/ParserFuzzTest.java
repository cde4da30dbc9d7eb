package org.patchwork.dsp.sampler.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Randomised, seeded fuzzing of the two parsers that read user input, in the manner of
 * Jazzer's mutators: each case takes a valid input and applies a few mutations (bit flips,
 * random bytes, "interesting" integers written over length fields, cuts, duplicated or
 * deleted ranges), or is pure noise. The only thing a parser may throw is an
 * IllegalArgumentException with a message; it must never hang, run out of memory or throw
 * anything else (an index or buffer exception, a NegativeArraySize, an OutOfMemoryError).
 */
class ParserFuzzTest {

  private static final int CASES = 20_000;
  private static final int[] INTERESTING = {0, 1, -1, 2, 3, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF,
      0x7FFFFFFF, 0x80000000, 1 << 25, (1 << 25) + 1, 44_100, 48_000, 0x7FC00000 /* NaN */, 0x7F800000};

  @Test
  void theStateParserOnlyEverRejectsWithAnIllegalArgumentException() {
    byte[] seed = SampleSetFormat.encode(SampleSetFormatTest.example());
    int accepted = fuzz(seed, 1, SampleSetFormat::decode);
    System.out.printf("state fuzz: %d cases, %d accepted%n", CASES, accepted);
  }

  @Test
  void theWavReaderOnlyEverRejectsWithAnIllegalArgumentException() {
    byte[][] seeds = {
        Wavs.write(1, 16, 44_100, false, Wavs.signal(20, 0), Wavs.signal(20, 0.5f)),
        Wavs.write(1, 24, 48_000, true, Wavs.signal(20, 0)),
        Wavs.write(3, 32, 48_000, false, Wavs.signal(20, 0)),
        Wavs.write(1, 8, 8_000, false, Wavs.signal(21, 0))};
    int accepted = 0;
    for (int s = 0; s < seeds.length; s++) {
      accepted += fuzz(seeds[s], 100 + s, WavReader::read);
    }
    System.out.printf("WAV fuzz: %d cases, %d accepted%n", CASES * seeds.length, accepted);
  }

  private static int fuzz(byte[] valid, long seed, Consumer<byte[]> parser) {
    Random random = new Random(seed);
    int accepted = 0;
    for (int n = 0; n < CASES; n++) {
      byte[] input = random.nextInt(20) == 0 ? noise(random) : mutate(valid, random);
      try {
        parser.accept(input);
        accepted++;
      } catch (IllegalArgumentException e) {
        assertNotNull(e.getMessage(), "case " + n + " rejected without a message");
        assertFalse(e.getMessage().isBlank(), "case " + n + " rejected with a blank message");
      } catch (Throwable t) {
        fail("case " + n + " (seed " + seed + ", " + input.length + " bytes) threw " + t, t);
      }
    }
    return accepted;
  }

  private static byte[] noise(Random random) {
    byte[] b = new byte[random.nextInt(200)];
    random.nextBytes(b);
    return b;
  }

  private static byte[] mutate(byte[] valid, Random random) {
    byte[] b = valid.clone();
    int mutations = 1 + random.nextInt(4);
    for (int m = 0; m < mutations && b.length > 0; m++) {
      int at = random.nextInt(b.length);
      switch (random.nextInt(7)) {
        case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
        case 1 -> b[at] = (byte) random.nextInt(256);
        case 2 -> {
          int v = INTERESTING[random.nextInt(INTERESTING.length)];
          // Written at a 2-byte boundary half of the time: where the length fields are.
          int p = random.nextBoolean() ? at & ~1 : at;
          for (int k = 0; k < 4 && p + k < b.length; k++) {
            b[p + k] = (byte) (v >>> (8 * k));
          }
        }
        case 3 -> b = Arrays.copyOf(b, at);
        case 4 -> {
          int length = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] longer = Arrays.copyOf(b, b.length + length);
          System.arraycopy(b, at, longer, at + length, b.length - at);
          b = longer;
        }
        case 5 -> {
          int length = Math.min(b.length - at, 1 + random.nextInt(16));
          byte[] shorter = new byte[b.length - length];
          System.arraycopy(b, 0, shorter, 0, at);
          System.arraycopy(b, at + length, shorter, at, b.length - at - length);
          b = shorter;
        }
        default -> b = Arrays.copyOf(b, b.length + random.nextInt(8));
      }
    }
    return b;
  }
}

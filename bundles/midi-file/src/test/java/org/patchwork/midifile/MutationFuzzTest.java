package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutation fuzzer in plain JUnit, independent of Jazzer's instrumentation: 100,000
 * mutants of valid files (the fixtures and random writer output) with flipped bits, boundary
 * bytes, inserted, deleted, duplicated and truncated ranges and inflated length fields. Only a
 * MidiFileException may come out; whatever is accepted must round-trip; the whole run must finish
 * in bounded time (no hang) without an OutOfMemoryError.
 */
class MutationFuzzTest {

  private static final int MUTANTS = 100_000;
  private static final int[] BOUNDARY = {0x00, 0x01, 0x7F, 0x80, 0x81, 0xFF, 0xF0, 0xF7, 0x2F, 0x51, 0x90};

  @Test
  void onlyMidiFileExceptionEscapes() throws Exception {
    List<byte[]> seeds = new ArrayList<>();
    for (String name : FixtureSongs.all().keySet()) {
      seeds.add(FixturesTest.resource(name));
    }
    for (int i = 0; i < 40; i++) {
      seeds.add(MidiFileWriter.write(new RandomMidi(9_000 + i).file(), i % 2 == 0));
    }
    TreeMap<String, Integer> refusals = new TreeMap<>();
    int[] accepted = {0};
    assertTimeoutPreemptively(Duration.ofSeconds(240), () -> {
      SplittableRandom r = new SplittableRandom(20_240_611);
      for (int i = 0; i < MUTANTS; i++) {
        byte[] mutant = mutate(seeds.get(r.nextInt(seeds.size())), r);
        try {
          MidiFile f = MidiFileReader.read(mutant);
          assertEquals(f, MidiFileReader.read(MidiFileWriter.write(f)), "mutant " + i);
          f.tracks().forEach(Notes::pair);
          accepted[0]++;
        } catch (MidiFileException e) {
          refusals.merge(kind(e.getMessage()), 1, Integer::sum);
        } catch (Throwable t) {
          fail("mutant " + i + " threw " + t + " on " + Hex.of(Arrays.copyOf(mutant, Math.min(64, mutant.length))), t);
        }
      }
    });
    System.out.printf("mutation fuzz: %d mutants, %d accepted, %d refused in %d kinds: %s%n", MUTANTS, accepted[0],
        MUTANTS - accepted[0], refusals.size(), refusals);
    assertTrue(refusals.size() >= 15, "mutations should reach most refusal paths: " + refusals.keySet());
    assertTrue(accepted[0] > 1_000, "some mutants should stay valid");
  }

  private static String kind(String message) {
    String k = message.replaceAll("'[^']*'", "'..'").replaceAll("0x[0-9A-F]{2}", "0x..").replaceAll("[0-9]+", "N");
    int cut = k.indexOf(" at offset");
    return cut > 0 ? k.substring(0, cut) : k;
  }

  static byte[] mutate(byte[] seed, SplittableRandom r) {
    byte[] b = seed.clone();
    int rounds = 1 + r.nextInt(4);
    for (int k = 0; k < rounds && b.length > 0; k++) {
      int at = r.nextInt(b.length);
      switch (r.nextInt(8)) {
        case 0 -> b[at] ^= (byte) (1 << r.nextInt(8));
        case 1 -> b[at] = (byte) BOUNDARY[r.nextInt(BOUNDARY.length)];
        case 2 -> b = Arrays.copyOf(b, at); // truncate
        case 3 -> { // delete a range
          int n = Math.min(b.length - at, 1 + r.nextInt(16));
          byte[] c = new byte[b.length - n];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(b, at + n, c, at, b.length - at - n);
          b = c;
        }
        case 4 -> { // insert random bytes
          int n = 1 + r.nextInt(8);
          byte[] c = new byte[b.length + n];
          System.arraycopy(b, 0, c, 0, at);
          for (int i = 0; i < n; i++) {
            c[at + i] = (byte) r.nextInt(256);
          }
          System.arraycopy(b, at, c, at + n, b.length - at);
          b = c;
        }
        case 5 -> { // duplicate a range
          int n = Math.min(b.length - at, 1 + r.nextInt(32));
          byte[] c = new byte[b.length + n];
          System.arraycopy(b, 0, c, 0, at + n);
          System.arraycopy(b, at, c, at + n, b.length - at);
          b = c;
        }
        case 6 -> { // inflate a 32-bit length field (chunk lengths sit 4 bytes after an id)
          if (b.length < 4) {
            continue;
          }
          int len = Math.min(at, b.length - 4);
          int v = r.nextBoolean() ? -1 : r.nextInt();
          for (int i = 0; i < 4; i++) {
            b[len + i] = (byte) (v >> (24 - 8 * i));
          }
        }
        default -> b[at] = (byte) r.nextInt(256);
      }
    }
    return b;
  }
}

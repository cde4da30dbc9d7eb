package org.patchwork.trackerio.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * MIDI tempos (whole microseconds per quarter note) as tracker tempos: a whole bpm for
 * {@code Txx} plus 65536ths for {@code Wxxxx}. {@code 60000000/µs} is rarely a whole or even a
 * finite decimal number (428571 µs is 140.00014000014... bpm); the nearest 65536th is within
 * 1/131072 bpm, and is chosen so that {@link #micros} of it gives back the file's microseconds
 * exactly for every tempo from 30.25 to 999 bpm (60061..1984014 µs; below that a 65536th of a
 * bpm is more than a microsecond), so an imported song exports the same tempo map.
 */
public final class Tempos {

  private static final BigInteger STEPS = BigInteger.valueOf(65_536);
  private static final BigInteger MINUTE = BigInteger.valueOf(60_000_000);

  private Tempos() {
  }

  /**
   * The tracker tempo of {@code micros} per quarter: {@code {whole bpm 1..999, 65536ths}}.
   * Tempos above 999 bpm are capped.
   */
  public static int[] encode(int micros) {
    // bpm·65536 = 60e6·65536/µs, rounded to the nearest step.
    BigInteger[] qr = MINUTE.multiply(STEPS).divideAndRemainder(BigInteger.valueOf(micros));
    long steps = qr[0].longValueExact() + (qr[1].shiftLeft(1).compareTo(BigInteger.valueOf(micros)) >= 0 ? 1 : 0);
    long best = steps;
    // The nearest step is exact almost always; very slow tempos may need a neighbour.
    for (long d : new long[] {0, -1, 1, -2, 2, -3, 3}) {
      if (micros(steps + d) == micros) {
        best = steps + d;
        break;
      }
    }
    best = Math.max(65_536, Math.min(999L * 65_536, best));
    return new int[] {(int) (best >> 16), (int) (best & 0xFFFF)};
  }

  /** The exact bpm of a whole part and 65536ths. */
  public static BigDecimal bpm(int whole, int fraction) {
    return BigDecimal.valueOf(whole).add(new BigDecimal(BigInteger.valueOf(fraction)).divide(new BigDecimal(STEPS)))
        .stripTrailingZeros();
  }

  /** Microseconds per quarter of a bpm, rounded, within what a file can hold. */
  public static int micros(double bpm) {
    return (int) Math.max(1, Math.min(0xFFFFFF, Math.round(60_000_000 / bpm)));
  }

  private static int micros(long steps) {
    return micros(steps / 65_536.0);
  }
}

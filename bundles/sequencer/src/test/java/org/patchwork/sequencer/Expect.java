package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The timing formula written out independently of the sequencer's own arithmetic: the frame of
 * a point {@code x} lines after the start at a constant tempo is
 * {@code round_half_even(x · 60 · rate / (bpm · lpb))}, computed here in 60-digit decimals.
 */
final class Expect {

  private static final MathContext MC = new MathContext(60);

  private Expect() {
  }

  /** Frames per line. */
  static BigDecimal line(String bpm, int lpb, int rate) {
    return BigDecimal.valueOf(60L * rate).divide(new BigDecimal(bpm).multiply(BigDecimal.valueOf(lpb)), MC);
  }

  /** {@code lines} (a decimal) after {@code origin} frames, rounded half-even. */
  static long frame(BigDecimal origin, BigDecimal lines, BigDecimal lineFrames) {
    return origin.add(lines.multiply(lineFrames, MC), MC).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  /** At a constant tempo from frame 0: line {@code line} plus {@code fraction} of a line. */
  static long frame(String bpm, int lpb, long line, BigDecimal fraction) {
    return frame(BigDecimal.ZERO, BigDecimal.valueOf(line).add(fraction), line(bpm, lpb, Rig.RATE));
  }

  /** {@code d/256} exactly. */
  static BigDecimal delay(int d) {
    return BigDecimal.valueOf(d).divide(BigDecimal.valueOf(256));
  }
}

package org.patchwork.controllers.internal;

import org.patchwork.sdk.control.Mapping;

/**
 * The relative-encoder conventions: how a 7-bit value says "so many steps up or down".
 *
 * <ul>
 *   <li>two's complement: 1..63 up, 127..65 down 1..63 (127 is -1); 0 and 64 still;
 *   <li>binary offset: 64 still, 65..127 up 1..63, 63..0 down 1..64;
 *   <li>signed bit: bit 6 is the sign (set: down), bits 0..5 the amount (65 is -1, 1 is +1).
 * </ul>
 */
final class Encoders {

  private Encoders() {
  }

  /** Steps up (positive) or down (negative) that {@code value} means in {@code mode}; 0 for ABSOLUTE. */
  static int steps(Mapping.Mode mode, int value) {
    int v = value & 0x7F;
    return switch (mode) {
      case RELATIVE_TWOS_COMPLEMENT -> v == 64 ? 0 : v < 64 ? v : v - 128;
      case RELATIVE_BINARY_OFFSET -> v - 64;
      case RELATIVE_SIGNED_BIT -> (v & 0x40) != 0 ? -(v & 0x3F) : v & 0x3F;
      case ABSOLUTE -> 0;
    };
  }
}

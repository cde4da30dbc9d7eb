package org.patchwork.bus;

/** Set-up checks shared by the rings, so a bad size fails where the ring is built. */
final class Rings {

  private Rings() {
  }

  static int checkBufferSize(int bufferSize) {
    // Integer.MIN_VALUE has one bit set, hence the explicit sign check.
    if (bufferSize < 1 || Integer.bitCount(bufferSize) != 1) {
      throw new IllegalArgumentException("bufferSize must be a power of 2: " + bufferSize);
    }
    return bufferSize;
  }
}

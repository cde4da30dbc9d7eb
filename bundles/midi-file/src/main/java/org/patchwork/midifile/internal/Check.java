package org.patchwork.midifile.internal;

/** Argument checks shared by the model's constructors; messages name the field and its range. */
public final class Check {

  /** The largest value a variable-length quantity of at most four bytes can hold. */
  public static final int VLQ_MAX = 0x0FFF_FFFF;

  private Check() {
  }

  public static int range(String what, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(what + " must be in " + min + ".." + max + ", was " + value);
    }
    return value;
  }

  public static long tick(long tick) {
    if (tick < 0) {
      throw new IllegalArgumentException("tick must be >= 0, was " + tick);
    }
    return tick;
  }

  public static int channel(int channel) {
    return range("channel (0-based)", channel, 0, 15);
  }

  public static int data7(String what, int value) {
    return range(what, value, 0, 127);
  }
}

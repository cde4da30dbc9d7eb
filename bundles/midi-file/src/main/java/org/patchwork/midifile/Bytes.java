package org.patchwork.midifile;

import java.util.Arrays;
import java.util.HexFormat;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * An immutable byte string, so events that carry raw data (sysex, sequencer-specific and unknown
 * meta events, texts) compare by value.
 *
 * <pre>{@code
 * Bytes gmReset = Bytes.of(0x7E, 0x7F, 0x09, 0x01, 0xF7);
 * }</pre>
 */
@ProviderType
public final class Bytes {

  /** No bytes. */
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    if (data.length > Check.VLQ_MAX) {
      throw new IllegalArgumentException(
          "data of " + data.length + " bytes is longer than a MIDI file can hold (" + Check.VLQ_MAX + ")");
    }
    this.data = data;
  }

  /** A copy of {@code data}. */
  public static Bytes copyOf(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** A copy of {@code length} bytes of {@code data} from {@code offset}. */
  public static Bytes copyOf(byte[] data, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** The given values, each 0..255. */
  public static Bytes of(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) Check.range("byte value", values[i], 0, 255);
    }
    return values.length == 0 ? EMPTY : new Bytes(b);
  }

  public int length() {
    return data.length;
  }

  /** The byte at {@code index}, 0..255. */
  public int get(int index) {
    return data[index] & 0xFF;
  }

  /** A copy of the bytes. */
  public byte[] toArray() {
    return data.clone();
  }

  /** Copies all bytes into {@code target} from {@code offset}; for encoders, without a copy. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(data, 0, target, offset, data.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes b && Arrays.equals(data, b.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  /** Lower-case hex, e.g. {@code 7e7f0901f7}. */
  @Override
  public String toString() {
    return HexFormat.of().formatHex(data);
  }
}

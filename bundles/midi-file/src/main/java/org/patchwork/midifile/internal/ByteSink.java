package org.patchwork.midifile.internal;

import java.util.Arrays;
import org.patchwork.midifile.Bytes;

/** A growable big-endian byte buffer for the writer. */
final class ByteSink {

  private byte[] buf = new byte[256];
  private int size;

  int size() {
    return size;
  }

  void u8(int v) {
    ensure(1);
    buf[size++] = (byte) v;
  }

  void u16(int v) {
    u8(v >> 8);
    u8(v);
  }

  void u32(long v) {
    u16((int) (v >> 16));
    u16((int) v);
  }

  void ascii(String id) {
    for (int i = 0; i < id.length(); i++) {
      u8(id.charAt(i));
    }
  }

  /** A variable-length quantity, 0..0x0FFFFFFF, in the fewest bytes. */
  void vlq(long v) {
    if (v < 0 || v > Check.VLQ_MAX) {
      throw new IllegalArgumentException("VLQ value out of range: " + v);
    }
    int shift = 21;
    while (shift > 0 && (v >> shift) == 0) {
      shift -= 7;
    }
    for (; shift > 0; shift -= 7) {
      u8((int) (v >> shift) & 0x7F | 0x80);
    }
    u8((int) v & 0x7F);
  }

  void bytes(Bytes data) {
    ensure(data.length());
    data.copyTo(buf, size);
    size += data.length();
  }

  void bytes(ByteSink other) {
    ensure(other.size);
    System.arraycopy(other.buf, 0, buf, size, other.size);
    size += other.size;
  }

  byte[] toArray() {
    return Arrays.copyOf(buf, size);
  }

  private void ensure(int more) {
    if (size + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
    }
  }
}

package org.patchwork.midi;

import java.util.Arrays;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One MIDI message as it arrived on a port, with its arrival time on the audio clock.
 *
 * <p>Channel messages and system real-time messages fill {@link #status()}, {@link #data1()} and
 * {@link #data2()}; a System Exclusive message has status {@code 0xF0} and its complete bytes
 * (from {@code F0} to {@code F7}) in {@link #sysex()}.
 *
 * @param port the id of the port it came in on ({@link MidiPort#id()})
 * @param status the status byte, 0x80..0xFF
 * @param data1 first data byte (key, controller number), 0 when absent
 * @param data2 second data byte (velocity, value), 0 when absent
 * @param sysex the whole System Exclusive message, or an empty array
 * @param nanos when it arrived, on the {@link System#nanoTime()} scale; for JACK MIDI the exact
 *     frame of the event within its period, converted by JACK's own clock, so that a later
 *     mapping to engine frames has constant latency
 * @param jackFrame the JACK frame time of the event, or -1 when it did not come through JACK
 */
@ProviderType
public record MidiEvent(String port, int status, int data1, int data2, byte[] sysex, long nanos, long jackFrame) {

  private static final byte[] NONE = new byte[0];

  /** Checks the byte ranges. */
  public MidiEvent {
    if (status < 0x80 || status > 0xFF || data1 < 0 || data1 > 127 || data2 < 0 || data2 > 127) {
      throw new IllegalArgumentException(String.format("not a MIDI message: status %x, data %d %d", status, data1, data2));
    }
    sysex = sysex == null ? NONE : sysex;
  }

  /** A channel or real-time message. */
  public static MidiEvent of(String port, int status, int data1, int data2, long nanos) {
    return new MidiEvent(port, status, data1, data2, NONE, nanos, -1);
  }

  /**
   * Parses one complete message from raw bytes.
   *
   * @return null if the bytes are not one well-formed message (running status is not accepted:
   *     every backend here hands out complete messages)
   */
  public static MidiEvent parse(String port, byte[] bytes, int offset, int length, long nanos, long jackFrame) {
    if (length < 1 || offset < 0 || offset + length > bytes.length) {
      return null;
    }
    int status = bytes[offset] & 0xFF;
    if (status < 0x80) {
      return null;
    }
    if (status == 0xF0) {
      if (length < 2 || (bytes[offset + length - 1] & 0xFF) != 0xF7) {
        return null;
      }
      for (int i = 1; i < length - 1; i++) {
        if ((bytes[offset + i] & 0x80) != 0) {
          return null;
        }
      }
      return new MidiEvent(port, 0xF0, 0, 0, Arrays.copyOfRange(bytes, offset, offset + length), nanos, jackFrame);
    }
    int expected = dataBytes(status);
    if (expected < 0 || length != 1 + expected) {
      return null;
    }
    int d1 = expected > 0 ? bytes[offset + 1] : 0;
    int d2 = expected > 1 ? bytes[offset + 2] : 0;
    if (d1 < 0 || d2 < 0) {
      return null;
    }
    return new MidiEvent(port, status, d1, d2, NONE, nanos, jackFrame);
  }

  /** Data bytes after {@code status}, or -1 for a status that is not a complete message (F0, F7, undefined). */
  public static int dataBytes(int status) {
    return switch (status & 0xF0) {
      case 0x80, 0x90, 0xA0, 0xB0, 0xE0 -> 2;
      case 0xC0, 0xD0 -> 1;
      default -> switch (status) {
        case 0xF1, 0xF3 -> 1;
        case 0xF2 -> 2;
        case 0xF6, 0xF8, 0xFA, 0xFB, 0xFC, 0xFE, 0xFF -> 0;
        default -> -1;
      };
    };
  }

  /** The message's bytes. */
  public byte[] bytes() {
    if (status == 0xF0) {
      return sysex.clone();
    }
    int n = dataBytes(status);
    byte[] out = new byte[1 + Math.max(n, 0)];
    out[0] = (byte) status;
    if (n > 0) {
      out[1] = (byte) data1;
    }
    if (n > 1) {
      out[2] = (byte) data2;
    }
    return out;
  }

  /** The high nibble for channel messages (0x80..0xE0), else the status itself. */
  public int command() {
    return status < 0xF0 ? status & 0xF0 : status;
  }

  /** MIDI channel 0..15 of a channel message, else 0. */
  public int channel() {
    return status < 0xF0 ? status & 0x0F : 0;
  }

  /** A note-on with velocity above 0. */
  public boolean isNoteOn() {
    return command() == 0x90 && data2 > 0;
  }

  /** A note-off, or a note-on with velocity 0 (which MIDI defines as a note-off). */
  public boolean isNoteOff() {
    return command() == 0x80 || (command() == 0x90 && data2 == 0);
  }

  /** A control change. */
  public boolean isControlChange() {
    return command() == 0xB0;
  }

  /** The 14-bit value of a pitch bend, 0..16383 (centre 8192). */
  public int pitchBend() {
    return data1 | (data2 << 7);
  }

  /** Clock, start, continue, stop, active sensing or reset. */
  public boolean isRealTime() {
    return status >= 0xF8;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MidiEvent e && e.port.equals(port) && e.status == status && e.data1 == data1
        && e.data2 == data2 && Arrays.equals(e.sysex, sysex) && e.nanos == nanos && e.jackFrame == jackFrame;
  }

  @Override
  public int hashCode() {
    return ((port.hashCode() * 31 + status) * 31 + data1) * 31 + data2 + Long.hashCode(nanos);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(port).append(' ');
    for (byte b : bytes()) {
      s.append(String.format("%02X", b & 0xFF));
    }
    return s.append(" @").append(nanos).append("ns").append(jackFrame >= 0 ? " frame " + jackFrame : "").toString();
  }
}

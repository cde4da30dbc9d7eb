package org.patchwork.controllers.internal;

import java.util.HexFormat;
import org.patchwork.midi.MidiEvent;

/**
 * The MIDI Universal SysEx identity exchange: the request {@code F0 7E 7F 06 01 F7} and the reply
 * {@code F0 7E <device> 06 02 <manufacturer: 1 byte, or 00 and 2 more> <family: 2>
 * <model: 2> <version: 4> F7}. Fields are compared as the hex of their bytes in reply order.
 *
 * @param manufacturer e.g. {@code 42} (Korg) or {@code 002029} (Novation)
 * @param family the two family bytes, e.g. {@code 1301}
 * @param model the two model bytes
 */
record Identity(String manufacturer, String family, String model) {

  static final byte[] REQUEST = {(byte) 0xF0, 0x7E, 0x7F, 0x06, 0x01, (byte) 0xF7};
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  /** The identity in an identity reply, or null if {@code e} is not one. */
  static Identity parse(MidiEvent e) {
    byte[] b = e.sysex();
    if (e.status() != 0xF0 || b.length < 10 || b[1] != 0x7E || b[3] != 0x06 || b[4] != 0x02) {
      return null;
    }
    int m = b[5] == 0 ? 3 : 1;
    if (b.length < 5 + m + 4 + 1) {
      return null;
    }
    String manufacturer = HEX.formatHex(b, 5, 5 + m);
    String family = HEX.formatHex(b, 5 + m, 7 + m);
    String model = HEX.formatHex(b, 7 + m, 9 + m);
    return new Identity(manufacturer, family, model);
  }

  /** Whether a profile's criteria (empty fields match anything) accept this identity. */
  boolean matches(Profile.Identity wanted) {
    return wanted != null && wanted.manufacturer().equals(manufacturer)
        && (wanted.family().isEmpty() || wanted.family().equals(family))
        && (wanted.model().isEmpty() || wanted.model().equals(model));
  }
}

package org.patchwork.midifile;

import java.util.HexFormat;

/** Hand-built file bytes: hex with spaces, plus chunk helpers that fill in lengths. */
final class Hex {

  private Hex() {
  }

  static byte[] bytes(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
  }

  static String of(byte[] bytes) {
    return HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes);
  }

  /** A 6-byte MThd chunk. */
  static String header(int format, int tracks, int division) {
    return "4D546864 00000006 " + String.format("%04X %04X %04X", format, tracks, division);
  }

  /** An MTrk chunk around the given event bytes (the end-of-track event is not added). */
  static String track(String events) {
    String body = events.replaceAll("\\s+", "");
    return "4D54726B " + String.format("%08X", body.length() / 2) + " " + body;
  }

  /** A header and tracks concatenated. */
  static byte[] file(String header, String... tracks) {
    StringBuilder sb = new StringBuilder(header);
    for (String t : tracks) {
      sb.append(' ').append(t);
    }
    return bytes(sb.toString());
  }
}

package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Tracker note names: {@code C-4} is MIDI key 60 (middle C), {@code C#4} 61, {@code B-9}... up
 * to {@code G-9} (127); octaves 0..9, so {@code C-0} is key 12. {@code OFF} is a note-off.
 */
@ProviderType
public final class NoteNames {

  private static final String[] NAMES = {"C-", "C#", "D-", "D#", "E-", "F-", "F#", "G-", "G#", "A-", "A#", "B-"};

  private NoteNames() {
  }

  /**
   * The key of a name such as {@code "C-4"}, {@code "F#2"} or {@code "OFF"} ({@link NoteCell#OFF}).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static int parse(String name) {
    if ("OFF".equals(name)) {
      return NoteCell.OFF;
    }
    if (name != null && name.length() == 3 && Character.isDigit(name.charAt(2))) {
      String pitch = name.substring(0, 2).toUpperCase(java.util.Locale.ROOT);
      for (int i = 0; i < NAMES.length; i++) {
        if (NAMES[i].equals(pitch)) {
          int key = 12 * (name.charAt(2) - '0' + 1) + i;
          if (key <= 127) {
            return key;
          }
        }
      }
    }
    throw new IllegalArgumentException("a note is written like C-4, F#2 (octaves 0..9, up to G-9) or OFF: " + name);
  }

  /** The name of a key 12..127 or {@link NoteCell#OFF}; null for keys 0..11, which have none. */
  public static String format(int key) {
    if (key == NoteCell.OFF) {
      return "OFF";
    }
    if (key < 12 || key > 127) {
      return null;
    }
    return NAMES[key % 12] + (key / 12 - 1);
  }
}

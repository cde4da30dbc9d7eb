package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The computer keyboard as a piano, the way trackers have laid it out since FastTracker 2: two
 * rows of a QWERTY keyboard, each a piano octave with the sharps on the row above it.
 *
 * <pre>
 *   2 3   5 6 7   9 0   =        C# D#    F# G# A#    C# D#    F#
 *  q w e r t y u i o p [ ]      C  D  E  F  G  A  B  C  D  E  F  G     octave + 1
 *   s d   g h j   l ;            C# D#    F# G# A#    C# D#
 *  z x c v b n m , . /          C  D  E  F  G  A  B  C  D  E           octave
 * </pre>
 *
 * <p>The lower row plays from C of the base octave (tracker octaves: {@code C-4} is MIDI key 60),
 * the upper row from the C above it; {@code `} is a note-off (as in Impulse Tracker). Letters
 * may be given in either case. The SWT pattern editor and the shell read keys through it.
 *
 * <pre>{@code
 * int key = KeyboardLayout.QWERTY.key('e', 4);   // 76, E-5
 * }</pre>
 */
@ProviderType
public final class KeyboardLayout {

  /** The two-row QWERTY layout. */
  public static final KeyboardLayout QWERTY = new KeyboardLayout("zsxdcvgbhnjm,l.;/", "q2w3er5t6y7ui9o0p[=]", '`');

  private final String lower;
  private final String upper;
  private final char noteOff;

  private KeyboardLayout(String lower, String upper, char noteOff) {
    this.lower = lower;
    this.upper = upper;
    this.noteOff = noteOff;
  }

  /**
   * Semitones from C of the base octave that {@code c} plays (0..31), or -1 when it is not a
   * note key.
   */
  public int semitone(char c) {
    char k = Character.toLowerCase(c);
    int i = lower.indexOf(k);
    if (i >= 0) {
      return i;
    }
    i = upper.indexOf(k);
    return i >= 0 ? 12 + i : -1;
  }

  /**
   * The MIDI key {@code c} plays with the lower row in tracker octave {@code octave} (0..9), or
   * -1 when {@code c} is not a note key or the key would be outside 0..127.
   */
  public int key(char c, int octave) {
    int s = semitone(c);
    int key = 12 * (octave + 1) + s;
    return s < 0 || key < 0 || key > 127 ? -1 : key;
  }

  /** Whether {@code c} enters a note-off. */
  public boolean isNoteOff(char c) {
    return c == noteOff;
  }
}

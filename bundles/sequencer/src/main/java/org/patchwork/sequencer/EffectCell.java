package org.patchwork.sequencer;

import java.util.Locale;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * One effect column of one line: a command and its value, written like {@code A0F} (command
 * {@code A}, value {@code 0x0F}). The commands are listed in docs/effect-commands.md and in
 * {@link #COMMANDS}; {@link #EMPTY} has none.
 *
 * <pre>{@code
 * EffectCell.parse("447")     // vibrato, speed 4, depth 7
 * new EffectCell('T', 140)    // set tempo to 140 bpm
 * }</pre>
 *
 * @param command one of {@link #COMMANDS}, or {@code '.'} for none
 * @param value 0..0xFFFF; each command says which part it reads
 */
@ProviderType
public record EffectCell(char command, int value) {

  /** Every command letter, in the order of docs/effect-commands.md. */
  public static final String COMMANDS = "0123478ABCDFLMNPQTXY9ZW";
  /** No effect. */
  public static final EffectCell EMPTY = new EffectCell('.', 0);

  /** Checks the command and value. */
  public EffectCell {
    if (command != '.' && COMMANDS.indexOf(command) < 0) {
      throw new IllegalArgumentException("unknown effect command '" + command + "' (known: " + COMMANDS + ")");
    }
    Checks.range("effect value", value, 0, command == '.' ? 0 : 0xFFFF);
  }

  /**
   * Parses {@code "A0F"}: a command letter then 1..4 hex digits.
   *
   * @throws IllegalArgumentException naming what is wrong
   */
  public static EffectCell parse(String text) {
    if (text == null || text.length() < 2 || text.length() > 5) {
      throw new IllegalArgumentException("an effect is a command and 1..4 hex digits, like A0F: " + text);
    }
    char c = Character.toUpperCase(text.charAt(0));
    try {
      return new EffectCell(c, Integer.parseInt(text.substring(1), 16));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("an effect value is hex digits, like A0F: " + text);
    }
  }

  /** High nibble of the low byte: {@code x} of {@code xy}. */
  public int x() {
    return value >> 4 & 0xF;
  }

  /** Low nibble: {@code y} of {@code xy}. */
  public int y() {
    return value & 0xF;
  }

  /** Whether the cell holds nothing. */
  public boolean isEmpty() {
    return command == '.';
  }

  /**
   * {@code "A0F"}: the command and at least two hex digits (three for the slot commands
   * {@code M} and {@code N}, whose first digit is the slot; four for the tempo fraction
   * {@code W}); {@code "..."} when empty.
   */
  @Override
  public String toString() {
    if (isEmpty()) {
      return "...";
    }
    String digits = command == 'M' || command == 'N' ? "%03X" : command == 'W' ? "%04X" : "%02X";
    return command + String.format(Locale.ROOT, digits, value);
  }
}

package org.patchwork.ui.tracker.internal;

import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;

/**
 * What typing does to one cell: a piano key writes a note with the current instrument and keeps
 * the cell's volume, panning and delay; a hex digit replaces one digit of a field, as in
 * FastTracker (the other digit stays, an empty field counts as 00), clamped to the field's range.
 */
final class Typing {

  /** The largest volume and panning: {@code 80} is full volume and hard right. */
  static final int MAX_LEVEL = 0x80;

  private Typing() {
  }

  /** A note of {@code key} on {@code instrument} (-1: the track's own output), keeping the rest of {@code old}. */
  static NoteCell note(NoteCell old, int key, int instrument) {
    return new NoteCell(key, instrument, old.volume(), old.pan(), old.delay());
  }

  /** A note-off; only the delay of {@code old} stays (it times the release). */
  static NoteCell off(NoteCell old) {
    return new NoteCell(NoteCell.OFF, -1, -1, -1, old.delay());
  }

  /**
   * {@code old} with digit {@code digit} (0 high, 1 low) of {@code field} set to {@code nibble}.
   * Volume and panning stop at {@code 80}.
   */
  static NoteCell hex(NoteCell old, Field field, int digit, int nibble) {
    int before = Blocks.part(old, field);
    int value = withDigit(Math.max(0, before), 2, digit, nibble);
    if (field == Field.VOLUME || field == Field.PAN) {
      value = Math.min(value, MAX_LEVEL);
    }
    return Blocks.with(old, field, value);
  }

  /** {@code old} with digit {@code digit} of its value set; an empty cell becomes command {@code 0}. */
  static EffectCell hex(EffectCell old, int digit, int nibble) {
    EffectCell base = old.isEmpty() ? new EffectCell('0', 0) : old;
    int digits = Grid.digits(base.command());
    return new EffectCell(base.command(), withDigit(base.value() & mask(digits), digits, digit, nibble));
  }

  /**
   * {@code old} with command {@code command} (upper case); the value keeps the digits the new
   * command reads. Null when {@code command} is not an effect command.
   */
  static EffectCell command(EffectCell old, char command) {
    char c = Character.toUpperCase(command);
    if (EffectCell.COMMANDS.indexOf(c) < 0) {
      return null;
    }
    return new EffectCell(c, old.isEmpty() ? 0 : old.value() & mask(Grid.digits(c)));
  }

  /** {@code old} with {@code field} emptied; the note field empties the whole cell. */
  static NoteCell clear(NoteCell old, Field field) {
    return switch (field) {
      case INSTRUMENT -> old.withInstrument(-1);
      case VOLUME -> old.withVolume(-1);
      case PAN -> old.withPan(-1);
      case DELAY -> old.withDelay(0);
      default -> NoteCell.EMPTY;
    };
  }

  private static int withDigit(int value, int digits, int digit, int nibble) {
    int shift = 4 * (digits - 1 - digit);
    return value & ~(0xF << shift) | (nibble & 0xF) << shift;
  }

  private static int mask(int digits) {
    return (1 << 4 * digits) - 1;
  }
}

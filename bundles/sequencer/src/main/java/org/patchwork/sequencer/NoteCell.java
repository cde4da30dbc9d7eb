package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * One note column of one line: a note (or note-off), instrument, volume, panning and delay.
 * Every part is optional; {@link #EMPTY} has none.
 *
 * <pre>{@code
 * NoteCell.of(60)                               // C-4 (middle C), full velocity
 * new NoteCell(64, 2, 0x40, -1, 0x80)           // E-4 on instrument 2, half velocity, half a line late
 * NoteCell.off()                                // OFF: release the column's note
 * }</pre>
 *
 * @param key MIDI key 0..127 ({@code C-4} is 60), {@link #OFF}, or {@link #NONE}
 * @param instrument index into the song's instruments, or -1 for the track's own output
 * @param volume 0..128 ({@code 00..80} hex), -1 for none: with a note its velocity
 *     ({@code volume / 128}, none = 1); without a note it sets the track volume
 * @param pan 0..128 ({@code 00} left, {@code 40} centre, {@code 80} right), -1 for none: sets the
 *     track panning at the note's frame
 * @param delay 0..255: the note (or note-off) starts {@code delay/256} of a line late
 */
@ProviderType
public record NoteCell(int key, int instrument, int volume, int pan, int delay) {

  /** No note. */
  public static final int NONE = -1;
  /** Note-off: releases the note sounding in the column. */
  public static final int OFF = 128;
  /** A cell with nothing in it. */
  public static final NoteCell EMPTY = new NoteCell(NONE, -1, -1, -1, 0);

  /** Checks each part's range. */
  public NoteCell {
    if (key != NONE && key != OFF) {
      Checks.range("note key", key, 0, 127);
    }
    Checks.range("instrument", instrument, -1, 255);
    Checks.range("volume", volume, -1, 128);
    Checks.range("panning", pan, -1, 128);
    Checks.range("delay", delay, 0, 255);
  }

  /** A note of {@code key} with nothing else. */
  public static NoteCell of(int key) {
    return new NoteCell(key, -1, -1, -1, 0);
  }

  /** A note-off. */
  public static NoteCell off() {
    return new NoteCell(OFF, -1, -1, -1, 0);
  }

  /** Whether the cell holds nothing. */
  public boolean isEmpty() {
    return equals(EMPTY);
  }

  /** Whether it starts a note. */
  public boolean isNote() {
    return key >= 0 && key <= 127;
  }

  /** This cell with another delay. */
  public NoteCell withDelay(int value) {
    return new NoteCell(key, instrument, volume, pan, value);
  }

  /** This cell with another volume. */
  public NoteCell withVolume(int value) {
    return new NoteCell(key, instrument, value, pan, delay);
  }

  /** This cell with another panning. */
  public NoteCell withPan(int value) {
    return new NoteCell(key, instrument, volume, value, delay);
  }

  /** This cell with another instrument. */
  public NoteCell withInstrument(int value) {
    return new NoteCell(key, value, volume, pan, delay);
  }
}

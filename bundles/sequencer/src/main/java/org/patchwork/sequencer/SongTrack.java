package org.patchwork.sequencer;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A tracker track: its look, mute and solo, where its notes go and which module parameters its
 * volume, panning, sample offset and parameter commands drive. Every pattern has a column of
 * lines for each track.
 *
 * <pre>{@code
 * SongTrack lead = SongTrack.of("Lead", "lead")
 *     .withVolume(ParamTarget.parse("lead.gain", 0, 0.5))
 *     .withSlot(0, ParamTarget.parse("filter.cutoff", 200, 8000));
 * }</pre>
 *
 * @param name shown to users
 * @param colour {@code 0xRRGGBB}
 * @param mute whether the track's notes are left out
 * @param solo whether the track is soloed; when any track is, the others' notes are left out
 * @param output the engine track id ({@code tracks[].id} of the project) its notes play on,
 *     unless a note's instrument column names an {@link Instrument}
 * @param noteColumns note columns, 1..16
 * @param effectColumns effect columns, 1..8
 * @param volume what the track volume (0..1; volume column without a note, set volume, volume
 *     slide, tremolo) drives, or null to keep it in the event stream only
 * @param pan what the track panning (-1..1; panning column, set panning, panning slide) drives,
 *     or null
 * @param sampleOffset what the sample offset command (0..1 of the sample) drives, or null
 * @param slots parameter slots 0..15 for the set/slide parameter commands {@code M} and {@code N}
 */
@ProviderType
public record SongTrack(String name, int colour, boolean mute, boolean solo, String output, int noteColumns,
    int effectColumns, ParamTarget volume, ParamTarget pan, ParamTarget sampleOffset,
    SortedMap<Integer, ParamTarget> slots) {

  /** Parameter slots per track. */
  public static final int SLOTS = 16;

  /** Checks the values. */
  public SongTrack {
    Objects.requireNonNull(name, "track name");
    Checks.range("track colour", colour, 0, 0xFFFFFF);
    if (output == null || output.isBlank()) {
      throw new IllegalArgumentException("track '" + name + "' needs an output track");
    }
    Checks.range("note columns", noteColumns, 1, 16);
    Checks.range("effect columns", effectColumns, 1, 8);
    TreeMap<Integer, ParamTarget> copy = new TreeMap<>(slots == null ? Map.of() : slots);
    copy.forEach((slot, target) -> {
      Checks.range("parameter slot", slot, 0, SLOTS - 1);
      Objects.requireNonNull(target, "parameter slot " + slot);
    });
    slots = Collections.unmodifiableSortedMap(copy);
  }

  /** A track named {@code name} playing on engine track {@code output}: one note and one effect column. */
  public static SongTrack of(String name, String output) {
    return new SongTrack(name, 0x808080, false, false, output, 1, 1, null, null, null, null);
  }

  /** This track renamed. */
  public SongTrack withName(String value) {
    return new SongTrack(value, colour, mute, solo, output, noteColumns, effectColumns, volume, pan, sampleOffset, slots);
  }

  /** This track in another colour. */
  public SongTrack withColour(int value) {
    return new SongTrack(name, value, mute, solo, output, noteColumns, effectColumns, volume, pan, sampleOffset, slots);
  }

  /** This track muted or not. */
  public SongTrack withMute(boolean value) {
    return new SongTrack(name, colour, value, solo, output, noteColumns, effectColumns, volume, pan, sampleOffset, slots);
  }

  /** This track soloed or not. */
  public SongTrack withSolo(boolean value) {
    return new SongTrack(name, colour, mute, value, output, noteColumns, effectColumns, volume, pan, sampleOffset, slots);
  }

  /** This track playing on another engine track. */
  public SongTrack withOutput(String value) {
    return new SongTrack(name, colour, mute, solo, value, noteColumns, effectColumns, volume, pan, sampleOffset, slots);
  }

  /** This track with other column counts. */
  public SongTrack withColumns(int notes, int effects) {
    return new SongTrack(name, colour, mute, solo, output, notes, effects, volume, pan, sampleOffset, slots);
  }

  /** This track with its volume driving {@code target} (null for none). */
  public SongTrack withVolume(ParamTarget target) {
    return new SongTrack(name, colour, mute, solo, output, noteColumns, effectColumns, target, pan, sampleOffset, slots);
  }

  /** This track with its panning driving {@code target} (null for none). */
  public SongTrack withPan(ParamTarget target) {
    return new SongTrack(name, colour, mute, solo, output, noteColumns, effectColumns, volume, target, sampleOffset, slots);
  }

  /** This track with its sample offset command driving {@code target} (null for none). */
  public SongTrack withSampleOffset(ParamTarget target) {
    return new SongTrack(name, colour, mute, solo, output, noteColumns, effectColumns, volume, pan, target, slots);
  }

  /** This track with parameter slot {@code slot} driving {@code target} (null to clear it). */
  public SongTrack withSlot(int slot, ParamTarget target) {
    TreeMap<Integer, ParamTarget> copy = new TreeMap<>(slots);
    if (target == null) {
      copy.remove(slot);
    } else {
      copy.put(slot, target);
    }
    return new SongTrack(name, colour, mute, solo, output, noteColumns, effectColumns, volume, pan, sampleOffset, copy);
  }
}

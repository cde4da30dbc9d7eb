package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One event of a {@link MidiTrack} at an absolute tick: a {@link ChannelEvent}, a {@link Sysex}
 * or a {@link MetaEvent}. All are immutable records that compare by value. End of track is not an
 * event here; it is {@link MidiTrack#endTick()}.
 */
@ProviderType
public sealed interface MidiEvent permits ChannelEvent, Sysex, MetaEvent {

  /** Absolute time in ticks from the start of the track, >= 0. */
  long tick();

  /** The same event at another tick. */
  MidiEvent atTick(long tick);
}

package org.patchwork.midifile;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * One note: a note-on paired with its note-off by {@link Notes#pair}.
 *
 * @param channel 0..15 (9 is the General MIDI drum channel)
 * @param key 0..127, 60 is middle C
 * @param velocity the note-on velocity, 1..127
 * @param startTick the note-on tick
 * @param endTick the note-off tick, >= startTick
 * @param releaseVelocity the note-off velocity, 0..127 (64 for a note-on with velocity 0, and for
 *     a note ended by the end of its track)
 */
@ProviderType
public record NoteSpan(int channel, int key, int velocity, long startTick, long endTick, int releaseVelocity) {

  /** The release velocity a note-on with velocity 0 stands for. */
  public static final int DEFAULT_RELEASE_VELOCITY = 64;

  public NoteSpan {
    Check.channel(channel);
    Check.data7("key", key);
    Check.range("velocity", velocity, 1, 127);
    Check.tick(startTick);
    if (endTick < startTick) {
      throw new IllegalArgumentException("note ends at tick " + endTick + " before it starts at tick " + startTick);
    }
    Check.data7("release velocity", releaseVelocity);
  }

  /** True on the General MIDI drum channel (channel 10, index 9). */
  public boolean isDrum() {
    return channel == ChannelEvent.DRUM_CHANNEL;
  }

  /** endTick - startTick. */
  public long lengthTicks() {
    return endTick - startTick;
  }
}

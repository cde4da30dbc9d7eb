package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The live sequencer's transport at one moment, for the UI (playhead, loop markers, follow);
 * immutable, safe on any thread.
 *
 * @param playing whether the song plays
 * @param playhead the line playing (the last line started), or null when none has
 * @param frame frames rendered since the play started
 * @param loopFrom the loop range's first line, or null
 * @param loopTo the first line after the loop range, or null
 * @param patternLoop whether the playing pattern repeats
 * @param follow whether the editor should follow the playhead
 * @param revision the song's edit revision
 */
@ProviderType
public record TransportSnapshot(boolean playing, Playhead playhead, long frame, SongPosition loopFrom,
    SongPosition loopTo, boolean patternLoop, boolean follow, long revision) {
}

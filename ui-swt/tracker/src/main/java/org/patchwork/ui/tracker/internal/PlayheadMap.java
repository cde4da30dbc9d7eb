package org.patchwork.ui.tracker.internal;

import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongCompiler;

/**
 * Where a playing song is: the workbench plays a song compiled from its start
 * ({@link PlayOptions#at}), so its playhead frame maps to a line through the same compilation,
 * tempo changes ({@code T}, {@code W}, {@code Z} commands), jumps and loops included.
 * The workbench keeps playing the song as it was when playback started (edits made meanwhile
 * are heard from the next start), so the view maps with the song of that moment. Compiling takes
 * a while for a long song; the view does it off the UI thread.
 *
 * @param song the song compiled
 * @param sampleRate frames per second of the playback
 * @param compiled the song played through once
 */
record PlayheadMap(Song song, double sampleRate, CompiledSong compiled) {

  /** Compiles {@code song} as the workbench plays it. */
  static PlayheadMap of(Song song, double sampleRate) {
    return new PlayheadMap(song, sampleRate, SongCompiler.compile(song, PlayOptions.at(sampleRate)));
  }

  /** The line playing at {@code frame}, or null before the first line. */
  Playhead at(long frame) {
    return compiled.playhead(frame);
  }
}

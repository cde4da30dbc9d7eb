package org.patchwork.ui.automation.internal;

import java.util.List;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongCompiler;

/**
 * Maps the engine's playhead (frames since playback started from the song's start) to the
 * envelope coordinate (lines through the order list as laid out): the song is compiled as the
 * workbench plays it, so tempo and speed commands, grooves and jumps land where they play, and
 * the position between two line starts is interpolated. The compile is kept until the song or
 * the sample rate changes. Thread: one (the UI's).
 */
final class SongClock {

  private Song song;
  private double sampleRate;
  private CompiledSong compiled; // null: no playhead to show

  /** The song's length in lines as laid out (every order entry once). */
  static long lines(Song s) {
    return s.linesBefore(s.order().size());
  }

  /** The envelope position playing at {@code frame}, or NaN before the song or without lines. */
  double position(Song s, double rate, long frame) {
    if (s != song || rate != sampleRate) {
      song = s;
      sampleRate = rate;
      compiled = compile(s, rate);
    }
    int found = compiled == null ? -1 : compiled.rowIndex(frame);
    if (found < 0) {
      return Double.NaN;
    }
    List<Playhead> rows = compiled.rows();
    Playhead row = rows.get(found);
    double line = s.linesBefore(row.order()) + row.line();
    // The last line lasts until the song's end.
    long next = found + 1 < rows.size() ? rows.get(found + 1).frame() : compiled.length();
    return next > row.frame() ? line + Math.min(1, (double) (frame - row.frame()) / (next - row.frame())) : line;
  }

  private static CompiledSong compile(Song s, double rate) {
    if (s.order().isEmpty() || !(rate >= 8000 && rate <= 384_000)) {
      return null;
    }
    try {
      // Automation moves no line, and leaving it out keeps the compile quick.
      return SongCompiler.compile(s.withAutomation(List.of()), PlayOptions.at(rate));
    } catch (RuntimeException e) {
      // A song the workbench could not play has no playhead to show.
      return null;
    }
  }
}

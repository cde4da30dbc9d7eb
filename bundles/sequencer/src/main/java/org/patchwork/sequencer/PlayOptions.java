package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * How to play a song: sample rate, where to start, loops, limits.
 *
 * @param sampleRate frames per second, 8000..384000
 * @param start the line to start from; the song's state there (tempo, speed, lines per beat,
 *     track volumes and panning, parameter slots, pattern loops) is chased from the start, and
 *     frame 0 is that line's start
 * @param loopFrom with {@code loopTo}, a loop range: when the song reaches {@code loopTo} it goes
 *     on at {@code loopFrom}; null for none
 * @param loopTo the first line after the loop range (may be past the song's end); null for none
 * @param patternLoop whether the pattern playing repeats instead of going on in the order list
 * @param automationInterval frames between automation values on a moving envelope, 1..8192;
 *     envelope points always land at their exact frame besides
 * @param maxFrames the song ends here at the latest (loops and backward jumps never end)
 * @param endOnRevisit whether a position jump or pattern break to a line already played ends
 *     the song (how a song's length is defined; live playback keeps looping instead)
 */
@ProviderType
public record PlayOptions(double sampleRate, SongPosition start, SongPosition loopFrom, SongPosition loopTo,
    boolean patternLoop, int automationInterval, long maxFrames, boolean endOnRevisit) {

  /** Envelope values every 64 frames (1.3 ms at 48 kHz) unless told otherwise. */
  public static final int DEFAULT_AUTOMATION_INTERVAL = 64;
  /** The longest render by default: six hours at 384 kHz. */
  public static final long DEFAULT_MAX_FRAMES = 6L * 3600 * 384_000;

  /** Checks the values. */
  public PlayOptions {
    Checks.range("sampleRate", sampleRate, 8000, 384_000);
    start = start == null ? SongPosition.START : start;
    if ((loopFrom == null) != (loopTo == null)) {
      throw new IllegalArgumentException("a loop range needs both ends");
    }
    if (loopFrom != null && loopFrom.compareTo(loopTo) >= 0) {
      throw new IllegalArgumentException("a loop range must start before it ends: " + loopFrom + ".." + loopTo);
    }
    Checks.range("automationInterval", automationInterval, 1, 8192);
    if (maxFrames < 0) {
      throw new IllegalArgumentException("maxFrames must be at least 0: " + maxFrames);
    }
  }

  /** The whole song once from the start at {@code sampleRate}. */
  public static PlayOptions at(double sampleRate) {
    return new PlayOptions(sampleRate, SongPosition.START, null, null, false, DEFAULT_AUTOMATION_INTERVAL,
        DEFAULT_MAX_FRAMES, true);
  }

  /** These options starting at {@code position}. */
  public PlayOptions from(SongPosition position) {
    return new PlayOptions(sampleRate, position, loopFrom, loopTo, patternLoop, automationInterval, maxFrames,
        endOnRevisit);
  }

  /** These options looping {@code from} until {@code to} (exclusive), at most {@code frames} long. */
  public PlayOptions looping(SongPosition from, SongPosition to, long frames) {
    return new PlayOptions(sampleRate, start, from, to, patternLoop, automationInterval, frames, endOnRevisit);
  }

  /** These options repeating the pattern playing, at most {@code frames} long. */
  public PlayOptions patternLooping(long frames) {
    return new PlayOptions(sampleRate, start, loopFrom, loopTo, true, automationInterval, frames, endOnRevisit);
  }

  /** These options with automation values every {@code frames} frames. */
  public PlayOptions withAutomationInterval(int frames) {
    return new PlayOptions(sampleRate, start, loopFrom, loopTo, patternLoop, frames, maxFrames, endOnRevisit);
  }

  /** These options ending at {@code frames} at the latest. */
  public PlayOptions withMaxFrames(long frames) {
    return new PlayOptions(sampleRate, start, loopFrom, loopTo, patternLoop, automationInterval, frames, endOnRevisit);
  }
}

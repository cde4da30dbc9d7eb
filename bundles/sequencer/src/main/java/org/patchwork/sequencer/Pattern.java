package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A pattern: a number of lines, and for each song track a column of that many {@link Line}s.
 *
 * @param length lines, 1..{@value #MAX_LENGTH}
 * @param tracks per song track, exactly {@code length} lines
 */
@ProviderType
public record Pattern(int length, List<List<Line>> tracks) {

  /** The longest pattern, in lines. */
  public static final int MAX_LENGTH = 1024;

  /** Copies the lines; checks every track has {@code length} of them. */
  public Pattern {
    Checks.range("pattern length", length, 1, MAX_LENGTH);
    List<List<Line>> copy = new ArrayList<>(tracks.size());
    for (int t = 0; t < tracks.size(); t++) {
      List<Line> lines = tracks.get(t);
      if (lines.size() != length) {
        throw new IllegalArgumentException("track " + t + " of a pattern of " + length + " lines has "
            + lines.size() + " lines");
      }
      copy.add(List.copyOf(lines));
    }
    tracks = List.copyOf(copy);
  }

  /** An empty pattern of {@code length} lines for {@code trackCount} tracks. */
  public static Pattern empty(int length, int trackCount) {
    List<Line> lines = Collections.nCopies(length, Line.EMPTY);
    return new Pattern(length, Collections.nCopies(trackCount, lines));
  }

  /** The line {@code line} of track {@code track}. */
  public Line line(int track, int line) {
    return tracks.get(track).get(line);
  }

  /** This pattern with one line replaced. */
  public Pattern withLine(int track, int line, Line value) {
    List<Line> lines = new ArrayList<>(tracks.get(track));
    lines.set(line, value);
    return withTrack(track, lines);
  }

  /** This pattern with track {@code track}'s lines replaced. */
  public Pattern withTrack(int track, List<Line> lines) {
    List<List<Line>> copy = new ArrayList<>(tracks);
    copy.set(track, lines);
    return new Pattern(length, copy);
  }
}

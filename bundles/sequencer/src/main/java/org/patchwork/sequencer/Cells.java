package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.patchwork.sequencer.internal.Checks;

/** Cell-level helpers of {@link Edit}: bounds checks with messages, and line shifting. */
final class Cells {

  private Cells() {
  }

  static SongTrack track(Song s, int track) {
    return s.tracks().get(Checks.range("track index", track, 0, s.tracks().size() - 1));
  }

  static Pattern pattern(Song s, int pattern) {
    return s.patterns().get(Checks.range("pattern index", pattern, 0, s.patterns().size() - 1));
  }

  static Song with(Song s, int pattern, int track, int line, UnaryOperator<Line> change) {
    Pattern p = pattern(s, pattern);
    track(s, track);
    Checks.range("line", line, 0, p.length() - 1);
    List<Pattern> patterns = new ArrayList<>(s.patterns());
    patterns.set(pattern, p.withLine(track, line, change.apply(p.line(track, line))));
    return s.withPatterns(patterns, s.order());
  }

  static Song shift(Song s, int pattern, int track, int line, boolean insert) {
    Pattern p = pattern(s, pattern);
    Checks.range("track index", track, -1, s.tracks().size() - 1);
    Checks.range("line", line, 0, p.length() - 1);
    Pattern changed = p;
    for (int t = 0; t < s.tracks().size(); t++) {
      if (track >= 0 && t != track) {
        continue;
      }
      List<Line> lines = new ArrayList<>(p.tracks().get(t));
      if (insert) {
        lines.add(line, Line.EMPTY);
        lines.removeLast();
      } else {
        lines.remove(line);
        lines.add(Line.EMPTY);
      }
      changed = changed.withTrack(t, lines);
    }
    List<Pattern> patterns = new ArrayList<>(s.patterns());
    patterns.set(pattern, changed);
    return s.withPatterns(patterns, s.order());
  }

  static int envelope(Song s, String node, String parameter) {
    String target = node + "." + parameter;
    for (int i = 0; i < s.automation().size(); i++) {
      if (s.automation().get(i).target().equals(target)) {
        return i;
      }
    }
    return -1;
  }
}

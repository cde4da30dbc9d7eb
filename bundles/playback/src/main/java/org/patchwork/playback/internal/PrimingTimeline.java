package org.patchwork.playback.internal;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.engine.Timeline;

/**
 * A song sampled for priming: windows of {@code window} seconds taken every {@code stride}
 * seconds through the whole song and played back to back, so the throw-away session meets
 * every part of the song (each pattern's instruments, effects, tempo and parameter changes)
 * in a fraction of its length. Playing the 73-s tracker demo through took 4 s of CPU before the
 * first block; a quarter of it covers the same parts.
 *
 * <pre>{@code
 * Timeline t = PrimingTimeline.sample(song, 2.0, 8.0);   // 2 s out of every 8 s
 * }</pre>
 */
final class PrimingTimeline {

  private PrimingTimeline() {
  }

  /**
   * The windows of {@code timeline} back to back, or {@code timeline} itself when it is no
   * longer than one stride (or null). Events keep their order and their offset in their window.
   */
  static Timeline sample(Timeline timeline, double window, double stride) {
    if (timeline == null || !(window > 0) || !(stride >= window)) {
      return timeline;
    }
    long w = Math.round(window * timeline.sampleRate());
    long s = Math.round(stride * timeline.sampleRate());
    if (timeline.length() <= s) {
      return timeline;
    }
    List<Timeline.Event> out = new ArrayList<>();
    for (Timeline.Event e : timeline.events()) {
      long k = e.frame() / s;
      long offset = e.frame() - k * s;
      if (offset < w) {
        out.add(new Timeline.Event(k * w + offset, e.kind(), e.target(), e.parameter(), e.noteId(), e.key(),
            e.value()));
      }
    }
    long windows = (timeline.length() + s - 1) / s;
    return new Timeline(timeline.sampleRate(), windows * w, out);
  }
}

package org.patchwork.playback.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Timeline;

class PrimingTimelineTest {

  private static Timeline.Event on(long frame, int key) {
    return new Timeline.Event(frame, Timeline.Kind.NOTE_ON, "lead", "", key, key, 0.8);
  }

  @Test
  void windowsAreTakenEveryStrideAndPlayedBackToBack() {
    // 1000 Hz for easy frames: windows of 2 s (2000 frames) every 8 s (8000 frames).
    Timeline song = new Timeline(8000, 20_000, List.of(on(0, 60), on(1999, 61), on(2000, 62), on(8000, 63),
        on(9500, 64), on(12_000, 65), on(16_100, 66), new Timeline.Event(17_000, Timeline.Kind.TEMPO, "", "", 0, 0, 140)));
    Timeline sampled = PrimingTimeline.sample(song, 0.25, 1.0);
    assertEquals(List.of(0L, 1999L, 2000L, 3500L, 4100L, 5000L), sampled.events().stream().map(Timeline.Event::frame).toList());
    assertEquals(List.of(60, 61, 63, 64, 66, 0), sampled.events().stream().map(Timeline.Event::key).toList(),
        "events outside the windows are left out, the tempo change in the last window kept");
    assertEquals(3 * 2000, sampled.length(), "three windows of 2000 frames");
  }

  @Test
  void aSongShorterThanOneStrideIsPrimedWhole() {
    Timeline song = new Timeline(48_000, 48_000, List.of(on(100, 60)));
    assertSame(song, PrimingTimeline.sample(song, 2, 8));
    assertEquals(null, PrimingTimeline.sample(null, 2, 8));
  }
}

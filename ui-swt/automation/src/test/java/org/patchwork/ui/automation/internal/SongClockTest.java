package org.patchwork.ui.automation.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.Line;
import org.patchwork.sequencer.Pattern;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongSettings;
import org.patchwork.sequencer.SongTrack;

class SongClockTest {

  /** 120 bpm, 4 lines a beat: a line is 6000 frames at 48 kHz; pattern 1 sets 240 bpm (3000 frames a line). */
  static Song song() {
    Pattern first = Pattern.empty(16, 1);
    Pattern fast = Pattern.empty(8, 1).withLine(0, 0, new Line(List.of(), List.of(new EffectCell('T', 240))));
    return new Song(SongSettings.DEFAULT, List.of(), List.of(SongTrack.of("Lead", "lead")), List.of(first, fast),
        List.of(0, 1), List.of());
  }

  @Test
  void theSongsLengthCountsEveryOrderEntry() {
    assertEquals(24, SongClock.lines(song()));
    Song twice = song().withOrder(List.of(0, 0, 1));
    assertEquals(40, SongClock.lines(twice));
  }

  @Test
  void thePlayheadFrameMapsToTheLineThatPlaysAndBetweenLineStarts() {
    SongClock clock = new SongClock();
    Song s = song();
    assertEquals(0, clock.position(s, 48_000, 0), 1e-12);
    assertEquals(2.5, clock.position(s, 48_000, 15_000), 1e-12);
    assertEquals(15.5, clock.position(s, 48_000, 15 * 6000 + 3000), 1e-12);
  }

  @Test
  void aTempoCommandShortensTheLinesAfterIt() {
    SongClock clock = new SongClock();
    Song s = song();
    // 16 lines of 6000 frames, then lines of 3000.
    assertEquals(18.5, clock.position(s, 48_000, 96_000 + 2 * 3000 + 1500), 1e-12);
    assertEquals(23.5, clock.position(s, 48_000, 96_000 + 7 * 3000 + 1500), 1e-12, "the last line runs to the end");
  }

  @Test
  void aSongWithoutOrderEntriesHasNoPlayhead() {
    Song empty = song().withOrder(List.of());
    assertTrue(Double.isNaN(new SongClock().position(empty, 48_000, 1000)));
  }

  @Test
  void anotherSampleRateRecompiles() {
    SongClock clock = new SongClock();
    Song s = song();
    assertEquals(1, clock.position(s, 48_000, 6000), 1e-12);
    assertEquals(1, clock.position(s, 96_000, 12_000), 1e-12);
  }
}

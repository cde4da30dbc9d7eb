package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.EffectCell;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;

/** Playhead frames to lines, with the workbench's timing: 60 · rate / (bpm · linesPerBeat) frames a line. */
class PlayheadMapTest {

  @Test
  void at120BpmAndFourLinesPerBeatALineIs6000FramesAt48Khz() {
    PlayheadMap map = PlayheadMap.of(Songs.oneTrack(64, 120), 48_000);
    assertEquals(new Playhead(0, 0, 0, 0), map.at(0));
    assertEquals(new Playhead(0, 0, 0, 0), map.at(5_999));
    assertEquals(new Playhead(0, 0, 5, 30_000), map.at(5 * 6_000 + 10));
    assertEquals(new Playhead(0, 0, 63, 63 * 6_000), map.at(64 * 6_000 - 1));
    assertNull(map.at(-1));
  }

  @Test
  void theOrderListAndATempoChangeMoveTheLines() {
    // Twice through a 16-line pattern; a T3C on line 4 of the first pass halves the tempo (60 bpm).
    Song s = Songs.with(Songs.oneTrack(16, 120), new Edit.SetOrder(java.util.List.of(0, 0)),
        new Edit.SetNote(0, 0, 0, 0, NoteCell.of(60)), new Edit.SetEffect(0, 0, 4, 0, new EffectCell('T', 0x3C)));
    PlayheadMap map = PlayheadMap.of(s, 48_000);
    assertEquals(new Playhead(0, 0, 3, 18_000), map.at(4 * 6_000 - 1));
    assertEquals(new Playhead(0, 0, 4, 24_000), map.at(24_000), "the T line starts on time");
    assertEquals(new Playhead(0, 0, 6, 24_000 + 2 * 12_000), map.at(24_000 + 2 * 12_000 + 1),
        "12000 frames a line from there on");
    long second = 24_000 + 12 * 12_000;
    assertEquals(new Playhead(1, 0, 0, second), map.at(second), "the second order entry, still at 60 bpm");
    assertEquals(new Playhead(1, 0, 1, second + 12_000), map.at(second + 12_000 + 5));
  }
}

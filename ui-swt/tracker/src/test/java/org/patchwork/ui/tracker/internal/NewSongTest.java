package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongTrack;
import org.patchwork.ui.shell.SongEdit;

class NewSongTest {

  @Test
  void aProjectWithoutSongGetsATrackAndAnInstrumentPerGraphTrackAndOne64LinePattern() {
    Project notes = Songs.project(93.5, "bass", "lead", "pad");
    Project started = NewSong.change(notes).toWorkbench().apply(notes);
    Song s = SongEdit.song(started);
    assertEquals(List.of(SongTrack.of("bass", "bass"), SongTrack.of("lead", "lead"), SongTrack.of("pad", "pad")),
        s.tracks());
    assertEquals(List.of(new Instrument("bass", "bass"), new Instrument("lead", "lead"), new Instrument("pad", "pad")),
        s.instruments());
    assertEquals(1, s.patterns().size());
    assertEquals(64, s.patterns().getFirst().length());
    assertEquals(List.of(0), s.order());
    assertEquals(0, new BigDecimal("93.5").compareTo(s.settings().bpm()), "at the project's tempo");
    assertEquals(notes.graph(), started.graph());
  }

  @Test
  void aProjectWithoutTracksIsToldWhatToDoFirst() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NewSong.change(Songs.project(120)));
    assertEquals("the project has no tracks to play on: add an instrument in the patch editor first", e.getMessage());
  }
}

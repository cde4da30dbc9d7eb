package org.patchwork.ui.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Master;
import org.patchwork.engine.Node;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Song;

class SongEditTest {

  private final Project empty = new Project("p", 48_000, 120, new Graph(List.of(new Node("osc", "o")), List.of(),
      List.of(Track.of("lead", "osc")), List.of(), Master.DEFAULT), List.of(), null);

  @Test
  void aNoteTypedIntoAProjectWithoutSongStartsOneAndReadsBack() {
    Song base = SongEdit.song(empty);
    assertEquals(Song.empty(), base);
    Project withTrack = new SongEdit("Add track", new Edit.AddTrack(0, org.patchwork.sequencer.SongTrack.of("lead", "lead")))
        .apply(empty);
    withTrack = new SongEdit("Add pattern", new Edit.AddPattern(0, 64)).apply(withTrack);
    Project typed = new SongEdit("Type C-4", new Edit.SetNote(0, 0, 5, 0, NoteCell.of(60))).apply(withTrack);
    assertTrue(typed.hasSong());
    assertEquals(60, SongEdit.song(typed).patterns().getFirst().line(0, 5).note(0).key());
    assertSame(empty.graph(), typed.graph(), "the graph is untouched");
  }

  @Test
  void anEditThatDoesNotFitIsRefusedAndChangesNothing() {
    SongEdit e = new SongEdit("Type", new Edit.SetNote(0, 3, 0, 0, NoteCell.of(60)));
    assertThrows(IllegalArgumentException.class, () -> e.apply(empty));
    assertEquals(null, empty.song());
  }
}

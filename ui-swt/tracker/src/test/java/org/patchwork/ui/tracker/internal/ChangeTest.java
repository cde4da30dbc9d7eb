package org.patchwork.ui.tracker.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Project;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.Song;
import org.patchwork.ui.shell.SongEdit;

/** Changes as workbench edits: one sequencer edit is a SongEdit, several are one SongBatch. */
class ChangeTest {

  private final Project project = NewSong.change(Songs.project(120, "lead", "keys")).toWorkbench()
      .apply(Songs.project(120, "lead", "keys"));

  @Test
  void oneEditTravelsAsASongEditWithItsMergeKey() {
    Change c = new Change("Set length", List.of(new Edit.SetPatternLength(0, 32)), "length:0");
    SongEdit e = assertInstanceOf(SongEdit.class, c.toWorkbench());
    assertEquals("length:0", e.mergeKey());
    assertEquals(32, SongEdit.song(e.apply(project)).patterns().getFirst().length());
  }

  @Test
  void severalEditsAreOneBatchThatAppliesThemInOrder() {
    Change c = new Change("Paste", List.of(new Edit.SetNote(0, 0, 0, 0, NoteCell.of(60)),
        new Edit.SetNote(0, 1, 3, 0, NoteCell.of(64)), new Edit.InsertLine(0, 0, 0)));
    SongBatch batch = assertInstanceOf(SongBatch.class, c.toWorkbench());
    assertNull(batch.mergeKey(), "a batch is an entry of its own");
    Song after = SongEdit.song(batch.apply(project));
    assertEquals(60, after.patterns().getFirst().line(0, 1).note(0).key(), "moved down by the insert after it");
    assertEquals(64, after.patterns().getFirst().line(1, 3).note(0).key());
    assertEquals(c.apply(SongEdit.song(project)), after, "the same as the editor's own copy");
    assertSame(project.graph(), batch.apply(project).graph());
  }

  @Test
  void aBatchWithAnEditThatDoesNotFitIsRefusedWhole() {
    SongBatch batch = new SongBatch("Paste", List.of(new Edit.SetNote(0, 0, 0, 0, NoteCell.of(60)),
        new Edit.SetNote(0, 7, 0, 0, NoteCell.of(60))));
    assertThrows(IllegalArgumentException.class, () -> batch.apply(project));
    assertThrows(IllegalArgumentException.class, () -> new Change("Nothing", List.of()));
  }
}

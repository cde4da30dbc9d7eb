package org.patchwork.ui.shell.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.engine.Graph;
import org.patchwork.engine.Project;
import org.patchwork.engine.Track;
import org.patchwork.engine.Node;
import org.patchwork.ui.shell.Edit;
import org.patchwork.ui.shell.Edits;
import org.patchwork.ui.shell.JournalEntry;

class MemoryJournalTest {

  private final Project start = new Project("p", 48_000, 120,
      Graph.of(List.of(new Node("s", "org.patchwork.dsp.sine")), List.of(), List.of(Track.of("t", "s"))), List.of());
  private final MemoryJournal journal = new MemoryJournal();
  private Project current = start;
  private long sequence;
  private Instant clock = Instant.parse("2026-01-01T00:00:00Z");

  private void apply(Edit edit, long millisLater) {
    clock = clock.plusMillis(millisLater);
    Project next = edit.apply(current);
    journal.record(new JournalEntry(++sequence, clock, edit, current, next));
    current = next;
  }

  @Test
  void oneFaderDragIsOneEntryAndOneUndoTakesItAllBack() {
    for (int i = 0; i < 30; i++) {
      apply(new Edits.SetTrackGain("t", -i), 16);
    }
    assertEquals(1, journal.entries().size());
    assertEquals(-29, journal.entries().getFirst().after().graph().tracks().getFirst().gainDb());
    assertEquals(start, journal.undo().orElseThrow().before());
  }

  @Test
  void aPauseStartsANewEntry() {
    apply(new Edits.SetTrackGain("t", -3), 0);
    apply(new Edits.SetTrackGain("t", -6), MemoryJournal.MERGE_WINDOW.toMillis() + 1);
    assertEquals(2, journal.entries().size());
  }

  @Test
  void differentControlsAreDifferentEntries() {
    apply(new Edits.SetTrackGain("t", -3), 0);
    apply(new Edits.SetTrackPan("t", 0.5), 10);
    apply(new Edits.SetTrackMute("t", true), 10);
    apply(new Edits.SetTrackMute("t", false), 10);
    assertEquals(4, journal.entries().size(), "mute has no merge key: every click counts");
  }

  @Test
  void undoRedoAndANewEditEndTheRedoHistory() {
    apply(new Edits.SetTrackMute("t", true), 0);
    apply(new Edits.SetTrackSolo("t", true), 0);
    assertEquals("Solo t", journal.undo().orElseThrow().label());
    assertEquals(1, journal.redoable());
    assertEquals("Solo t", journal.nextRedo().orElseThrow().label());
    assertEquals("Solo t", journal.redo().orElseThrow().label());
    journal.undo();
    apply(new Edits.SetTrackPan("t", -1), 0);
    assertEquals(0, journal.redoable());
    assertTrue(journal.redo().isEmpty());
    assertEquals(List.of("Mute t", "Set t pan to -1.00"), journal.entries().stream().map(JournalEntry::label).toList());
  }
}

package org.patchwork.ui.shell.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.NoteNames;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.SongCompiler;
import org.patchwork.ui.shell.SongEdit;

/**
 * Records the notes a controller plays into the open project's tracker song while the window
 * plays it: each note-on is written at the line playing at its frame (the next line when it
 * comes after the middle of its line, as a tracker quantizes), with its velocity as the cell's
 * volume, in the song track the note was played on; a release in a later line writes a note-off
 * there. Each note is a {@link SongEdit} through the workbench, so the tracker view shows it,
 * the journal takes it (notes played close together undo as one step) and autosave keeps it;
 * the playing session goes on with the song as it was when it started, as for any edit.
 *
 * <p>The line of a frame comes from the song compiled as the session plays it (tempo changes,
 * jumps and loops included), once per session. The work runs on a thread of its own, off the
 * controllers' model thread. Loaded only when recording is used: it names the sequencer, which
 * the shell imports optionally.
 */
final class WindowRecorder implements AutoCloseable {

  private final WorkbenchService workbench;
  private final Consumer<String> log;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(
      r -> Thread.ofPlatform().daemon().name("patchwork-ui-recorder").unstarted(r));
  private volatile boolean armed;
  private int take; // model thread

  // recorder thread: the session whose song the lines come from, and the notes held
  private LiveSession mapped;
  private CompiledSong lines;
  private final Map<Integer, Playhead> held = new HashMap<>();

  WindowRecorder(WorkbenchService workbench, Consumer<String> log) {
    this.workbench = workbench;
    this.log = log;
  }

  boolean armed() {
    return armed;
  }

  /** Turns recording on or off; says so in the window's status line and the log. */
  void arm(boolean on) {
    if (on == armed) {
      return;
    }
    armed = on;
    take++;
    worker.execute(held::clear);
    workbench.notice(on ? "Recording: notes played while the song plays go into the song" : "Recording off");
  }

  /** A note played at engine frame {@code frame} of {@code session}, on song track {@code track}. */
  void noteOn(LiveSession session, long frame, int track, int key, double velocity) {
    if (!armed || session == null || session.monitor() || !session.startedWith().hasSong()) {
      return;
    }
    int t = take;
    worker.execute(() -> {
      Playhead row = line(session, frame);
      if (row == null) {
        return; // a song track the song does not have is refused by the edit, and logged
      }
      int volume = (int) Math.max(1, Math.min(128, Math.round(velocity * 128)));
      submit("Record " + NoteNames.format(key) + " in track " + (track + 1) + " at line " + row.line(),
          new Edit.SetNote(row.pattern(), track, row.line(), 0, NoteCell.of(key).withVolume(volume)), t);
      held.put(track << 8 | key, row);
    });
  }

  /** The release of a recorded note: a note-off where it falls, unless still in the note's line. */
  void noteOff(LiveSession session, long frame, int track, int key) {
    if (!armed || session == null) {
      return;
    }
    int t = take;
    worker.execute(() -> {
      Playhead on = held.remove(track << 8 | key);
      Playhead row = on == null ? null : line(session, frame);
      if (row == null || row.equals(on)) {
        return; // released within its own line: the next note or the pattern's end cuts it
      }
      submit("Record note-off in track " + (track + 1) + " at line " + row.line(),
          new Edit.SetNote(row.pattern(), track, row.line(), 0, NoteCell.off()), t);
    });
  }

  private void submit(String label, Edit edit, int take) {
    workbench.submit(new SongEdit(label, edit, "record take " + take)).exceptionally(e -> {
      log.accept("recording: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
      return null;
    });
  }

  /** The line a note at {@code frame} is written at (see {@link Playhead#recordedLine}); null outside the song. */
  private Playhead line(LiveSession session, long frame) {
    if (session != mapped) {
      lines = SongCompiler.compile(SongEdit.song(session.startedWith()), PlayOptions.at(session.sampleRate()));
      mapped = session;
    }
    int i = lines.rowIndex(frame);
    if (i < 0 || frame >= lines.length()) {
      return null;
    }
    List<Playhead> rows = lines.rows();
    return Playhead.recordedLine(rows.get(i), i + 1 < rows.size() ? rows.get(i + 1) : null, frame);
  }

  @Override
  public void close() {
    worker.shutdown();
    try {
      worker.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

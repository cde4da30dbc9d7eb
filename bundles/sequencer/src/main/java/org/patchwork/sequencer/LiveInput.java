package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sdk.sequencer.SequencerEvent;

/**
 * Notes played live, from the computer keyboard ({@link KeyboardLayout}) or a MIDI input: each
 * is heard at once ({@link Sequencer#schedule}, so it reaches the playing session at its frame)
 * and, in record mode, written into the song by {@link Edit}s through the sequencer's editor,
 * so undo takes a recorded note back.
 *
 * <ul>
 *   <li>While the song plays, a note goes to the line nearest its frame: the line playing then,
 *       or the next one when the note is in that line's second half. A note for a line that has
 *       not started yet is written once it starts ({@link #update()}), so the sequencer does not
 *       play it a second time. A note-off is written as {@code OFF} on its line in the note's
 *       column, unless that is the note's own line or the cell is taken.
 *   <li>Chords: each held key has its own note column; the track gets another column (up to
 *       16) when all are held.
 *   <li>Stopped, a note is written at the cursor, which then moves on by the edit step.
 *   <li>The velocity goes to the volume column ({@code round(v·128)}; none for full velocity).
 * </ul>
 *
 * <pre>{@code
 * LiveInput in = new LiveInput(sequencer);
 * in.track(2);
 * in.record(true);
 * in.noteOn(session.now(), KeyboardLayout.QWERTY.key('q', 4), 0.8);   // heard at once, recorded
 * sequencer.advance(1, song, live);
 * in.update();
 * }</pre>
 *
 * <p>Thread: the sequencer thread, like the {@link Sequencer} it drives (a MIDI input hands its
 * messages to that thread, keeping their timestamps).
 */
@ProviderType
public final class LiveInput {

  private final Sequencer sequencer;
  private final Map<Integer, Integer> held = new HashMap<>();
  private final Map<Integer, Place> heldAt = new HashMap<>();
  private final List<Waiting> waiting = new ArrayList<>();
  private int track;
  private int instrument = -1;
  private boolean record;
  private int cursorPattern;
  private int cursorLine;
  private int step = 1;

  /** Where a cell goes: a pattern, its line, and the order index it was played at. */
  private record Place(int order, int pattern, int line) {
  }

  /**
   * A cell to write once the line after {@code row} starts: a note of {@code key}, or an
   * {@code OFF} that is dropped if it would land on {@code avoid} (its note's line).
   */
  private record Waiting(Playhead row, int column, NoteCell cell, int key, Place avoid) {
  }

  /** Live input into {@code sequencer}'s song, on track 0, not recording. */
  public LiveInput(Sequencer sequencer) {
    this.sequencer = sequencer;
  }

  /** The song track notes play on and are recorded into. */
  public void track(int index) {
    if (index < 0) {
      throw new IllegalArgumentException("track must be at least 0: " + index);
    }
    track = index;
  }

  /** The instrument written with recorded notes (-1: none, the track's own). */
  public void instrument(int index) {
    if (index < -1 || index > 255) {
      throw new IllegalArgumentException("instrument must be within -1..255: " + index);
    }
    instrument = index;
  }

  /** Turns record mode on or off. */
  public void record(boolean on) {
    record = on;
  }

  /** Whether notes are recorded. */
  public boolean recording() {
    return record;
  }

  /** Where notes are written while the song is stopped. */
  public void cursor(int pattern, int line) {
    cursorPattern = pattern;
    cursorLine = line;
  }

  /** The cursor's line. */
  public int cursorLine() {
    return cursorLine;
  }

  /** Lines the cursor moves down after a note is written while stopped (0..64). */
  public void editStep(int lines) {
    if (lines < 0 || lines > 64) {
      throw new IllegalArgumentException("edit step must be within 0..64: " + lines);
    }
    step = lines;
  }

  /**
   * Plays {@code key} from {@code frame} (sequencer frames; a past frame plays at once) and, in
   * record mode, writes it.
   *
   * @param velocity above 0, at most 1
   * @return false if the sequencer's live queue is full (nothing happened)
   */
  public boolean noteOn(long frame, int key, double velocity) {
    if (key < 0 || key > 127 || !(velocity > 0 && velocity <= 1)) {
      throw new IllegalArgumentException("a live note needs a key within 0..127 and a velocity above 0 up to 1");
    }
    if (!sequencer.schedule(SequencerEvent.noteOn(Math.max(0, frame), track, key, (float) velocity))) {
      return false;
    }
    if (!record || track >= sequencer.song().tracks().size()) {
      return true;
    }
    int volume = velocity >= 1 ? -1 : Math.max(1, (int) Math.round(velocity * 128));
    NoteCell cell = new NoteCell(key, instrument, volume, -1, 0);
    if (!sequencer.playing()) {
      Song s = sequencer.song();
      if (cursorPattern < s.patterns().size() && cursorLine < s.patterns().get(cursorPattern).length()) {
        int column = freeColumn(key);
        sequencer.edit(new Edit.SetNote(cursorPattern, track, cursorLine, column, cell));
        cursorLine = (cursorLine + step) % s.patterns().get(cursorPattern).length();
      }
      return true;
    }
    aim(frame, freeColumn(key), cell, key, null);
    return true;
  }

  /**
   * Releases {@code key} at {@code frame} and, in record mode, writes its note-off.
   *
   * @return false if the sequencer's live queue is full (nothing happened)
   */
  public boolean noteOff(long frame, int key) {
    if (!sequencer.schedule(SequencerEvent.noteOff(Math.max(0, frame), track, key))) {
      return false;
    }
    Integer column = held.remove(key);
    Place start = heldAt.remove(key);
    boolean noteWaiting = waiting.stream().anyMatch(w -> w.key() == key);
    // A note still waiting for its line would get its OFF on that same line: let it ring instead.
    if (record && column != null && sequencer.playing() && !noteWaiting) {
      aim(frame, column, NoteCell.off(), -1, start);
    }
    return true;
  }

  /**
   * Writes the recorded cells whose line has started since; call after each
   * {@link Sequencer#advance}. When the song has stopped, the rest are written where they were
   * aimed.
   */
  public void update() {
    for (Iterator<Waiting> i = waiting.iterator(); i.hasNext(); ) {
      Waiting w = i.next();
      Playhead next = sequencer.playing() ? sequencer.lineAfter(w.row()) : null;
      Place at;
      if (next != null) {
        at = new Place(next.order(), next.pattern(), next.line());
      } else if (!sequencer.playing()) {
        Place p = successor(w.row());
        at = p != null ? p : new Place(w.row().order(), w.row().pattern(), w.row().line());
      } else {
        continue;
      }
      i.remove();
      write(at, w.column(), w.cell(), w.key(), w.avoid());
    }
  }

  /** Cells waiting for their line to start. */
  public int waiting() {
    return waiting.size();
  }

  /** Writes {@code cell} on the line nearest {@code frame}, or waits for that line to start. */
  private void aim(long frame, int column, NoteCell cell, int key, Place avoid) {
    Playhead row = sequencer.lineAt(frame);
    if (row == null) {
      return;
    }
    Playhead next = sequencer.lineAfter(row);
    double length = next != null ? next.frame() - row.frame() : lineLength();
    if (2 * (frame - row.frame()) < length) {
      write(new Place(row.order(), row.pattern(), row.line()), column, cell, key, avoid);
    } else if (next != null) {
      write(new Place(next.order(), next.pattern(), next.line()), column, cell, key, avoid);
    } else {
      waiting.add(new Waiting(row, column, cell, key, avoid));
    }
  }

  private void write(Place p, int column, NoteCell cell, int key, Place avoid) {
    Song s = sequencer.song();
    if (p.equals(avoid) || track >= s.tracks().size() || p.pattern() >= s.patterns().size()
        || p.line() >= s.patterns().get(p.pattern()).length() || column >= s.tracks().get(track).noteColumns()) {
      return;
    }
    if (cell.key() == NoteCell.OFF && !s.patterns().get(p.pattern()).line(track, p.line()).note(column).isEmpty()) {
      return; // never over a note (its own, or one recorded since)
    }
    if (key >= 0 && held.containsKey(key)) {
      heldAt.put(key, p);
    }
    sequencer.edit(new Edit.SetNote(p.pattern(), track, p.line(), column, cell));
  }

  /** The lowest note column no other held key uses; the track gets one more when all are. */
  private int freeColumn(int key) {
    Integer previous = held.remove(key);
    SongTrack t = sequencer.song().tracks().get(track);
    int column = 0;
    while (held.containsValue(column)) {
      column++;
    }
    if (column >= t.noteColumns()) {
      if (t.noteColumns() < 16) {
        sequencer.edit(new Edit.SetTrack(track, t.withColumns(t.noteColumns() + 1, t.effectColumns())));
      } else {
        column = previous != null ? previous : 0;
      }
    }
    held.put(key, column);
    return column;
  }

  /** The line after {@code row} in the order list, as laid out; null past the song's end. */
  private Place successor(Playhead row) {
    Song s = sequencer.song();
    if (row.order() >= s.order().size()) {
      return null;
    }
    if (row.line() + 1 < s.patternAt(row.order()).length()) {
      return new Place(row.order(), row.pattern(), row.line() + 1);
    }
    int order = row.order() + 1;
    return order < s.order().size() ? new Place(order, s.order().get(order), 0) : null;
  }

  private double lineLength() {
    var snap = sequencer.snapshot();
    return 60 * sequencer.sampleRate() / (snap.tempo() * snap.linesPerBeat());
  }
}

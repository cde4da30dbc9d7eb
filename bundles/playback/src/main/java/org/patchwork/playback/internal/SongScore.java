package org.patchwork.playback.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.patchwork.sequencer.Edit;
import org.patchwork.sequencer.NoteCell;
import org.patchwork.sequencer.ParamTarget;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Sequencer;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongEditor;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.SongJson;
import org.patchwork.sequencer.SongPosition;
import org.patchwork.sequencer.SongTrack;

/**
 * A tracker song played live by the sequencer, tick by tick, its events placed at
 * {@code start + sequencer frame}. The event mapping is the sequencer's {@code LiveSession}'s
 * (notes to the track's output, volume/pan/sample-offset columns through the track's targets);
 * unlike it, the song's first frame is the exact engine frame a play names.
 *
 * <p>A playing sequencer keeps the bpm it started with (only the song's own {@code Txx}
 * commands change it), so a live tempo change plays the song on from the next line with the
 * new bpm: a new play of that line, its state chased, where notes still sounding are released.
 * Changes that come before that line only replace the bpm waiting for it.
 */
final class SongScore implements Score {

  private final Sequencer sequencer;
  private long start = -1;
  private long limit = Long.MAX_VALUE;
  private Out out;
  private double stoppedBeats;
  private final double rate;
  /** The sequencer frame of the next line, where a new tempo takes over; -1 for none waiting. */
  private long tempoAt = -1;
  private SongPosition tempoFrom;
  private boolean recording;
  /** Where each recorded note sounding now was written: track << 8 | key to its line. */
  private final Map<Integer, Playhead> recorded = new HashMap<>();

  SongScore(Song song, double sampleRate) {
    this.sequencer = new Sequencer(sampleRate, new SongEditor(song));
    this.rate = sampleRate;
  }

  @Override
  public void start(long at, double beats) {
    sequencer.playFrom(position(sequencer.song(), beats));
    start = at;
    tempoAt = -1;
  }

  @Override
  public void render(long until, long limit, Out out) {
    this.limit = limit;
    this.out = out;
    while (start >= 0 && sequencer.playing() && start + sequencer.frame() < until) {
      if (tempoAt >= 0 && sequencer.frame() >= tempoAt - 1) {
        long at = start + sequencer.frame();
        sequencer.playFrom(tempoFrom);
        start = at;
        tempoAt = -1;
      }
      sequencer.advance(1, this::song);
    }
    if (start >= 0 && !sequencer.playing()) {
      // the song's end: its last releases went out above
      stoppedBeats = 0;
      start = -1;
    }
    this.limit = Long.MAX_VALUE;
  }

  @Override
  public void stop(long at) {
    if (start < 0) {
      return;
    }
    stoppedBeats = beats(at);
    sequencer.stop();
    // Flushes the sequencer's releases; the run releases every track at the stop's frame.
    limit = Long.MIN_VALUE;
    sequencer.advance(0, this::song);
    limit = Long.MAX_VALUE;
    start = -1;
  }

  @Override
  public boolean playing() {
    return start >= 0;
  }

  @Override
  public double beats(long engineFrame) {
    Playhead p = sequencer.transport().playhead();
    if (start < 0 || p == null) {
      return stoppedBeats;
    }
    Song s = sequencer.song();
    int lpb = Math.max(1, sequencer.snapshot().linesPerBeat());
    return (s.linesBefore(p.order()) + p.line()) / (double) lpb;
  }

  @Override
  public double tempo() {
    return sequencer.snapshot().tempo();
  }

  @Override
  public void tempo(double bpm) {
    sequencer.edit(new Edit.SetBpm(BigDecimal.valueOf(bpm)));
    Playhead p = sequencer.transport().playhead();
    if (start < 0 || p == null || tempoAt >= 0) {
      return; // stopped: the next play starts at the song's new bpm; else one is waiting already
    }
    Song s = sequencer.song();
    double line = 60 * rate / (sequencer.snapshot().tempo() * Math.max(1, sequencer.snapshot().linesPerBeat()));
    long next = p.frame() + Math.round(line);
    tempoAt = Math.max(next, sequencer.frame());
    tempoFrom = p.line() + 1 < s.patternAt(p.order()).length() ? new SongPosition(p.order(), p.line() + 1)
        : new SongPosition(Math.min(p.order() + 1, s.order().size()), 0);
    if (tempoFrom.order() >= s.order().size()) {
      tempoAt = -1; // the song ends with this line
    }
  }

  @Override
  public String output(int track) {
    Song s = sequencer.song();
    return track >= 0 && track < s.tracks().size() ? s.tracks().get(track).output() : null;
  }

  @Override
  public int[] position() {
    Playhead p = sequencer.transport().playhead();
    return start < 0 || p == null ? null : new int[] {p.order(), p.pattern(), p.line()};
  }

  @Override
  public boolean record(boolean on) {
    recording = on;
    if (!on) {
      recorded.clear();
    }
    return true;
  }

  @Override
  public boolean recording() {
    return recording;
  }

  @Override
  public void recordNoteOn(long frame, int track, int key, double velocity, Out out) {
    Playhead row = recordedLine(frame, out);
    if (row == null || track < 0 || track >= sequencer.song().tracks().size()) {
      return;
    }
    int volume = (int) Math.max(1, Math.min(128, Math.round(velocity * 128)));
    sequencer.edit(new Edit.SetNote(row.pattern(), track, row.line(), 0, NoteCell.of(key).withVolume(volume)));
    recorded.put(track << 8 | key, row);
  }

  @Override
  public void recordNoteOff(long frame, int track, int key, Out out) {
    Playhead on = recorded.remove(track << 8 | key);
    Playhead row = recordedLine(frame, out);
    if (on == null || row == null || row.equals(on)) {
      return; // released within its own line: the next note or the pattern's end cuts it
    }
    sequencer.edit(new Edit.SetNote(row.pattern(), track, row.line(), 0, NoteCell.off()));
  }

  /**
   * The line playing at engine frame {@code frame}, or the next one when the frame is past the
   * middle of its line and the next has been played already (a later line is written when it
   * comes round again). The song is rendered up to the frame first so the line is known.
   */
  private Playhead recordedLine(long frame, Out out) {
    if (!recording || start < 0) {
      return null;
    }
    render(frame, Long.MAX_VALUE, out);
    long f = frame - start;
    Playhead row = sequencer.lineAt(f);
    if (row == null) {
      return null;
    }
    return Playhead.recordedLine(row, sequencer.lineAfter(row), f);
  }

  @Override
  public String songJson() {
    return SongJson.write(sequencer.song());
  }

  /** The line {@code beats} quarter notes into the order list; the last line past the end. */
  static SongPosition position(Song song, double beats) {
    long lines = Math.round(beats * song.settings().linesPerBeat());
    for (int order = 0; order < song.order().size(); order++) {
      int length = song.patternAt(order).length();
      if (lines < length) {
        return new SongPosition(order, (int) lines);
      }
      lines -= length;
    }
    int last = song.order().size() - 1;
    return last < 0 ? SongPosition.START : new SongPosition(last, song.patternAt(last).length() - 1);
  }

  private void song(SongEvent e) {
    long f = start + e.frame();
    if (f >= limit) {
      return;
    }
    switch (e.kind()) {
      case NOTE_ON -> out.noteOn(f, out.track(e.output()), e.noteId(), e.key(), (float) e.value());
      case NOTE_OFF -> out.noteOff(f, out.track(e.output()), e.noteId(), e.key());
      case NOTE_EXPRESSION -> out.expression(f, out.track(e.output()), e.noteId(), e.value());
      case PARAMETER -> out.parameter(f, e.node(), e.parameter(), e.value());
      case TEMPO -> out.tempo(f, e.value());
      case VOLUME -> mapped(f, target(e, SongTrack::volume), e.value());
      case PAN -> mapped(f, target(e, SongTrack::pan), (e.value() + 1) / 2);
      case SAMPLE_OFFSET -> mapped(f, target(e, SongTrack::sampleOffset), e.value());
    }
  }

  private ParamTarget target(SongEvent e, Function<SongTrack, ParamTarget> which) {
    Song s = sequencer.song();
    return e.track() >= 0 && e.track() < s.tracks().size() ? which.apply(s.tracks().get(e.track())) : null;
  }

  private void mapped(long f, ParamTarget target, double fraction) {
    if (target != null) {
      out.parameter(f, target.node(), target.parameter(), target.at(fraction));
    }
  }
}

package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/** Builds test songs through a {@link SongEditor}, so every test also exercises the edits. */
final class SongBuilder {

  final SongEditor editor = new SongEditor();

  SongBuilder bpm(String bpm) {
    editor.apply(new Edit.SetBpm(new BigDecimal(bpm)));
    return this;
  }

  SongBuilder lpb(int lpb) {
    editor.apply(new Edit.SetLinesPerBeat(lpb));
    return this;
  }

  SongBuilder tpl(int tpl) {
    editor.apply(new Edit.SetTicksPerLine(tpl));
    return this;
  }

  SongBuilder groove(String... offsets) {
    editor.apply(new Edit.SetGroove(Arrays.stream(offsets).map(BigDecimal::new).toList()));
    return this;
  }

  SongBuilder humanize(String timing, String velocity, long seed) {
    editor.apply(new Edit.SetHumanize(new Humanize(new BigDecimal(timing), new BigDecimal(velocity), seed)));
    return this;
  }

  SongBuilder track(SongTrack track) {
    editor.apply(new Edit.AddTrack(editor.song().tracks().size(), track));
    return this;
  }

  SongBuilder instrument(String name, String output) {
    editor.apply(new Edit.AddInstrument(editor.song().instruments().size(), new Instrument(name, output)));
    return this;
  }

  SongBuilder pattern(int length) {
    editor.apply(new Edit.AddPattern(editor.song().patterns().size(), length));
    return this;
  }

  SongBuilder order(Integer... patterns) {
    editor.apply(new Edit.SetOrder(List.of(patterns)));
    return this;
  }

  SongBuilder note(int pattern, int track, int line, int column, NoteCell cell) {
    editor.apply(new Edit.SetNote(pattern, track, line, column, cell));
    return this;
  }

  /** Note {@code key} in column 0 of track 0 of pattern 0. */
  SongBuilder note(int line, int key) {
    return note(0, 0, line, 0, NoteCell.of(key));
  }

  SongBuilder note(int line, NoteCell cell) {
    return note(0, 0, line, 0, cell);
  }

  SongBuilder fx(int pattern, int track, int line, int column, String effect) {
    editor.apply(new Edit.SetEffect(pattern, track, line, column, EffectCell.parse(effect)));
    return this;
  }

  /** Effect in column 0 of track 0 of pattern 0. */
  SongBuilder fx(int line, String effect) {
    return fx(0, 0, line, 0, effect);
  }

  SongBuilder envelope(Envelope e) {
    editor.apply(new Edit.SetEnvelope(e));
    return this;
  }

  Song song() {
    return editor.song();
  }

  /** One track "lead" on engine track "t", one pattern of {@code length} lines, ordered once. */
  static SongBuilder simple(int length) {
    return new SongBuilder().track(SongTrack.of("lead", "t")).pattern(length).order(0);
  }
}

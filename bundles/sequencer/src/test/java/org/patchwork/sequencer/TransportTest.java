package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.patchwork.sdk.sequencer.SequencerEvent;

/** Play, play from a line, stop, loop range, pattern loop, playhead, and the live tick renderer. */
class TransportTest {

  /** Two patterns; a tempo and a volume set early, so playing from later must chase them. */
  static Song song() {
    SongTrack t = SongTrack.of("lead", "t").withVolume(ParamTarget.parse("probe.gain", 0, 1));
    SongBuilder b = new SongBuilder().track(t).pattern(8).pattern(8).order(0, 1, 0);
    b.fx(0, 0, 1, 0, "T3C").fx(0, 0, 2, 0, "C40");
    for (int p = 0; p < 2; p++) {
      for (int line = 0; line < 8; line += 2) {
        b.note(p, 0, line, 0, NoteCell.of(60 + line + p).withDelay(line * 16));
      }
    }
    return b.song();
  }

  private static String text(SongEvent e) {
    return e.kind() + "@" + e.frame() + " " + e.key() + " " + e.value();
  }

  @Test
  void playingFromALineIsTheFullPlayFromThereWithItsStateChased() {
    Song s = song();
    CompiledSong full = SongCompiler.compile(s, PlayOptions.at(Rig.RATE));
    Playhead start = full.rows().stream().filter(r -> r.order() == 1 && r.line() == 4).findFirst().orElseThrow();
    CompiledSong from = SongCompiler.compile(s, PlayOptions.at(Rig.RATE).from(new SongPosition(1, 4)));
    // The chased state comes first, at frame 0: tempo 60 and volume 0.5.
    assertEquals(List.of("TEMPO@0 -1 60.0", "VOLUME@0 -1 0.5"), from.events().stream()
        .filter(e -> e.kind() == SongEvent.Kind.TEMPO || e.kind() == SongEvent.Kind.VOLUME).map(TransportTest::text)
        .toList());
    // Notes that started before the start line are not resumed, so neither are their releases.
    java.util.Set<Integer> later = new java.util.HashSet<>();
    full.events(SongEvent.Kind.NOTE_ON).stream().filter(e -> e.frame() >= start.frame())
        .forEach(e -> later.add(e.noteId()));
    List<String> tail = full.events().stream()
        .filter(e -> e.frame() >= start.frame() && e.kind().compareTo(SongEvent.Kind.NOTE_OFF) >= 0)
        .filter(e -> later.contains(e.noteId()))
        .map(e -> text(new SongEvent(e.frame() - start.frame(), e.kind(), e.track(), e.output(), 0, e.key(),
            e.value(), "", "")))
        .toList();
    List<String> played = from.events().stream().filter(e -> e.kind().compareTo(SongEvent.Kind.NOTE_OFF) >= 0)
        .map(TransportTest::text).toList();
    assertEquals(tail, played);
    assertEquals(full.length() - start.frame(), from.length());
  }

  @Test
  void theLoopRangeRepeatsUntilTheLimit() {
    Song s = SongBuilder.simple(8).note(3, 60).song();
    CompiledSong c = SongCompiler.compile(s, PlayOptions.at(Rig.RATE)
        .looping(new SongPosition(0, 2), new SongPosition(0, 5), 60_000));
    assertEquals(List.of("0:0", "0:1", "0:2", "0:3", "0:4", "0:2", "0:3", "0:4", "0:2", "0:3"),
        c.rows().stream().map(r -> r.order() + ":" + r.line()).toList());
    assertEquals(List.of(18_000L, 36_000L, 54_000L), c.events(SongEvent.Kind.NOTE_ON).stream()
        .map(SongEvent::frame).toList());
    assertEquals(60_000, c.length());
  }

  @Test
  void patternLoopRepeatsThePatternPlaying() {
    Song s = new SongBuilder().track(SongTrack.of("lead", "t")).pattern(2).pattern(2).order(0, 1).song();
    CompiledSong c = SongCompiler.compile(s, PlayOptions.at(Rig.RATE).from(new SongPosition(1, 0))
        .patternLooping(30_000));
    assertEquals(List.of("1:0", "1:1", "1:0", "1:1", "1:0"),
        c.rows().stream().map(r -> r.order() + ":" + r.line()).toList());
  }

  @Test
  void thePlayheadOfAFrameIsTheLineStartedLast() {
    CompiledSong c = SongCompiler.compile(song(), PlayOptions.at(Rig.RATE));
    // Line 0 at 120 bpm (6000 frames), then 60 bpm (12 000 frames a line).
    assertNull(c.playhead(-1));
    assertEquals(new Playhead(0, 0, 0, 0), c.playhead(5999));
    assertEquals(new Playhead(0, 0, 1, 6000), c.playhead(6000));
    assertEquals(new Playhead(0, 0, 1, 6000), c.playhead(17_999));
    assertEquals(new Playhead(1, 1, 0, 6000 + 7 * 12_000), c.playhead(6000 + 7 * 12_000 + 5));
    assertEquals(new Playhead(2, 0, 7, 6000 + 22 * 12_000), c.playhead(Long.MAX_VALUE));
  }

  /** The live sequencer in random tick steps gives the compiler's events, then STOP. */
  @Test
  void renderTicksInAnyStepsGivesTheCompiledEventsAndFrames() {
    Song s = song();
    CompiledSong full = SongCompiler.compile(s, PlayOptions.at(Rig.RATE));
    List<String> expected = new ArrayList<>();
    full.events().forEach(e -> expected.add(Sequencer.toSdk(e).toString()));
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(s));
    seq.play();
    Random random = new Random(5);
    List<String> got = new ArrayList<>();
    long frames = 0;
    long last = -1;
    while (seq.playing()) {
      frames += seq.renderTicks(1 + random.nextInt(9), e -> got.add(e.toString()));
    }
    SequencerEvent stop = new SequencerEvent(full.length(), SequencerEvent.Kind.STOP, 0, -1, 0, "", 0);
    expected.add(stop.toString());
    assertEquals(expected, got);
    assertEquals(full.length(), frames);
    for (String e : got) {
      long f = Long.parseLong(e.substring(e.indexOf("frame=") + 6, e.indexOf(',')));
      assertTrue(f >= last, "frame order");
      last = f;
    }
  }

  @Test
  void stopReleasesSoundingNotesAtOnce() {
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(SongBuilder.simple(8).note(0, 60).song()));
    seq.play();
    List<SequencerEvent> got = new ArrayList<>();
    seq.renderTicks(9, got::add);   // a line and a half: 9000 frames
    seq.stop();
    seq.renderTicks(6, got::add);
    assertEquals(List.of(SequencerEvent.Kind.TEMPO, SequencerEvent.Kind.NOTE_ON, SequencerEvent.Kind.NOTE_OFF,
        SequencerEvent.Kind.STOP), got.stream().map(SequencerEvent::kind).toList());
    assertEquals(9000, got.get(2).frame());
    assertFalse(seq.snapshot().playing());
    // Stopped, the clock still runs at the song's tempo.
    assertEquals(6000, seq.renderTicks(6, e -> { }));
  }

  @Test
  void editsWhilePlayingAreHeardFromTheNextLine() {
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(SongBuilder.simple(8).song()));
    seq.play();
    List<SequencerEvent> got = new ArrayList<>();
    seq.renderTicks(3, got::add);
    seq.edit(new Edit.SetNote(0, 0, 0, 0, NoteCell.of(50)));   // the line already playing: not heard
    seq.edit(new Edit.SetNote(0, 0, 1, 0, NoteCell.of(62)));
    seq.renderTicks(9, got::add);
    List<SequencerEvent> ons = got.stream().filter(e -> e.kind() == SequencerEvent.Kind.NOTE_ON).toList();
    assertEquals(1, ons.size());
    assertEquals(62, ons.getFirst().key());
    assertEquals(6000, ons.getFirst().frame());
    assertEquals(2, seq.snapshot().revision());
  }

  @Test
  void scheduledLiveEventsComeOutAtTheirFramesAmongTheSongs() {
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(SongBuilder.simple(4).note(1, 60).song()));
    seq.play();
    assertTrue(seq.schedule(SequencerEvent.noteOn(3000, 5, 72, 1f)));
    assertTrue(seq.schedule(SequencerEvent.noteOn(9000, 5, 74, 1f)));
    List<SequencerEvent> got = new ArrayList<>();
    seq.renderTicks(6, got::add);
    assertEquals(List.of("TEMPO@0", "NOTE_ON@3000"),
        got.stream().map(e -> e.kind() + "@" + e.frame()).toList());
    got.clear();
    seq.renderTicks(6, got::add);
    assertEquals(List.of("NOTE_ON@6000", "NOTE_ON@9000"), got.stream().map(e -> e.kind() + "@" + e.frame()).toList());
  }

  @Test
  void snapshotsAndTransportTellWhereTheSongIs() {
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(song()));
    assertFalse(seq.snapshot().playing());
    seq.loop(new SongPosition(0, 0), new SongPosition(1, 0));
    seq.follow(false);
    seq.playFrom(new SongPosition(0, 3));
    seq.renderTicks(7, e -> { });
    assertTrue(seq.snapshot().playing());
    assertEquals(60, seq.snapshot().tempo());
    assertEquals(0, seq.snapshot().orderIndex());
    assertEquals(4, seq.snapshot().line());
    assertEquals(12_000 + 2000, seq.snapshot().frame());
    TransportSnapshot t = seq.transport();
    assertEquals(new Playhead(0, 0, 4, 12_000), t.playhead());
    assertEquals(new SongPosition(1, 0), t.loopTo());
    assertFalse(t.follow());
  }

  @Test
  void theServiceComponentIsAStoppedSequencerOfAnEmptySong() {
    var service = new org.patchwork.sequencer.internal.SequencerComponent(java.util.Map.of("sampleRate", 44_100.0));
    assertFalse(service.snapshot().playing());
    assertEquals(120, service.snapshot().tempo());
    // 6 ticks = one line at 120 bpm, 4 lines per beat, 44.1 kHz: 5512.5 frames, rounded to even.
    assertEquals(5512, service.renderTicks(6, e -> { }));
    assertEquals(5513, service.renderTicks(6, e -> { }));
    assertTrue(service.schedule(SequencerEvent.noteOn(0, 0, 60, 1)));
  }
}

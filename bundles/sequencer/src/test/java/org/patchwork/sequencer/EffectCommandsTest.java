package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each command of docs/effect-commands.md, measured on the event stream (exact frames and
 * values) and, where the engine can show it, on rendered audio through the probe instrument.
 * The clock is 120 bpm, 4 lines per beat, 6 ticks per line: a line is 6000 frames, a tick 1000.
 */
class EffectCommandsTest {

  private static final float C = Rig.CENTRE;

  private static CompiledSong compile(Song s) {
    return SongCompiler.compile(s, PlayOptions.at(Rig.RATE));
  }

  /** "frame=value" of every event of a kind. */
  private static List<String> stream(Song s, SongEvent.Kind kind) {
    return compile(s).events(kind).stream().map(e -> e.frame() + "=" + e.value()).toList();
  }

  private static List<Long> frames(Song s, SongEvent.Kind kind) {
    return compile(s).events(kind).stream().map(SongEvent::frame).toList();
  }

  private static String bend(long frame, double semitones) {
    return frame + "=" + semitones;
  }

  /** Rendered right channel (probe mode 0: bend/64) at a frame, back in semitones. */
  private static double renderedBend(float[][] audio, int frame) {
    return audio[1][frame] / C * 64;
  }

  @Test
  void arpeggioCyclesKeyPlusXPlusYEveryTickThenReturns() {
    Song s = SongBuilder.simple(4).note(0, 60).fx(0, "037").note(2, NoteCell.off()).song();
    assertEquals(List.of(bend(1000, 3), bend(2000, 7), bend(3000, 0), bend(4000, 3), bend(5000, 7), bend(6000, 0)),
        stream(s, SongEvent.Kind.NOTE_EXPRESSION));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 64, 13_000);
    assertEquals(0, renderedBend(audio, 999), 1e-6);
    assertEquals(3, renderedBend(audio, 1000), 1e-6);
    assertEquals(7, renderedBend(audio, 2999), 1e-6);
    assertEquals(0, renderedBend(audio, 3000), 1e-6);
    assertEquals(7, renderedBend(audio, 5999), 1e-6);
    assertEquals(0, renderedBend(audio, 6000), 1e-6);
  }

  @Test
  void portamentoUpAndDownSlideXxSixteenthsOfASemitonePerTickAfterTickZero() {
    Song up = SongBuilder.simple(4).note(0, 60).fx(0, "108").fx(1, "100").song();
    // 8/16 = 0.5 semitone per tick on ticks 1..5; "100" repeats the last value on the next line.
    assertEquals(List.of(bend(1000, 0.5), bend(2000, 1.0), bend(3000, 1.5), bend(4000, 2.0), bend(5000, 2.5),
        bend(7000, 3.0), bend(8000, 3.5), bend(9000, 4.0), bend(10000, 4.5), bend(11000, 5.0)),
        stream(up, SongEvent.Kind.NOTE_EXPRESSION));
    Song down = SongBuilder.simple(4).note(0, 60).fx(0, "204").song();
    assertEquals(List.of(bend(1000, -0.25), bend(2000, -0.5), bend(3000, -0.75), bend(4000, -1.0), bend(5000, -1.25)),
        stream(down, SongEvent.Kind.NOTE_EXPRESSION));
    float[][] audio = Rig.render(Rig.probeProject(0), up, 256, 12_000);
    assertEquals(0, renderedBend(audio, 999), 1e-6);
    assertEquals(0.5, renderedBend(audio, 1000), 1e-6);
    assertEquals(2.5, renderedBend(audio, 6999), 1e-6);
    assertEquals(5.0, renderedBend(audio, 11_500), 1e-6);
  }

  @Test
  void tonePortamentoGlidesTheSoundingNoteToTheNewOneWithoutRestarting() {
    Song s = SongBuilder.simple(4).note(0, 60).note(1, 64).fx(1, "310").song();
    assertEquals(1, compile(s).events(SongEvent.Kind.NOTE_ON).size());
    // One semitone per tick towards +4, reached on tick 4.
    assertEquals(List.of(bend(7000, 1), bend(8000, 2), bend(9000, 3), bend(10000, 4)),
        stream(s, SongEvent.Kind.NOTE_EXPRESSION));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 100, 12_000);
    assertEquals(2, renderedBend(audio, 8500), 1e-6);
    assertEquals(4, renderedBend(audio, 11_999), 1e-6);
  }

  @Test
  void vibratoAddsASineOfDepthYSixteenthsAtSpeedXSixtyFourthsPerTick() {
    Song s = SongBuilder.simple(4).note(0, 60).fx(0, "484").song();
    List<String> expected = new java.util.ArrayList<>();
    for (int t = 1; t < 6; t++) {
      expected.add(bend(1000L * t, 4 / 16.0 * Math.sin(2 * Math.PI * (t * 8 / 64.0))));
    }
    expected.add(bend(6000, 0));
    assertEquals(expected, stream(s, SongEvent.Kind.NOTE_EXPRESSION));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 64, 7000);
    assertEquals(0.25, renderedBend(audio, 2500), 1e-6);
    assertEquals(-0.25 * Math.sqrt(0.5), renderedBend(audio, 5500), 1e-6);
  }

  @Test
  void tremoloMovesTheTrackVolumeAroundItsValue() {
    SongTrack t = SongTrack.of("lead", "t").withVolume(ParamTarget.parse("probe.gain", 0, 1));
    Song s = new SongBuilder().track(t).pattern(4).order(0).note(0, 60).fx(0, "C40").fx(1, "788").song();
    List<String> expected = new java.util.ArrayList<>(List.of("0=0.5"));
    for (int k = 1; k < 6; k++) {
      double v = Math.max(0, Math.min(1, 0.5 + 8 / 32.0 * Math.sin(2 * Math.PI * (k * 8 / 64.0))));
      if (k != 4) {
        expected.add((6000 + 1000L * k) + "=" + v);
      } else {
        expected.add((6000 + 1000L * k) + "=" + v);
      }
    }
    expected.add("12000=0.5");
    assertEquals(expected, stream(s, SongEvent.Kind.VOLUME));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 128, 13_000);
    assertEquals(0.5 * C, audio[0][6999], 1e-6);
    assertEquals(0.75 * C, audio[0][8000], 1e-6);
    assertEquals(0.5 * C, audio[0][12_000], 1e-6);
  }

  @Test
  void volumeSlideAndSetVolumeDriveTheMappedParameter() {
    SongTrack t = SongTrack.of("lead", "t").withVolume(ParamTarget.parse("probe.gain", 0, 1));
    Song s = new SongBuilder().track(t).pattern(4).order(0).note(0, 60).fx(0, "A04").fx(1, "C20").fx(2, "A20")
        .song();
    assertEquals(List.of("1000=0.9375", "2000=0.875", "3000=0.8125", "4000=0.75", "5000=0.6875", "6000=0.25",
        "13000=0.28125", "14000=0.3125", "15000=0.34375", "16000=0.375", "17000=0.40625"),
        stream(s, SongEvent.Kind.VOLUME));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 97, 18_000);
    assertEquals(1.0 * C, audio[0][999], 1e-6);
    assertEquals(0.9375 * C, audio[0][1000], 1e-6);
    assertEquals(0.25 * C, audio[0][6000], 1e-6);
    assertEquals(0.40625 * C, audio[0][17_000], 1e-6);
  }

  @Test
  void panningColumnSetPanningAndPanningSlide() {
    SongTrack t = SongTrack.of("lead", "t").withPan(ParamTarget.parse("probe.offset", 0, 1));
    Song s = new SongBuilder().track(t).pattern(4).order(0).note(0, NoteCell.of(60).withPan(0x20))
        .fx(1, "880").fx(2, "P08").song();
    assertEquals(List.of("0=-0.5", "6000=1.0", "13000=0.875", "14000=0.75", "15000=0.625", "16000=0.5",
        "17000=0.375"), stream(s, SongEvent.Kind.PAN));
    // Mapped onto offset 0..1, which the probe plays on the right in mode 1.
    float[][] audio = Rig.render(Rig.probeProject(1), s, 256, 18_000);
    assertEquals(0.25 * C, audio[1][0], 1e-6);
    assertEquals(1.0 * C, audio[1][6000], 1e-6);
    assertEquals(0.6875 * C, audio[1][17_999], 1e-6);
  }

  @Test
  void sampleOffsetGoesOutJustBeforeItsNote() {
    SongTrack t = SongTrack.of("lead", "t").withSampleOffset(ParamTarget.parse("probe.offset", 0, 1));
    Song s = new SongBuilder().track(t).pattern(4).order(0).note(1, NoteCell.of(60).withDelay(128)).fx(1, "940")
        .song();
    List<SongEvent> events = compile(s).events();
    SongEvent offset = events.stream().filter(e -> e.kind() == SongEvent.Kind.SAMPLE_OFFSET).findFirst().orElseThrow();
    assertEquals(9000, offset.frame());
    assertEquals(0.25, offset.value());
    assertTrue(events.indexOf(offset) < events.indexOf(compile(s).events(SongEvent.Kind.NOTE_ON).getFirst()));
    float[][] audio = Rig.render(Rig.probeProject(1), s, 64, 10_000);
    assertEquals(0, audio[1][8999]);
    assertEquals(0.25 * C, audio[1][9000], 1e-6);
  }

  @Test
  void retriggerRestartsTheNoteEveryXxTicks() {
    Song s = SongBuilder.simple(4).note(0, 60).fx(0, "Q02").note(1, NoteCell.off()).song();
    assertEquals(List.of(0L, 2000L, 4000L), frames(s, SongEvent.Kind.NOTE_ON));
    assertEquals(List.of(2000L, 4000L, 6000L), frames(s, SongEvent.Kind.NOTE_OFF));
    List<Integer> ids = compile(s).events(SongEvent.Kind.NOTE_ON).stream().map(SongEvent::noteId).toList();
    assertEquals(3, ids.stream().distinct().count());
  }

  @Test
  void noteCutReleasesAtTickXx() {
    Song s = SongBuilder.simple(4).note(0, 60).fx(0, "X03").song();
    assertEquals(List.of(3000L), frames(s, SongEvent.Kind.NOTE_OFF));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 333, 6000);
    assertEquals(List.of(0, 3000), Rig.edges(audio[0]));
  }

  @Test
  void noteDelayStartsTheNoteAtTickXx() {
    Song s = SongBuilder.simple(4).note(1, 60).fx(1, "Y04").song();
    assertEquals(List.of(10_000L), frames(s, SongEvent.Kind.NOTE_ON));
    float[][] audio = Rig.render(Rig.probeProject(0), s, 1, 12_000);
    assertEquals(List.of(10_000), Rig.edges(audio[0]));
  }

  private static List<String> rows(Song s) {
    return compile(s).rows().stream().map(r -> r.order() + ":" + r.line()).toList();
  }

  @Test
  void patternBreakGoesToLineXxOfTheNextOrder() {
    Song s = new SongBuilder().track(SongTrack.of("lead", "t")).pattern(4).pattern(6).order(0, 1)
        .fx(0, 0, 1, 0, "D03").note(1, 0, 3, 0, NoteCell.of(60)).song();
    assertEquals(List.of("0:0", "0:1", "1:3", "1:4", "1:5"), rows(s));
    assertEquals(List.of(12_000L), frames(s, SongEvent.Kind.NOTE_ON));
    assertEquals(30_000, compile(s).length());
  }

  @Test
  void positionJumpGoesToOrderXxAndABackwardJumpEndsTheSong() {
    Song s = new SongBuilder().track(SongTrack.of("lead", "t")).pattern(2).pattern(2).pattern(2).order(0, 1, 2)
        .fx(0, 0, 0, 0, "B02").fx(2, 0, 1, 0, "B00").song();
    assertEquals(List.of("0:0", "2:0", "2:1"), rows(s));
    assertEquals(18_000, compile(s).length());
  }

  @Test
  void patternLoopRepeatsFromTheLoopStartXxTimes() {
    Song s = SongBuilder.simple(5).fx(1, "L00").fx(3, "L02").note(2, 60).note(3, NoteCell.off()).song();
    assertEquals(List.of("0:0", "0:1", "0:2", "0:3", "0:1", "0:2", "0:3", "0:1", "0:2", "0:3", "0:4"), rows(s));
    assertEquals(List.of(12_000L, 30_000L, 48_000L), frames(s, SongEvent.Kind.NOTE_ON));
  }

  @Test
  void setSpeedChangesTicksPerLineButNotTheLine() {
    Song s = SongBuilder.simple(4).note(0, 60).fx(0, "F03").fx(1, "108").song();
    // 3 ticks per line: 2000 frames a tick; portamento on ticks 1 and 2 of line 1.
    assertEquals(List.of(bend(8000, 0.5), bend(10000, 1.0)), stream(s, SongEvent.Kind.NOTE_EXPRESSION));
    assertEquals(24_000, compile(s).length());
  }

  @Test
  void setTempoChangesTheLineLengthFromItsLine() {
    Song s = SongBuilder.simple(4).fx(1, "T3C").note(2, 60).song();
    assertEquals(List.of("0=120.0", "6000=60.0"), stream(s, SongEvent.Kind.TEMPO));
    assertEquals(List.of(18_000L), frames(s, SongEvent.Kind.NOTE_ON));
    assertEquals(42_000, compile(s).length());
  }

  @Test
  void setAndSlideParameterSlotsDriveModuleParameters() {
    SongTrack t = SongTrack.of("lead", "t").withSlot(0, ParamTarget.parse("probe.cutoff", 0, 10_000))
        .withSlot(1, ParamTarget.parse("probe.offset", 0, 1));
    Song s = new SongBuilder().track(t).pattern(4).order(0).fx(0, "M080").fx(1, "N0FF").fx(2, "M1FF").song();
    List<SongEvent> params = compile(s).events(SongEvent.Kind.PARAMETER);
    assertEquals("probe.cutoff", params.getFirst().target());
    assertEquals(List.of("0=" + 0x80 / 255.0 * 10_000, "7000=" + (0x80 / 255.0 * 10_000 + (10_000 - 0x80 / 255.0 * 10_000) / 5),
        "8000=" + (0x80 / 255.0 * 10_000 + (10_000 - 0x80 / 255.0 * 10_000) * 2 / 5),
        "9000=" + (0x80 / 255.0 * 10_000 + (10_000 - 0x80 / 255.0 * 10_000) * 3 / 5),
        "10000=" + (0x80 / 255.0 * 10_000 + (10_000 - 0x80 / 255.0 * 10_000) * 4 / 5), "11000=10000.0", "12000=1.0"),
        params.stream().map(e -> e.frame() + "=" + e.value()).toList());
    float[][] audio = Rig.render(Rig.probeProject(1), s, 64, 13_000);
    assertEquals((float) (0x80 / 255.0 * 10_000) / 10_000f * C, audio[0][6999], 1e-6);
    assertEquals(1.0 * C, audio[0][11_000], 1e-6);
    assertEquals(0, audio[1][11_999]);
    assertEquals(1.0 * C, audio[1][12_000], 1e-6);
  }

  @Test
  void linesPerBeatCommandChangesTheLineLength() {
    Song s = SongBuilder.simple(4).fx(1, "Z08").note(2, 60).song();
    assertEquals(List.of(9000L), frames(s, SongEvent.Kind.NOTE_ON));
  }
}

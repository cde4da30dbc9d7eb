package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every note lands at the frame the timing formula gives, for many tempos, LPBs, grooves and delays. */
class TimingTest {

  /** bpm, lines per beat, ticks per line, groove. */
  static Stream<Arguments> clocks() {
    return Stream.of(
        Arguments.of("120", 4, 6, List.of()),
        Arguments.of("93.75", 7, 3, List.of("0", "0.33")),
        Arguments.of("137.3", 3, 12, List.of("0.1", "0", "0.5")),
        Arguments.of("61", 32, 1, List.of("0.125", "0.875")),
        Arguments.of("200", 16, 5, List.of()),
        Arguments.of("128", 5, 4, List.of("0", "0.2", "0.4", "0.6", "0.8")),
        Arguments.of("999", 1, 255, List.of("0.999")));
  }

  /**
   * Notes on every third line with varied delays, each released by an OFF two lines later (a
   * groove and a delay can push a note almost two lines late, and an OFF before its note is
   * moved to the frame after the note).
   */
  static Song pattern(String bpm, int lpb, int tpl, List<String> groove) {
    SongBuilder b = SongBuilder.simple(48).bpm(bpm).lpb(lpb).tpl(tpl).groove(groove.toArray(String[]::new));
    for (int line = 0; line < 48; line += 3) {
      b.note(line, NoteCell.of(60 + line % 12).withDelay(line * 37 % 256));
      b.note(line + 2, NoteCell.off().withDelay(line * 11 % 256));
    }
    return b.song();
  }

  static BigDecimal groove(List<String> groove, int line) {
    return groove.isEmpty() ? BigDecimal.ZERO : new BigDecimal(groove.get(line % groove.size()));
  }

  @ParameterizedTest
  @MethodSource("clocks")
  void everyNoteOnAndOffIsAtItsExactFrame(String bpm, int lpb, int tpl, List<String> groove) {
    CompiledSong c = SongCompiler.compile(pattern(bpm, lpb, tpl, groove), PlayOptions.at(Rig.RATE));
    List<Long> ons = new ArrayList<>();
    List<Long> offs = new ArrayList<>();
    for (int line = 0; line < 48; line += 3) {
      ons.add(Expect.frame(bpm, lpb, line, groove(groove, line).add(Expect.delay(line * 37 % 256))));
      offs.add(Expect.frame(bpm, lpb, line + 2, groove(groove, line + 2).add(Expect.delay(line * 11 % 256))));
    }
    assertEquals(ons, c.events(SongEvent.Kind.NOTE_ON).stream().map(SongEvent::frame).toList());
    assertEquals(offs, c.events(SongEvent.Kind.NOTE_OFF).stream().map(SongEvent::frame).toList());
    assertEquals(Expect.frame(bpm, lpb, 48, BigDecimal.ZERO), c.length());
  }

  @Test
  void framesDoNotDriftOverFiftyThousandLines() {
    // 93.75 bpm at 7 lines per beat: a line is 4388.571428... frames, never a whole number.
    SongBuilder b = SongBuilder.simple(256).bpm("93.75").lpb(7).tpl(1);
    b.note(0, 60).note(255, NoteCell.off().withDelay(255));
    b.order(Collections.nCopies(200, 0).toArray(Integer[]::new));
    CompiledSong c = SongCompiler.compile(b.song(), PlayOptions.at(Rig.RATE));
    List<SongEvent> ons = c.events(SongEvent.Kind.NOTE_ON);
    assertEquals(200, ons.size());
    for (int i = 0; i < 200; i++) {
      assertEquals(Expect.frame("93.75", 7, 256L * i, BigDecimal.ZERO), ons.get(i).frame(), "pattern " + i);
    }
    // The last line: 51 199 lines and 255/256 of a line in, as the formula says.
    assertEquals(Expect.frame("93.75", 7, 51_199, Expect.delay(255)), c.events(SongEvent.Kind.NOTE_OFF).getLast().frame());
    // A sum of rounded line lengths would be 51 200 · 4389 = 224 716 800 frames: 21 943 too many.
    assertEquals(224_694_857L, c.length());
  }

  @Test
  void tempoSpeedAndLinesPerBeatChangeMidSongAtTheirLine() {
    SongBuilder b = SongBuilder.simple(32).bpm("120").lpb(4).tpl(6);
    for (int line = 0; line < 32; line += 4) {
      b.note(line, 60);
    }
    b.fx(8, "T5A");     // 90 bpm from line 8
    b.fx(16, "Z03");    // 3 lines per beat from line 16
    b.fx(24, "F03");    // 3 ticks per line from line 24: timing of lines unchanged
    CompiledSong c = SongCompiler.compile(b.song(), PlayOptions.at(Rig.RATE));
    BigDecimal at120 = Expect.line("120", 4, Rig.RATE);   // 6000
    BigDecimal at90 = Expect.line("90", 4, Rig.RATE);     // 8000
    BigDecimal at90by3 = Expect.line("90", 3, Rig.RATE);  // 10666.67
    List<Long> expected = new ArrayList<>();
    for (int line = 0; line < 32; line += 4) {
      BigDecimal f = line <= 8 ? at120.multiply(BigDecimal.valueOf(line))
          : line <= 16 ? at120.multiply(BigDecimal.valueOf(8)).add(at90.multiply(BigDecimal.valueOf(line - 8)))
          : at120.multiply(BigDecimal.valueOf(8)).add(at90.multiply(BigDecimal.valueOf(8)))
              .add(at90by3.multiply(BigDecimal.valueOf(line - 16)));
      expected.add(Expect.frame(f, BigDecimal.ZERO, at120));
    }
    assertEquals(expected, c.events(SongEvent.Kind.NOTE_ON).stream().map(SongEvent::frame).toList());
    assertEquals(List.of(120.0, 90.0), c.events(SongEvent.Kind.TEMPO).stream().map(SongEvent::value).toList());
    assertEquals(48_000, c.events(SongEvent.Kind.TEMPO).get(1).frame());
  }

  @Test
  void humanizeIsSeededBoundedAndIndependentOfWhatCameBefore() {
    SongBuilder b = SongBuilder.simple(64).humanize("0.25", "0.5", 1234);
    for (int line = 0; line < 64; line += 2) {
      b.note(line, 60);
    }
    Song song = b.song();
    CompiledSong one = SongCompiler.compile(song, PlayOptions.at(Rig.RATE));
    CompiledSong two = SongCompiler.compile(song, PlayOptions.at(Rig.RATE));
    assertEquals(one.events(), two.events());
    List<SongEvent> ons = one.events(SongEvent.Kind.NOTE_ON);
    int moved = 0;
    for (int i = 0; i < ons.size(); i++) {
      long grid = 6000L * 2 * i;
      long late = ons.get(i).frame() - grid;
      // At most a quarter line (1500 frames) late, never early; velocity 0.5..1.
      assertTrue(late >= 0 && late < 1500, "note " + i + " is " + late + " frames late");
      assertTrue(ons.get(i).value() > 0.5 && ons.get(i).value() <= 1);
      moved += late > 0 ? 1 : 0;
    }
    assertTrue(moved > 25, "humanize moved only " + moved + " of 32 notes");
    // Changing one note does not change the others' randomness.
    Song edited = new Edit.SetNote(0, 0, 10, 0, NoteCell.of(72)).apply(song);
    List<SongEvent> after = SongCompiler.compile(edited, PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.NOTE_ON);
    for (int i = 0; i < ons.size(); i++) {
      assertEquals(ons.get(i).frame(), after.get(i).frame());
    }
    Song reseeded = new Edit.SetHumanize(new Humanize(new BigDecimal("0.25"), new BigDecimal("0.5"), 99)).apply(song);
    assertNotEquals(ons, SongCompiler.compile(reseeded, PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.NOTE_ON));
  }

  @Test
  void noteDelayCommandAndDelayColumnAdd() {
    // Y02 at 6 ticks per line: 2/6 of a line; the delay column adds 64/256.
    Song s = SongBuilder.simple(4).note(1, NoteCell.of(60).withDelay(64)).fx(1, "Y02").song();
    SongEvent on = SongCompiler.compile(s, PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.NOTE_ON).getFirst();
    assertEquals(6000 + 2000 + 1500, on.frame());
  }

  @Test
  void halfFramesRoundToEven() {
    // 125 bpm, 48 kHz, 4 lpb: 5760 frames a line; delay 1/256 is 22.5 frames.
    Song s = SongBuilder.simple(4).bpm("125").note(0, NoteCell.of(60).withDelay(1))
        .note(2, NoteCell.of(60).withDelay(3)).song();
    List<SongEvent> ons = SongCompiler.compile(s, PlayOptions.at(Rig.RATE)).events(SongEvent.Kind.NOTE_ON);
    assertEquals(22, ons.get(0).frame());            // 22.5 -> 22
    assertEquals(2 * 5760 + 68, ons.get(1).frame()); // 67.5 -> 68
  }
}

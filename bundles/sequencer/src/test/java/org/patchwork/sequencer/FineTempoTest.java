package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code Wxxxx}, the tempo fraction: the line's tempo is its whole bpm plus xxxx/65536, exact, so a
 * MIDI file's tempo (a whole number of microseconds per quarter) survives import and export; and
 * the beat clock of {@link SongCompiler#compileBeats}, where tempo moves nothing.
 */
class FineTempoTest {

  private static Song song() {
    SongTrack t = SongTrack.of("lead", "t").withColumns(1, 2);
    return new SongBuilder().track(t).pattern(16).order(0)
        .fx(0, 0, 4, 0, "T8C").fx(0, 0, 4, 1, "W8000")   // 140.5 bpm from line 4
        .fx(0, 0, 8, 1, "W4000")                          // 140.25 from line 8: the whole part kept
        .fx(0, 0, 12, 0, "T3E7").fx(0, 0, 12, 1, "WFFFF") // capped at 999
        .note(0, 60).song();
  }

  @Test
  void tempoFractionsAreExactAndStartAtTheirLine() {
    CompiledSong c = SongCompiler.compile(song(), PlayOptions.at(Rig.RATE));
    assertEquals(List.of(120.0, 140.5, 140.25, 999.0),
        c.events(SongEvent.Kind.TEMPO).stream().map(SongEvent::value).toList());
    // Line starts: 4 lines of 6000 frames, then 4 of 60·48000/(140.5·4), then 4 at 140.25, exact.
    BigDecimal at4 = BigDecimal.valueOf(24_000);
    BigDecimal at8 = at4.add(Expect.line("140.5", 4, Rig.RATE).multiply(BigDecimal.valueOf(4)));
    BigDecimal at12 = at8.add(Expect.line("140.25", 4, Rig.RATE).multiply(BigDecimal.valueOf(4)));
    assertEquals(24_000, c.rows().get(4).frame());
    assertEquals(Expect.frame(at4, BigDecimal.ONE, Expect.line("140.5", 4, Rig.RATE)), c.rows().get(5).frame());
    assertEquals(Expect.frame(at8, BigDecimal.ZERO, BigDecimal.ONE), c.rows().get(8).frame());
    assertEquals(Expect.frame(at12, BigDecimal.ZERO, BigDecimal.ONE), c.rows().get(12).frame());
    assertEquals(Expect.frame(at12, BigDecimal.ONE, Expect.line("999", 4, Rig.RATE)), c.rows().get(13).frame());
  }

  @Test
  void theBeatClockIgnoresTempoButReportsIt() {
    CompiledSong beats = SongCompiler.compileBeats(song(), PlayOptions.at(384_000));
    for (int line = 0; line < 16; line++) {
      assertEquals(line * 96_000L, beats.rows().get(line).frame(), "line " + line);
    }
    assertEquals(16 * 96_000L, beats.length());
    assertEquals(List.of(0L, 384_000L, 768_000L, 1_152_000L),
        beats.events(SongEvent.Kind.TEMPO).stream().map(SongEvent::frame).toList());
    assertEquals(140.25, beats.events(SongEvent.Kind.TEMPO).get(2).value());
  }

  @Test
  void fourHexDigitsInTheCellAndInJson() {
    assertEquals("W8000", EffectCell.parse("W8000").toString());
    assertEquals("W0009", EffectCell.parse("W9").toString());
    assertEquals(song(), SongJson.read("s.json", SongJson.write(song()), BigDecimal.valueOf(120)));
  }
}

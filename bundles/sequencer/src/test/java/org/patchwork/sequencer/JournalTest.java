package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Every edit goes to the journal; replaying its JSON from an empty song rebuilds the same song and sound. */
class JournalTest {

  /** A session that uses every kind of edit, with undos and redos. */
  static SongEditor session() {
    SongEditor ed = new SongEditor();
    ed.apply(new Edit.AddInstrument(0, new Instrument("Lead", "t")));
    ed.apply(new Edit.AddTrack(0, SongTrack.of("lead", "t").withVolume(ParamTarget.parse("probe.gain", 0, 1))
        .withSlot(0, ParamTarget.parse("probe.cutoff", 0, 10_000)).withColumns(2, 2)));
    ed.apply(new Edit.AddTrack(1, SongTrack.of("second", "t").withColour(0x3366ff)));
    ed.apply(new Edit.AddPattern(0, 16));
    ed.apply(new Edit.AddPattern(1, 8));
    ed.apply(new Edit.SetOrder(List.of(0, 1, 0)));
    ed.apply(new Edit.SetBpm(new BigDecimal("93.75")));
    ed.apply(new Edit.SetLinesPerBeat(3));
    ed.apply(new Edit.SetTicksPerLine(4));
    ed.apply(new Edit.SetGroove(List.of(BigDecimal.ZERO, new BigDecimal("0.25"))));
    ed.apply(new Edit.SetHumanize(new Humanize(new BigDecimal("0.1"), new BigDecimal("0.2"), 77)));
    for (int line = 0; line < 16; line += 2) {
      ed.apply(new Edit.SetNote(0, 0, line, line % 4 / 2, new NoteCell(48 + line, 0, 100, 64, line * 8)));
    }
    ed.apply(new Edit.SetNote(1, 1, 3, 0, NoteCell.of(72)));
    ed.apply(new Edit.SetNote(1, 1, 6, 0, NoteCell.off()));
    ed.apply(new Edit.SetEffect(0, 0, 4, 0, EffectCell.parse("447")));
    ed.apply(new Edit.SetEffect(0, 0, 4, 1, EffectCell.parse("M080")));
    ed.apply(new Edit.SetEffect(0, 0, 8, 0, EffectCell.parse("A04")));
    ed.apply(new Edit.SetEffect(1, 1, 3, 0, EffectCell.parse("037")));
    ed.apply(new Edit.InsertLine(0, 0, 5));
    ed.apply(new Edit.DeleteLine(0, -1, 9));
    ed.undo();
    ed.apply(new Edit.SetPatternLength(1, 12));
    ed.apply(new Edit.SetEnvelope(new Envelope("probe", "cutoff", List.of(Envelope.Point.linear(0, 100),
        new Envelope.Point(new BigDecimal("20.5"), 5000, Envelope.Curve.EXPONENTIAL, 0)))));
    ed.apply(new Edit.SetTrack(1, ed.song().tracks().get(1).withMute(true)));
    ed.undo();
    ed.undo();
    ed.redo();
    ed.apply(new Edit.AddTrack(2, SongTrack.of("gone", "t")));
    ed.apply(new Edit.RemoveTrack(2));
    ed.apply(new Edit.AddPattern(2, 4));
    ed.apply(new Edit.RemovePattern(2));
    ed.apply(new Edit.SetInstrument(0, new Instrument("Lead 2", "t")));
    ed.apply(new Edit.AddInstrument(1, new Instrument("x", "t")));
    ed.apply(new Edit.RemoveInstrument(1));
    ed.apply(new Edit.AddPattern(2, 4));
    ed.undo();
    return ed;
  }

  @Test
  void replayingTheJournalJsonRebuildsTheSongTheHistoryAndTheBytes() {
    SongEditor ed = session();
    String json = JournalJson.write(ed.journal());
    SongEditor again = SongEditor.replay(JournalJson.read(json));
    assertEquals(ed.song(), again.song());
    assertEquals(ed.journal(), again.journal());
    assertEquals(ed.undoDepth(), again.undoDepth());
    assertEquals(ed.redoDepth(), again.redoDepth());
    assertEquals(json, JournalJson.write(again.journal()));
    assertTrue(json.contains("\"op\" : \"setNote\""), json.substring(0, 400));
    // Same song, same events, same rendered bytes.
    assertEquals(SongCompiler.compile(ed.song(), PlayOptions.at(Rig.RATE)),
        SongCompiler.compile(again.song(), PlayOptions.at(Rig.RATE)));
    float[][] one = Rig.render(Rig.probeProject(0), ed.song(), 256, 400_000);
    float[][] two = Rig.render(Rig.probeProject(0), again.song(), 256, 400_000);
    assertEquals(Rig.sha256(one), Rig.sha256(two));
    float[][] sineOne = Rig.render(Rig.sineProject(), ed.song(), 128, 400_000);
    float[][] sineTwo = Rig.render(Rig.sineProject(), again.song(), 128, 400_000);
    assertEquals(Rig.sha256(sineOne), Rig.sha256(sineTwo));
  }

  @Test
  void undoAndRedoWalkTheHistoryWithoutLimit() {
    SongEditor ed = new SongEditor();
    ed.apply(new Edit.AddTrack(0, SongTrack.of("a", "t")));
    ed.apply(new Edit.AddPattern(0, 64));
    List<Song> states = new ArrayList<>();
    states.add(ed.song());
    for (int i = 0; i < 2000; i++) {
      ed.apply(new Edit.SetNote(0, 0, i % 64, 0, NoteCell.of(i % 128)));
      states.add(ed.song());
    }
    for (int i = 2000; i > 0; i--) {
      assertEquals(states.get(i), ed.song());
      assertTrue(ed.undo());
    }
    assertEquals(states.getFirst(), ed.song());
    for (int i = 1; i <= 2000; i++) {
      assertTrue(ed.redo());
      assertEquals(states.get(i), ed.song());
    }
    assertFalse(ed.redo());
    ed.undo();
    ed.apply(new Edit.SetBpm(BigDecimal.TEN));
    assertFalse(ed.redo(), "a new edit drops the redo history");
  }

  @Test
  void randomSessionsReplayToTheSameSong() {
    Random r = new Random(2024);
    SongEditor ed = new SongEditor();
    ed.apply(new Edit.AddTrack(0, SongTrack.of("a", "t").withColumns(3, 2)));
    ed.apply(new Edit.AddPattern(0, 32));
    for (int step = 0; step < 1500; step++) {
      Song s = ed.song();
      int p = r.nextInt(s.patterns().size());
      int t = r.nextInt(s.tracks().size());
      int line = r.nextInt(s.patterns().get(p).length());
      SongTrack track = s.tracks().get(t);
      switch (r.nextInt(12)) {
        case 0 -> ed.undo();
        case 1 -> ed.redo();
        case 2 -> ed.apply(new Edit.InsertLine(p, r.nextBoolean() ? -1 : t, line));
        case 3 -> ed.apply(new Edit.DeleteLine(p, t, line));
        case 4 -> ed.apply(new Edit.SetPatternLength(p, 1 + r.nextInt(64)));
        case 5 -> ed.apply(new Edit.AddPattern(r.nextInt(s.patterns().size() + 1), 1 + r.nextInt(40)));
        case 6 -> ed.apply(new Edit.SetOrder(List.of(r.nextInt(s.patterns().size()), p)));
        case 7 -> ed.apply(new Edit.SetEffect(p, t, line, r.nextInt(track.effectColumns()),
            new EffectCell(EffectCell.COMMANDS.charAt(r.nextInt(EffectCell.COMMANDS.length())), r.nextInt(256))));
        case 8 -> ed.apply(s.tracks().size() < 4 ? new Edit.AddTrack(r.nextInt(s.tracks().size() + 1),
            SongTrack.of("t" + step, "t").withColumns(1 + r.nextInt(3), 1 + r.nextInt(2)))
            : new Edit.RemoveTrack(t));
        case 9 -> ed.apply(new Edit.SetBpm(BigDecimal.valueOf(40 + r.nextInt(2000), 1)));
        default -> ed.apply(new Edit.SetNote(p, t, line, r.nextInt(track.noteColumns()),
            new NoteCell(r.nextInt(130) - 1 == 128 ? NoteCell.OFF : r.nextInt(128), -1, r.nextInt(129) - 1,
                r.nextInt(129) - 1, r.nextInt(256))));
      }
    }
    SongEditor again = SongEditor.replay(JournalJson.read(JournalJson.write(ed.journal())));
    assertEquals(ed.song(), again.song());
    assertEquals(SongJson.write(ed.song()), SongJson.write(again.song()));
  }

  @Test
  void aBrokenJournalIsRefusedWithTheEntry() {
    String unknownOp = "{\"formatVersion\": 1, \"entries\": [{\"op\": \"setBpm\", \"bpm\": 100}, {\"op\": \"explode\"}]}";
    assertTrue(assertThrows(IllegalArgumentException.class, () -> JournalJson.read(unknownOp)).getMessage()
        .startsWith("journal entry 1: "));
    String badField = "{\"formatVersion\": 1, \"entries\": [{\"op\": \"setBpm\", \"tempo\": 100}]}";
    assertThrows(IllegalArgumentException.class, () -> JournalJson.read(badField));
    String outOfRange = "{\"formatVersion\": 1, \"entries\": [{\"op\": \"setLinesPerBeat\", \"linesPerBeat\": 0}]}";
    List<Edit> read = JournalJson.read(outOfRange);
    assertTrue(assertThrows(IllegalArgumentException.class, () -> SongEditor.replay(read)).getMessage()
        .contains("linesPerBeat must be within 1..256: 0"));
    assertThrows(IllegalArgumentException.class, () -> JournalJson.read("{\"formatVersion\": 2, \"entries\": []}"));
  }
}

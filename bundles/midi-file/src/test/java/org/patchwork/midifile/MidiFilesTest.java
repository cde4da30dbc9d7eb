package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.patchwork.midifile.ChannelEvent.NoteOff;
import org.patchwork.midifile.ChannelEvent.NoteOn;

/** Conversions between formats and divisions keep every event at the same tick and time. */
class MidiFilesTest {

  @Test
  void typeZeroSplitsIntoAConductorAndOneTrackPerChannel() throws Exception {
    MidiFile type0 = MidiFileReader.read(FixturesTest.resource(FixtureSongs.SONG_TYPE0));
    MidiFile split = MidiFiles.splitByChannel(type0);
    assertEquals(1, split.format());
    assertEquals(4, split.tracks().size()); // conductor + channels 1, 2, 10
    MidiTrack conductor = split.tracks().getFirst();
    assertTrue(conductor.events().stream().noneMatch(e -> e instanceof ChannelEvent));
    assertEquals(2, conductor.events(MetaEvent.Tempo.class).size());
    assertEquals("Fixture type 0", conductor.name().orElseThrow());
    assertEquals(List.of(0, 1, 9), split.tracks().subList(1, 4).stream()
        .map(t -> ((ChannelEvent) t.events(ChannelEvent.class).getFirst()).channel()).toList());
    for (MidiTrack t : split.tracks().subList(1, 4)) {
      assertEquals(1, t.events(ChannelEvent.class).stream().map(ChannelEvent::channel).distinct().count());
    }
    // Same notes, same timing, nothing lost or added.
    assertEquals(type0.eventCount(), split.eventCount());
    assertEquals(sortedSpans(type0), sortedSpans(split));
    assertEquals(TempoMap.of(type0).changes(), TempoMap.of(split).changes());
    // And merging back gives the original track.
    assertEquals(type0.tracks().getFirst().events().size(), MidiFiles.toFormat0(split).tracks().getFirst().events().size());
    assertEquals(sortedSpans(type0), sortedSpans(MidiFiles.toFormat0(split)));
  }

  @Test
  void typeOneSplitKeepsTrackNamesWithTheirChannelAndSplitsMixedTracks() {
    MidiTrack conductor = new MidiTrack(List.of(new MetaEvent.Tempo(0, 400_000)), 0);
    MidiTrack mixed = new MidiTrack(List.of(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, "Keys"),
        new NoteOn(0, 2, 60, 100), new NoteOn(0, 1, 48, 100), new MetaEvent.Tempo(50, 300_000),
        new NoteOff(96, 2, 60, 0), new NoteOff(96, 1, 48, 0)), 192);
    MidiFile split = MidiFiles.splitByChannel(new MidiFile(1, new Division.PerQuarter(96), List.of(conductor, mixed)));
    assertEquals(List.of(
        new MidiTrack(List.of(new MetaEvent.Tempo(0, 400_000), new MetaEvent.Tempo(50, 300_000)), 192),
        new MidiTrack(List.of(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, "Keys"), new NoteOn(0, 1, 48, 100),
            new NoteOff(96, 1, 48, 0)), 192),
        new MidiTrack(List.of(new NoteOn(0, 2, 60, 100), new NoteOff(96, 2, 60, 0)), 192)), split.tracks());
  }

  @Test
  void smpteBecomesTicksPerQuarterWithEveryEventAtTheSameTime() {
    int checked = 0;
    for (int seed = 0; seed < 400; seed++) {
      MidiFile m = new RandomMidi(5_000 + seed).file();
      if (!(m.division() instanceof Division.Smpte smpte) || m.format() == 2) {
        continue;
      }
      MidiFile ppq = MidiFiles.toPerQuarter(m);
      assertTrue(ppq.division() instanceof Division.PerQuarter);
      TempoMap before = TempoMap.of(m);
      TempoMap after = TempoMap.of(ppq);
      for (MidiTrack t : ppq.tracks()) {
        for (MidiEvent e : t.events()) {
          assertEquals(before.micros(e.tick()), after.micros(e.tick()), smpte + " tick " + e.tick());
          checked++;
        }
      }
    }
    assertTrue(checked > 5_000, "checked " + checked);
    MidiFile fixture = new MidiFile(1, new Division.Smpte(29, 80), List.of(new MidiTrack(List.of())));
    MidiFile converted = MidiFiles.toPerQuarter(fixture);
    assertEquals(new Division.PerQuarter(2400), converted.division());
    assertEquals(new MetaEvent.Tempo(0, 1_001_000), converted.tracks().getFirst().events().getFirst());
  }

  @Test
  void mergedEventsKeepTrackOrderAtEqualTicks() {
    MidiTrack a = new MidiTrack(List.of(new MetaEvent.Tempo(0, 500_000), new NoteOn(10, 0, 1, 1)));
    MidiTrack b = new MidiTrack(List.of(new NoteOn(0, 1, 2, 2), new NoteOn(10, 1, 3, 3)));
    assertEquals(List.of(new MetaEvent.Tempo(0, 500_000), new NoteOn(0, 1, 2, 2), new NoteOn(10, 0, 1, 1),
        new NoteOn(10, 1, 3, 3)), MidiFiles.mergedEvents(new MidiFile(1, new Division.PerQuarter(96), List.of(a, b))));
  }

  private static List<String> sortedSpans(MidiFile f) {
    List<String> spans = new ArrayList<>();
    for (MidiTrack t : f.tracks()) {
      Notes.pair(t).spans().forEach(n -> spans.add(n.toString()));
    }
    spans.sort(null);
    return spans;
  }
}

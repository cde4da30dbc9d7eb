package org.patchwork.midifile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.patchwork.midifile.ChannelEvent.ControlChange;
import org.patchwork.midifile.ChannelEvent.NoteOff;
import org.patchwork.midifile.ChannelEvent.NoteOn;
import org.patchwork.midifile.ChannelEvent.ProgramChange;

/** Note pairing edge cases, and spans back to events. */
class NotesTest {

  private static NotePairing pair(long end, MidiEvent... events) {
    return Notes.pair(new MidiTrack(List.of(events), end));
  }

  @Test
  void onOffPairsAndZeroVelocityNoteOnEndsANote() {
    NotePairing p = pair(200, new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 30),
        new NoteOn(96, 0, 62, 90), new NoteOn(192, 0, 62, 0));
    assertEquals(List.of(new NoteSpan(0, 60, 100, 0, 96, 30), new NoteSpan(0, 62, 90, 96, 192, 64)), p.spans());
    assertEquals(List.of(), p.warnings());
  }

  @Test
  void overlappingNotesOfOneKeyEndFirstInFirstOut() {
    NotePairing p = pair(30, new NoteOn(0, 3, 60, 100), new NoteOn(10, 3, 60, 80), new NoteOff(20, 3, 60, 0),
        new NoteOff(30, 3, 60, 0));
    assertEquals(List.of(new NoteSpan(3, 60, 100, 0, 20, 0), new NoteSpan(3, 60, 80, 10, 30, 0)), p.spans());
  }

  @Test
  void retriggerAtTheSameTickInEitherOrder() {
    // Off then on at 96: two back-to-back notes.
    assertEquals(List.of(new NoteSpan(0, 60, 100, 0, 96, 0), new NoteSpan(0, 60, 90, 96, 192, 0)),
        pair(192, new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 0), new NoteOn(96, 0, 60, 90),
            new NoteOff(192, 0, 60, 0)).spans());
    // On then off at 96 (a common writer order): first in, first out gives the same two notes.
    assertEquals(List.of(new NoteSpan(0, 60, 100, 0, 96, 0), new NoteSpan(0, 60, 90, 96, 192, 0)),
        pair(192, new NoteOn(0, 0, 60, 100), new NoteOn(96, 0, 60, 90), new NoteOff(96, 0, 60, 0),
            new NoteOff(192, 0, 60, 0)).spans());
  }

  @Test
  void zeroLengthNoteIsKept() {
    assertEquals(List.of(new NoteSpan(0, 60, 100, 48, 48, 0)),
        pair(96, new NoteOn(48, 0, 60, 100), new NoteOff(48, 0, 60, 0)).spans());
  }

  @Test
  void channelsAndKeysPairSeparately() {
    NotePairing p = pair(100, new NoteOn(0, 0, 60, 100), new NoteOn(0, 1, 60, 101), new NoteOn(0, 0, 61, 102),
        new NoteOff(50, 1, 60, 0), new NoteOff(60, 0, 61, 0), new NoteOff(70, 0, 60, 0));
    assertEquals(List.of(new NoteSpan(0, 60, 100, 0, 70, 0), new NoteSpan(1, 60, 101, 0, 50, 0),
        new NoteSpan(0, 61, 102, 0, 60, 0)), p.spans());
  }

  @Test
  void unterminatedNotesEndAtEndOfTrackWithAWarning() {
    NotePairing p = pair(1920, new NoteOn(480, 9, 36, 127), new NoteOn(960, 0, 60, 100), new NoteOff(1000, 0, 60, 0));
    assertEquals(List.of(new NoteSpan(9, 36, 127, 480, 1920, 64), new NoteSpan(0, 60, 100, 960, 1000, 0)), p.spans());
    assertEquals(List.of("note key 36 on channel 10 started at tick 480 has no note-off; ended at the end of the track"
        + " (tick 1920)"), p.warnings());
    assertTrue(p.spans().getFirst().isDrum());
    assertFalse(p.spans().getLast().isDrum());
  }

  @Test
  void strayNoteOffIsIgnoredWithAWarning() {
    NotePairing p = pair(100, new NoteOff(10, 0, 60, 0), new NoteOn(20, 0, 60, 0));
    assertEquals(List.of(), p.spans());
    assertEquals(List.of("note-off without a note-on: key 60 on channel 1 at tick 10 ignored",
        "note-off without a note-on: key 60 on channel 1 at tick 20 ignored"), p.warnings());
  }

  @Test
  void warningsAreCappedWithACount() {
    List<MidiEvent> offs = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      offs.add(new NoteOff(i, 0, 60, 0));
    }
    NotePairing p = Notes.pair(new MidiTrack(offs));
    assertEquals(21, p.warnings().size());
    assertEquals("... and 30 more warnings like these", p.warnings().getLast());
  }

  @Test
  void toEventsReleasesARetriggeredKeyBeforeStrikingItAgain() {
    List<NoteSpan> spans = List.of(new NoteSpan(0, 60, 100, 0, 96, 10), new NoteSpan(0, 60, 90, 96, 192, 20),
        new NoteSpan(0, 60, 80, 192, 192, 30));
    assertEquals(List.of(new NoteOn(0, 0, 60, 100), new NoteOff(96, 0, 60, 10), new NoteOn(96, 0, 60, 90),
        new NoteOff(192, 0, 60, 20), new NoteOn(192, 0, 60, 80), new NoteOff(192, 0, 60, 30)), Notes.toEvents(spans));
    assertEquals(spans, Notes.pair(Notes.toEvents(spans), 192).spans());
  }

  @Test
  void pairingOfToEventsGivesBackThePairedSpans() {
    // Random streams of ons, offs and zero-velocity ons on few keys, so overlaps are frequent.
    int notes = 0;
    for (int seed = 0; seed < 2000; seed++) {
      SplittableRandom r = new SplittableRandom(seed);
      List<MidiEvent> events = new ArrayList<>();
      long t = 0;
      for (int i = 0; i < 60; i++) {
        t += r.nextInt(3) == 0 ? 0 : r.nextInt(50);
        int ch = r.nextInt(2) * 9;
        int key = 60 + r.nextInt(3);
        events.add(switch (r.nextInt(3)) {
          case 0 -> new NoteOn(t, ch, key, 1 + r.nextInt(127));
          case 1 -> new NoteOff(t, ch, key, r.nextInt(128));
          default -> new NoteOn(t, ch, key, r.nextInt(2) == 0 ? 0 : 1 + r.nextInt(127));
        });
      }
      NotePairing first = Notes.pair(events, t + 10);
      List<ChannelEvent> again = Notes.toEvents(first.spans());
      NotePairing second = Notes.pair(again, t + 10);
      assertEquals(first.spans(), second.spans(), "seed " + seed);
      assertEquals(List.of(), second.warnings(), "seed " + seed);
      notes += first.spans().size();
    }
    System.out.printf("note pairing: %d notes from 2000 random streams re-pair identically%n", notes);
    assertTrue(notes > 20_000);
  }

  @Test
  void programUsesCarryTheBankInEffect() {
    MidiTrack t = new MidiTrack(List.of(new ProgramChange(0, 0, 5), new ControlChange(10, 0, 0, 1),
        new ControlChange(10, 0, 32, 2), new ProgramChange(10, 0, 6), new ProgramChange(20, 9, 25),
        new ControlChange(30, 0, 0, 3), new ProgramChange(40, 0, 7)));
    assertEquals(List.of(new ProgramUse(0, 0, 5, -1, -1), new ProgramUse(0, 10, 6, 1, 2), new ProgramUse(9, 20, 25, -1, -1),
        new ProgramUse(0, 40, 7, 3, 2)), ProgramUse.of(t));
    assertTrue(ProgramUse.of(t).get(2).isDrum());
  }
}

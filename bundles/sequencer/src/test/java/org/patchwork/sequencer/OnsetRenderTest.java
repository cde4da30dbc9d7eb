package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.engine.Timeline;
import org.patchwork.sdk.testkit.Signals;

/**
 * The "done when": rendered through the real engine, every note's onset lands at its
 * exact computed frame, for several tempos, LPBs, grooves and delays, across block sizes.
 */
class OnsetRenderTest {

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    Object[][] clocks = {
        {"120", 4, List.<String>of()},
        {"93.75", 7, List.of("0", "0.33")},
        {"137.3", 3, List.of("0.1", "0", "0.5")},
        {"174", 16, List.of("0", "0.25", "0", "0.125")}};
    for (Object[] c : clocks) {
      for (int block : new int[] {1, 64, 256, 997}) {
        out.add(Arguments.of(c[0], c[1], c[2], block));
      }
    }
    return out.stream();
  }

  /** Expected note-on and OFF frames of {@link TimingTest#pattern}, from the formula. */
  static List<Integer> expectedEdges(String bpm, int lpb, List<String> groove) {
    List<Integer> edges = new ArrayList<>();
    for (int line = 0; line < 48; line += 3) {
      edges.add((int) Expect.frame(bpm, lpb, line,
          TimingTest.groove(groove, line).add(Expect.delay(line * 37 % 256))));
      edges.add((int) Expect.frame(bpm, lpb, line + 2,
          TimingTest.groove(groove, line + 2).add(Expect.delay(line * 11 % 256))));
    }
    return edges;
  }

  @ParameterizedTest(name = "{0} bpm, {1} lpb, groove {2}, blocks of {3}")
  @MethodSource("cases")
  void gateEdgesAreAtTheComputedFrames(String bpm, int lpb, List<String> groove, int block) {
    Song song = TimingTest.pattern(bpm, lpb, 6, groove);
    // Sorted: with a late groove and delay a note may start before the previous one is released
    // (the gate then steps 1 -> 2 -> 1).
    List<Integer> expected = expectedEdges(bpm, lpb, groove).stream().sorted().toList();
    int frames = expected.getLast() + 100;
    float[][] audio = Rig.render(Rig.probeProject(0), song, block, frames);
    // The probe's left output is the sum of held velocities: it rises at each note's first frame
    // and falls at its release, sample-exactly.
    assertEquals(expected, Rig.edges(audio[0]));
    assertEquals(expected.getFirst(), Signals.onset(audio[0], 0.1));
  }

  @ParameterizedTest(name = "{0} bpm, {1} lpb, groove {2}, blocks of {3}")
  @MethodSource("cases")
  void theSineExampleRendersTheSameAsNotesPlacedByHandAtTheFormulasFrames(String bpm, int lpb, List<String> groove,
      int block) {
    Song song = TimingTest.pattern(bpm, lpb, 6, groove);
    List<Integer> edges = expectedEdges(bpm, lpb, groove);
    // The same notes, placed by hand at the frames the formula gives.
    Timeline.Builder hand = Timeline.builder(Rig.RATE).tempo(0, new BigDecimal(bpm).doubleValue());
    for (int i = 0; i < edges.size(); i += 2) {
      hand.noteOn(edges.get(i), "t", i / 2, 60 + i / 2 * 3 % 12, 1.0);
      hand.noteOff(edges.get(i + 1), "t", i / 2, 60 + i / 2 * 3 % 12);
    }
    int frames = edges.getLast() + 2000;
    float[][] sequenced = Rig.render(Rig.sineProject(), song, block, frames);
    float[][] placed = Rig.render(Rig.sineProject(), hand.build(), block, frames);
    // A sine that starts one frame early or late has a different phase ever after.
    assertArrayEquals(placed[0], sequenced[0]);
    // Silence until the first note; sound on the frame after it (the sine starts at phase 0).
    int first = edges.getFirst();
    for (int f = 0; f <= first; f++) {
      assertEquals(0f, sequenced[0][f], "frame " + f);
    }
    assertTrue(sequenced[0][first + 1] != 0f);
    assertEquals(first + 1, Signals.onset(sequenced[0], 1e-9));
  }
}

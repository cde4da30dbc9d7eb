package org.patchwork.sequencer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Live notes reach the rendered audio at their frame: scheduled through the sequencer, published
 * by a {@link LiveSession} ahead of the engine, mixed with the song playing, across block sizes.
 */
class LiveSessionTest {

  /** Renders {@code frames} frames block by block, pumping before each block: left channel. */
  static float[] render(LiveSession live, int block, int frames, Runnable beforeBlock) {
    float[] left = new float[frames];
    float[][] out = new float[2][block];
    for (int at = 0; at < frames; at += block) {
      beforeBlock.run();
      live.pump();
      int n = Math.min(block, frames - at);
      live.render(out, n);
      System.arraycopy(out[0], 0, left, at, n);
    }
    return left;
  }

  @ParameterizedTest(name = "blocks of {0}")
  @ValueSource(ints = {1, 64, 256, 997})
  void scheduledNotesSoundAtTheirFramesBesideTheSong(int block) {
    // The song plays note 60 on line 1 (frame 6000) for two lines; the probe's left output is the
    // sum of the held notes' velocities, so every note's start and end is an edge.
    Song song = SongBuilder.simple(8).note(1, 60).note(3, NoteCell.off()).song();
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(song));
    LiveInput in = new LiveInput(seq);
    seq.play();
    try (LiveSession live = new LiveSession(Rig.probeProject(0), Rig.registry(), seq, block, Math.max(block, 512),
        null)) {
      in.noteOn(3_001, 72, 0.5f);
      in.noteOn(9_000, 74, 0.25f);
      in.noteOff(15_000, 72);
      in.noteOff(20_011, 74);
      float[] left = render(live, block, 30_000, () -> { });
      assertEquals(List.of(3_001, 6_000, 9_000, 15_000, 18_000, 20_011), Rig.edges(left));
      assertEquals((0.5f + 1f + 0.25f) * Rig.CENTRE, left[12_000], 1e-6);
      assertEquals(0, live.skipped());
    }
  }

  @ParameterizedTest(name = "blocks of {0}")
  @ValueSource(ints = {64, 256})
  void aNoteStampedNowIsHeardAtTheNextBlock(int block) {
    Sequencer seq = new Sequencer(Rig.RATE, new SongEditor(SongBuilder.simple(8).song()));
    LiveInput in = new LiveInput(seq);
    try (LiveSession live = new LiveSession(Rig.probeProject(0), Rig.registry(), seq, block, 4 * block, null)) {
      List<Long> played = new ArrayList<>();
      int[] blocks = {0};
      float[] left = render(live, block, 40 * block, () -> {
        if (blocks[0]++ == 17) {
          long now = live.now();
          played.add(live.engineFrame(now));
          in.noteOn(now, 60, 1.0);
        }
      });
      assertEquals(List.of(17L * block), played);
      assertEquals(List.of(17 * block), Rig.edges(left));
    }
  }
}

package org.patchwork.dsp.granular.internal;

import org.patchwork.sdk.module.Event;

/**
 * The held notes of {@link Granular}: per note a key, velocity and bend, a grain clock that
 * starts a grain every {@link #interval} frames from the note's first frame, and a linear
 * attack/release envelope written per frame into {@link #envelope} for the grains to follow.
 * A new note takes an idle slot, else the oldest released note, else the oldest held one,
 * whose envelope then goes on from its level (no click).
 */
final class Notes {

  private static final int IDLE = 0;
  private static final int ATTACK = 1;
  private static final int HOLD = 2;
  private static final int RELEASE = 3;

  final double sampleRate;
  /** {@code [note][frame]}: the envelope of the current block. */
  final float[][] envelope;
  private final int[] stage = new int[Granular.MAX_NOTES];
  private final int[] key = new int[Granular.MAX_NOTES];
  private final int[] noteId = new int[Granular.MAX_NOTES];
  private final double[] bend = new double[Granular.MAX_NOTES];
  private final double[] velocity = new double[Granular.MAX_NOTES];
  private final double[] level = new double[Granular.MAX_NOTES];
  private final double[] releaseStep = new double[Granular.MAX_NOTES];
  private final double[] countdown = new double[Granular.MAX_NOTES];
  private final long[] order = new long[Granular.MAX_NOTES];
  private long started;

  // The block's settings.
  double interval;
  double attackStep;
  double releaseFrames;

  Notes(double sampleRate, int maxFrames) {
    this.sampleRate = sampleRate;
    envelope = new float[Granular.MAX_NOTES][maxFrames];
  }

  void clear() {
    for (int v = 0; v < Granular.MAX_NOTES; v++) {
      stage[v] = IDLE;
      level[v] = 0;
      noteId[v] = -1;
    }
    started = 0;
  }

  int active() {
    int n = 0;
    for (int v = 0; v < Granular.MAX_NOTES; v++) {
      if (stage[v] != IDLE) {
        n++;
      }
    }
    return n;
  }

  boolean ended(int v) {
    return stage[v] == IDLE;
  }

  /**
   * Frame {@code i} of every note: its envelope, and a grain when its clock is due.
   * {@code cvSemitones} is the pitch input at this frame. Thread: audio.
   */
  void step(int i, Grains grains, double cvSemitones, Rng rng, GrainSource source, GrainSource ring, long head) {
    for (int v = 0; v < Granular.MAX_NOTES; v++) {
      int s = stage[v];
      if (s == IDLE) {
        envelope[v][i] = 0;
        continue;
      }
      double l = level[v];
      if (s == ATTACK) {
        l += attackStep;
        if (l >= 1) {
          l = 1;
          stage[v] = HOLD;
        }
      } else if (s == RELEASE) {
        l -= releaseStep[v];
        if (l <= 0) {
          l = 0;
          stage[v] = IDLE;
        }
      }
      level[v] = l;
      envelope[v][i] = (float) l;
      if (stage[v] != IDLE && countdown[v] <= 0) {
        grains.spawn(v, key[v] + bend[v] + cvSemitones, velocity[v], i, rng, source, ring, head);
        countdown[v] += interval;
      }
      countdown[v] -= 1;
    }
  }

  /** Applies a note event. Thread: audio. */
  void handle(Event event, Grains grains) {
    switch (event.type()) {
      case NOTE_ON -> {
        if (event.key() < 0 || event.key() > 127) {
          return;
        }
        int v = allocate();
        if (stage[v] == IDLE) {
          level[v] = 0;
        }
        stage[v] = ATTACK;
        key[v] = event.key();
        noteId[v] = event.noteId();
        bend[v] = 0;
        velocity[v] = Granular.clamp(event.velocity(), 0, 1);
        countdown[v] = 0;
        order[v] = started++;
      }
      case NOTE_OFF -> {
        for (int v = 0; v < Granular.MAX_NOTES; v++) {
          boolean same = event.noteId() >= 0 ? noteId[v] == event.noteId() : key[v] == event.key();
          if (same && (stage[v] == ATTACK || stage[v] == HOLD)) {
            stage[v] = RELEASE;
            releaseStep[v] = Math.max(level[v], 1e-9) / releaseFrames;
          }
        }
      }
      case NOTE_EXPRESSION -> {
        for (int v = 0; v < Granular.MAX_NOTES; v++) {
          if (stage[v] != IDLE && event.noteId() >= 0 && noteId[v] == event.noteId()) {
            bend[v] = Granular.clamp(event.value(), -48, 48);
          }
        }
      }
      case ALL_NOTES_OFF -> {
        clear();
        grains.clear();
      }
      default -> { }
    }
  }

  private int allocate() {
    int released = -1;
    int oldest = 0;
    for (int v = 0; v < Granular.MAX_NOTES; v++) {
      if (stage[v] == IDLE) {
        return v;
      }
      if (stage[v] == RELEASE && (released < 0 || order[v] < order[released])) {
        released = v;
      }
      if (order[v] < order[oldest]) {
        oldest = v;
      }
    }
    return released >= 0 ? released : oldest;
  }
}

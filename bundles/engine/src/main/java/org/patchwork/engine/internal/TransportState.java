package org.patchwork.engine.internal;

import org.patchwork.sdk.module.Transport;

/**
 * The song clock the audio thread keeps: playing or not, tempo, song position. The beat is
 * computed from the last tempo change rather than summed block by block, so it does not drift
 * with the block size.
 *
 * <p>Changes wait in a small queue until their frame; the engine splits a block there, so a
 * module sees the new tempo or position from exactly that frame on.
 */
final class TransportState implements Transport {

  /** Pending changes kept; more are applied at once (late rather than lost). */
  static final int QUEUE = 256;
  static final int START = 0;
  static final int STOP = 1;
  static final int TEMPO = 2;

  private final long[] at = new long[QUEUE];
  private final int[] what = new int[QUEUE];
  private final long[] from = new long[QUEUE];
  private final double[] bpm = new double[QUEUE];
  private int pending;
  private final double sampleRate;
  private boolean playing;
  private double tempo = 120;
  private long songFrame;
  private long anchorFrame;
  private double anchorBeat;

  TransportState(double sampleRate) {
    this.sampleRate = sampleRate;
  }

  /** Queues a change for engine frame {@code frame}, after any queued for the same frame. */
  void schedule(long frame, int kind, long songFrame, double tempo) {
    if (pending == QUEUE) {
      apply(kind, songFrame, tempo);
      return;
    }
    int i = pending;
    while (i > 0 && at[i - 1] > frame) {
      i--;
    }
    int n = pending - i;
    System.arraycopy(at, i, at, i + 1, n);
    System.arraycopy(what, i, what, i + 1, n);
    System.arraycopy(from, i, from, i + 1, n);
    System.arraycopy(bpm, i, bpm, i + 1, n);
    at[i] = frame;
    what[i] = kind;
    from[i] = songFrame;
    bpm[i] = tempo;
    pending++;
  }

  /** Applies the changes due at or before {@code frame}. */
  void applyDue(long frame) {
    int n = 0;
    while (n < pending && at[n] <= frame) {
      apply(what[n], from[n], bpm[n]);
      n++;
    }
    if (n > 0) {
      int rest = pending - n;
      System.arraycopy(at, n, at, 0, rest);
      System.arraycopy(what, n, what, 0, rest);
      System.arraycopy(from, n, from, 0, rest);
      System.arraycopy(bpm, n, bpm, 0, rest);
      pending = rest;
    }
  }

  /** Frame of the next queued change, or {@link Long#MAX_VALUE}. */
  long nextChange() {
    return pending == 0 ? Long.MAX_VALUE : at[0];
  }

  private void apply(int kind, long songFrame, double tempo) {
    switch (kind) {
      case START -> start(songFrame);
      case STOP -> stop();
      default -> tempo(tempo);
    }
  }

  void start(long fromSongFrame) {
    playing = true;
    songFrame = fromSongFrame;
    anchorFrame = fromSongFrame;
    anchorBeat = fromSongFrame * tempo / (60 * sampleRate);
  }

  void stop() {
    playing = false;
  }

  void tempo(double bpm) {
    if (bpm > 0 && bpm < 10_000) {
      anchorBeat = songBeat();
      anchorFrame = songFrame;
      tempo = bpm;
    }
  }

  void advance(int frames) {
    if (playing) {
      songFrame += frames;
    }
  }

  @Override
  public boolean isPlaying() {
    return playing;
  }

  @Override
  public double tempo() {
    return tempo;
  }

  @Override
  public long songFrame() {
    return songFrame;
  }

  @Override
  public double songBeat() {
    return anchorBeat + (songFrame - anchorFrame) * tempo / (60 * sampleRate);
  }

  @Override
  public int beatsPerBar() {
    return 4;
  }
}

package org.patchwork.playback.internal;

/**
 * What a live run plays by itself: a tracker song through the live sequencer ({@link
 * SongScore}) or a project's notes ({@link NoteScore}), rendered ahead of the engine in engine
 * frames. Thread: the run's, under its lock.
 */
interface Score {

  /** Where events go: the run resolves names against its plan and publishes on its ring. */
  interface Out {
    void noteOn(long frame, int track, int noteId, int key, float velocity);

    void noteOff(long frame, int track, int noteId, int key);

    void expression(long frame, int track, int noteId, double semitones);

    void parameter(long frame, String node, String parameter, double value);

    void tempo(long frame, double bpm);

    /** The plan's index of a mixer track, or -1. */
    int track(String trackId);
  }

  /** Starts playing at engine frame {@code at} from {@code beats} quarter notes. */
  void start(long at, double beats);

  /**
   * Publishes what is due before engine frame {@code until}; events at or after {@code limit}
   * are dropped (a stop at {@code limit}).
   */
  void render(long until, long limit, Out out);

  /** Stops at engine frame {@code at} (after a {@code render(at, at, out)}); nothing more plays. */
  void stop(long at);

  /** Whether it still plays (a song ends by itself). */
  boolean playing();

  /** The position in quarter notes: where it plays, or where it stopped. */
  double beats(long engineFrame);

  /** Beats per minute now. */
  double tempo();

  /** Sets the tempo from the next line (a song) or for the engine's clock only (notes). */
  void tempo(double bpm);

  /** The mixer track a live track number plays on, as a track id, or null. */
  String output(int track);

  /** The song's order, pattern and line now, or null. */
  int[] position();

  /** Turns recording on or off; false if this score cannot record (a project in notes). */
  default boolean record(boolean on) {
    return false;
  }

  /** Whether notes played live are written into the song. */
  default boolean recording() {
    return false;
  }

  /**
   * While recording: writes a note played live at engine frame {@code frame} into the song, at
   * the line playing then (the next one past its middle). Called after the note was sent to the
   * engine, so the sequencer never plays it a second time.
   */
  default void recordNoteOn(long frame, int track, int key, double velocity, Out out) {
  }

  /** While recording: writes a note-off at the line playing at {@code frame}, past the note's own. */
  default void recordNoteOff(long frame, int track, int key, Out out) {
  }

  /** The song as recorded so far, as the project's {@code song} JSON, or null (no song). */
  default String songJson() {
    return null;
  }
}

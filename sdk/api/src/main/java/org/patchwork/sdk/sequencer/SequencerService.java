package org.patchwork.sdk.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The song's clock and event source. The sequencer owns the song model on its own thread; other
 * threads talk to it through {@link #schedule} and read it through {@link #snapshot}.
 *
 * <pre>{@code
 * sequencer.schedule(SequencerEvent.noteOn(48_000, 0, 60, 0.8f));
 * SequencerSnapshot s = sequencer.snapshot();
 * }</pre>
 */
@ProviderType
public interface SequencerService {

  /**
   * Queues an event for the sequencer thread, to be played at its frame (live input,
   * controllers, scripts). Thread: any; never blocks.
   *
   * @return false if the queue is full and the event was dropped
   */
  boolean schedule(SequencerEvent event);

  /**
   * Advances the song by {@code ticks} ticks from the current position and hands every event
   * those ticks produce, with its exact frame, to {@code sink} in frame order. Thread: the
   * sequencer thread (or an offline renderer that owns the sequencer).
   *
   * @return the number of frames the ticks span at the tempo in force
   */
  long renderTicks(int ticks, SequencerEvent.Sink sink);

  /** The latest immutable state of transport and song position. Thread: any. */
  SequencerSnapshot snapshot();
}

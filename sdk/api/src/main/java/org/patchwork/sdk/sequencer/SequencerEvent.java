package org.patchwork.sdk.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An event on the song timeline, timestamped in sample frames since the start of the song.
 *
 * @param frame when it takes effect, in frames since song start
 * @param kind what it is
 * @param track the track (0-based) whose instrument receives it
 * @param key MIDI key 0..127 for notes, -1 otherwise
 * @param velocity 0..1 for notes
 * @param parameterId the parameter for {@link Kind#PARAMETER} events, else empty
 * @param value the parameter value or tempo carried
 */
@ProviderType
public record SequencerEvent(
    long frame, Kind kind, int track, int key, float velocity, String parameterId, double value) {

  /** What an event does. */
  @ProviderType
  public enum Kind {
    NOTE_ON,
    NOTE_OFF,
    PARAMETER,
    TEMPO,
    STOP
  }

  /** Checks the event's rules at construction. */
  public SequencerEvent {
    if (frame < 0 || kind == null || track < 0) {
      throw new IllegalArgumentException("event needs frame >= 0, a kind and track >= 0");
    }
    parameterId = parameterId == null ? "" : parameterId;
  }

  /** A note starting at {@code frame}. */
  public static SequencerEvent noteOn(long frame, int track, int key, float velocity) {
    return new SequencerEvent(frame, Kind.NOTE_ON, track, key, velocity, "", 0);
  }

  /** A note released at {@code frame}. */
  public static SequencerEvent noteOff(long frame, int track, int key) {
    return new SequencerEvent(frame, Kind.NOTE_OFF, track, key, 0, "", 0);
  }

  /** Receives rendered events in frame order. */
  @FunctionalInterface
  @org.osgi.annotation.versioning.ConsumerType
  public interface Sink {
    /** Takes one event. Thread: the caller of {@link SequencerService#renderTicks}. */
    void accept(SequencerEvent event);
  }
}

package org.patchwork.sequencer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One event of a played song at its exact frame: what the compiler and the live sequencer
 * produce and what becomes an engine {@link org.patchwork.engine.Timeline} event.
 *
 * @param frame frames since the play start, rounded half-even from the exact position
 * @param kind what it is
 * @param track the tracker track (index into {@link Song#tracks()}) it comes from; -1 for song
 *     events (tempo, automation)
 * @param output the engine track id a note event goes to; empty for the others
 * @param noteId pairs a note's on, off and expressions; -1 for other events
 * @param key MIDI key of note events; -1 for others
 * @param value velocity 0..1 ({@link Kind#NOTE_ON}), semitones of bend
 *     ({@link Kind#NOTE_EXPRESSION}), track volume 0..1, track panning -1..1, sample offset 0..1,
 *     the parameter's value ({@link Kind#PARAMETER}) or beats per minute ({@link Kind#TEMPO})
 * @param node the node id of a {@link Kind#PARAMETER}; empty for the others
 * @param parameter the parameter id of a {@link Kind#PARAMETER}; empty for the others
 */
@ProviderType
public record SongEvent(long frame, Kind kind, int track, String output, int noteId, int key, double value,
    String node, String parameter) {

  /** What an event is; at one frame they sort in this order. */
  @ProviderType
  public enum Kind {
    /** The tempo becomes {@link #value()} bpm. */
    TEMPO,
    /** A module parameter moves ({@code M}/{@code N} commands, automation). */
    PARAMETER,
    /** The track volume becomes {@link #value()} (0..1). */
    VOLUME,
    /** The track panning becomes {@link #value()} (-1..1). */
    PAN,
    /** The next note of the track starts {@link #value()} (0..1) into its sample. */
    SAMPLE_OFFSET,
    /** A note is released. */
    NOTE_OFF,
    /** A note starts. */
    NOTE_ON,
    /** A playing note's pitch becomes its key plus {@link #value()} semitones. */
    NOTE_EXPRESSION
  }

  /** Normalises missing strings to empty. */
  public SongEvent {
    output = output == null ? "" : output;
    node = node == null ? "" : node;
    parameter = parameter == null ? "" : parameter;
  }

  /** {@code "node.param"} of a parameter event. */
  public String target() {
    return node + "." + parameter;
  }
}

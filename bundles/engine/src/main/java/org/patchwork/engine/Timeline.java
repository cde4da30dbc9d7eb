package org.patchwork.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Events already placed at exact sample frames, for a {@link Session} or the
 * {@link OfflineRenderer} to play in place of a project's {@link Note}s: notes on and off,
 * per-note pitch expressions, parameter changes and tempo changes. A sequencer compiles a song
 * into one; the engine only plays it, so it never needs to know what a pattern is.
 *
 * <p>Events name their targets (track ids, node and parameter ids); the session resolves the
 * names against its plan and refuses a timeline that names something the graph lacks. Events at
 * the same frame keep the order they were added in.
 *
 * <pre>{@code
 * Timeline t = Timeline.builder(48_000)
 *     .noteOn(0, "lead", 1, 60, 0.8)
 *     .noteExpression(6_000, "lead", 1, 0.5)          // bend up a quarter tone
 *     .parameter(12_000, "filter", "cutoff", 900)
 *     .noteOff(24_000, "lead", 1, 60)
 *     .length(24_000)
 *     .build();
 * new OfflineRenderer(registry).render(project, t, settings, out, null);
 * }</pre>
 *
 * @param sampleRate the frame rate the frames were computed for
 * @param length the song's end in frames; renders run to it plus
 *     {@link RenderSettings#TAIL_SECONDS} unless given a length
 * @param events in frame order
 */
@ProviderType
public record Timeline(double sampleRate, long length, List<Event> events) {

  /** What an event does. */
  @ProviderType
  public enum Kind {
    /** A note starts: {@link Event#target()} track, note id, key, {@link Event#value()} velocity 0..1. */
    NOTE_ON,
    /** A note is released: {@link Event#target()} track, note id, key. */
    NOTE_OFF,
    /** A per-note expression: {@link Event#value()} semitones of bend of note id. */
    NOTE_EXPRESSION,
    /** Every note of the {@link Event#target()} track stops at once. */
    ALL_NOTES_OFF,
    /** Parameter {@link Event#parameter()} of node {@link Event#target()} moves to {@link Event#value()}. */
    PARAMETER,
    /** The tempo becomes {@link Event#value()} beats per minute (for tempo-synced modules). */
    TEMPO
  }

  /**
   * One timed event.
   *
   * @param frame frames since song start, at least 0
   * @param kind what it does
   * @param target the track id for note events, the node id for parameters, empty for tempo
   * @param parameter the parameter id for {@link Kind#PARAMETER}, else empty
   * @param noteId pairs a note's on, off and expressions; -1 when not a note event
   * @param key MIDI key 0..127 of note on and off; -1 otherwise
   * @param value velocity, semitones, parameter value or beats per minute
   */
  @ProviderType
  public record Event(long frame, Kind kind, String target, String parameter, int noteId, int key, double value) {

    /** Checks the event's rules. */
    public Event {
      Objects.requireNonNull(kind, "event kind");
      target = target == null ? "" : target;
      parameter = parameter == null ? "" : parameter;
      if (frame < 0) {
        throw new IllegalArgumentException("event frame must be at least 0: " + frame);
      }
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("event value must be finite: " + value);
      }
      if (kind != Kind.TEMPO && target.isEmpty()) {
        throw new IllegalArgumentException(kind + " needs a target");
      }
      if (kind == Kind.PARAMETER && parameter.isEmpty()) {
        throw new IllegalArgumentException("PARAMETER needs a parameter id");
      }
      if ((kind == Kind.NOTE_ON || kind == Kind.NOTE_OFF) && (key < 0 || key > 127)) {
        throw new IllegalArgumentException(kind + " key must be within 0..127: " + key);
      }
      if (kind == Kind.TEMPO && !(value >= 1 && value <= 999)) {
        throw new IllegalArgumentException("tempo must be within 1..999 bpm: " + value);
      }
    }
  }

  /** Copies the events; checks the frame rate, length and frame order. */
  public Timeline {
    if (!(sampleRate >= 8000 && sampleRate <= 384_000)) {
      throw new IllegalArgumentException("sampleRate must be within 8000..384000 Hz: " + sampleRate);
    }
    if (length < 0) {
      throw new IllegalArgumentException("length must be at least 0: " + length);
    }
    events = List.copyOf(events);
    for (int i = 1; i < events.size(); i++) {
      if (events.get(i).frame() < events.get(i - 1).frame()) {
        throw new IllegalArgumentException("events must be in frame order: event " + i + " at frame "
            + events.get(i).frame() + " follows frame " + events.get(i - 1).frame());
      }
    }
  }

  /** A builder of a timeline for {@code sampleRate} frames per second. */
  public static Builder builder(double sampleRate) {
    return new Builder(sampleRate);
  }

  /** Where the last event is, or the length if that is later. */
  public long end() {
    return events.isEmpty() ? length : Math.max(length, events.getLast().frame());
  }

  /**
   * Collects events in any order; {@link #build()} sorts them by frame, keeping the order they
   * were added in among events of one frame. Not thread-safe.
   */
  @ProviderType
  public static final class Builder {

    private final double sampleRate;
    private final List<Event> events = new ArrayList<>();
    private long length = -1;

    private Builder(double sampleRate) {
      this.sampleRate = sampleRate;
    }

    /** Adds a note start. */
    public Builder noteOn(long frame, String track, int noteId, int key, double velocity) {
      return add(new Event(frame, Kind.NOTE_ON, track, "", noteId, key, velocity));
    }

    /** Adds a note release. */
    public Builder noteOff(long frame, String track, int noteId, int key) {
      return add(new Event(frame, Kind.NOTE_OFF, track, "", noteId, key, 0));
    }

    /** Adds a pitch expression of {@code semitones} for note {@code noteId}. */
    public Builder noteExpression(long frame, String track, int noteId, double semitones) {
      return add(new Event(frame, Kind.NOTE_EXPRESSION, track, "", noteId, -1, semitones));
    }

    /** Adds a stop of every note of {@code track}. */
    public Builder allNotesOff(long frame, String track) {
      return add(new Event(frame, Kind.ALL_NOTES_OFF, track, "", -1, -1, 0));
    }

    /** Adds a parameter change. */
    public Builder parameter(long frame, String node, String parameter, double value) {
      return add(new Event(frame, Kind.PARAMETER, node, parameter, -1, -1, value));
    }

    /** Adds a tempo change. */
    public Builder tempo(long frame, double bpm) {
      return add(new Event(frame, Kind.TEMPO, "", "", -1, -1, bpm));
    }

    /** Adds an event. */
    public Builder add(Event event) {
      events.add(Objects.requireNonNull(event, "event"));
      return this;
    }

    /** Sets the song's end; by default the last event's frame. */
    public Builder length(long frames) {
      this.length = frames;
      return this;
    }

    /** The timeline, events sorted by frame (stable). */
    public Timeline build() {
      List<Event> sorted = new ArrayList<>(events);
      sorted.sort(Comparator.comparingLong(Event::frame));
      long end = length >= 0 ? length : sorted.isEmpty() ? 0 : sorted.getLast().frame();
      return new Timeline(sampleRate, end, sorted);
    }
  }
}

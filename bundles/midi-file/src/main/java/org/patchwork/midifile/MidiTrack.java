package org.patchwork.midifile;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.internal.Check;

/**
 * One track chunk: events in file order with non-decreasing absolute ticks, and the tick of its
 * end-of-track event. Only what a file can encode is accepted (gaps of at most 2^28 - 1 ticks).
 *
 * <pre>{@code
 * new MidiTrack(List.of(new NoteOn(0, 0, 60, 100), new NoteOff(480, 0, 60, 0)), 480);
 * }</pre>
 *
 * @param events the events, immutable
 * @param endTick the end-of-track tick, >= the last event's tick
 */
@ProviderType
public record MidiTrack(List<MidiEvent> events, long endTick) {

  public MidiTrack {
    events = List.copyOf(events);
    long previous = 0;
    for (int i = 0; i < events.size(); i++) {
      long tick = events.get(i).tick();
      if (tick < previous) {
        throw new IllegalArgumentException(
            "event " + i + " at tick " + tick + " comes before the previous event's tick " + previous);
      }
      checkGap(tick - previous, i);
      previous = tick;
    }
    if (endTick < previous) {
      throw new IllegalArgumentException("end of track at tick " + endTick + " is before the last event at tick " + previous);
    }
    checkGap(endTick - previous, events.size());
  }

  /** A track that ends at its last event. */
  public MidiTrack(List<MidiEvent> events) {
    this(events, events.isEmpty() ? 0 : events.getLast().tick());
  }

  private static void checkGap(long gap, int index) {
    if (gap > Check.VLQ_MAX) {
      throw new IllegalArgumentException("gap of " + gap + " ticks before event " + index
          + " is longer than a delta time can hold (" + Check.VLQ_MAX + ")");
    }
  }

  /** The text of the first track-name meta event, if any. */
  public Optional<String> name() {
    for (MidiEvent e : events) {
      if (e instanceof MetaEvent.Text t && t.kind() == MetaEvent.TextKind.TRACK_NAME) {
        return Optional.of(t.text());
      }
    }
    return Optional.empty();
  }

  /** The events of one type, in order. */
  public <T extends MidiEvent> List<T> events(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

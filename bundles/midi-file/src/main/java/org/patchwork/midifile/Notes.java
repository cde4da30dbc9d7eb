package org.patchwork.midifile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Note-ons paired with note-offs, and back.
 *
 * <p>Pairing rules: a note-on with velocity 0 is a note-off (release velocity 64); several
 * open notes of one channel and key end first-in first-out, so a retriggered key
 * ({@code on 60, on 60, off 60, off 60}) gives two overlapping notes; a note-off with no open
 * note is dropped with a warning; a note still open at the end of the track ends there, with a
 * warning.
 *
 * <pre>{@code
 * NotePairing p = Notes.pair(track);
 * for (NoteSpan n : p.spans()) { if (n.isDrum()) ... }
 * List<ChannelEvent> events = Notes.toEvents(p.spans()); // Notes.pair of these gives p.spans()
 * }</pre>
 */
@ProviderType
public final class Notes {

  /** Individual warnings kept per pairing; beyond this a count is given. */
  static final int MAX_WARNINGS = 20;

  private Notes() {
  }

  /** Pairs the notes of one track; unterminated notes end at its end-of-track tick. */
  public static NotePairing pair(MidiTrack track) {
    return pair(track.events(), track.endTick());
  }

  /** Pairs the notes of tick-ordered events; unterminated notes end at {@code endTick}. */
  public static NotePairing pair(List<? extends MidiEvent> events, long endTick) {
    record Open(int index, long tick, int velocity) {
    }
    @SuppressWarnings("unchecked")
    ArrayDeque<Open>[] open = new ArrayDeque[16 * 128];
    record Indexed(int index, NoteSpan span) {
    }
    List<Indexed> done = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int[] dropped = {0};
    for (int i = 0; i < events.size(); i++) {
      MidiEvent e = events.get(i);
      int ch;
      int key;
      int releaseVelocity;
      if (e instanceof ChannelEvent.NoteOn on && on.velocity() > 0) {
        int slot = on.channel() * 128 + on.key();
        if (open[slot] == null) {
          open[slot] = new ArrayDeque<>();
        }
        open[slot].addLast(new Open(i, on.tick(), on.velocity()));
        continue;
      } else if (e instanceof ChannelEvent.NoteOn on) {
        ch = on.channel();
        key = on.key();
        releaseVelocity = NoteSpan.DEFAULT_RELEASE_VELOCITY;
      } else if (e instanceof ChannelEvent.NoteOff off) {
        ch = off.channel();
        key = off.key();
        releaseVelocity = off.velocity();
      } else {
        continue;
      }
      ArrayDeque<Open> q = open[ch * 128 + key];
      Open o = q == null ? null : q.pollFirst();
      if (o == null) {
        warn(warnings, dropped, "note-off without a note-on: key " + key + " on channel " + (ch + 1)
            + " at tick " + e.tick() + " ignored");
        continue;
      }
      done.add(new Indexed(o.index(), new NoteSpan(ch, key, o.velocity(), o.tick(), e.tick(), releaseVelocity)));
    }
    for (int slot = 0; slot < open.length; slot++) {
      if (open[slot] == null) {
        continue;
      }
      for (Open o : open[slot]) {
        int ch = slot / 128;
        int key = slot % 128;
        warn(warnings, dropped, "note key " + key + " on channel " + (ch + 1) + " started at tick " + o.tick()
            + " has no note-off; ended at the end of the track (tick " + endTick + ")");
        done.add(new Indexed(o.index(), new NoteSpan(ch, key, o.velocity(), o.tick(), Math.max(endTick, o.tick()),
            NoteSpan.DEFAULT_RELEASE_VELOCITY)));
      }
    }
    if (dropped[0] > 0) {
      warnings.add("... and " + dropped[0] + " more warnings like these");
    }
    done.sort(Comparator.comparingInt(Indexed::index));
    return new NotePairing(done.stream().map(Indexed::span).toList(), warnings);
  }

  private static void warn(List<String> warnings, int[] dropped, String warning) {
    if (warnings.size() < MAX_WARNINGS) {
      warnings.add(warning);
    } else {
      dropped[0]++;
    }
  }

  /**
   * Note-on and note-off events for {@code spans}, sorted by tick. At one tick, note-offs of
   * earlier notes come first (a retriggered key is released before it is struck again), then
   * note-ons, then the offs of zero-length notes. {@link #pair} gives back the same spans when
   * notes of one channel and key end in the order they start, which every pairing result does.
   */
  public static List<ChannelEvent> toEvents(Collection<NoteSpan> spans) {
    record Keyed(long tick, int group, long start, int order, ChannelEvent event) {
    }
    List<Keyed> keyed = new ArrayList<>(spans.size() * 2);
    int order = 0;
    for (NoteSpan n : spans) {
      keyed.add(new Keyed(n.startTick(), 1, n.startTick(), order,
          new ChannelEvent.NoteOn(n.startTick(), n.channel(), n.key(), n.velocity())));
      keyed.add(new Keyed(n.endTick(), n.endTick() == n.startTick() ? 2 : 0, n.startTick(), order,
          new ChannelEvent.NoteOff(n.endTick(), n.channel(), n.key(), n.releaseVelocity())));
      order++;
    }
    keyed.sort(Comparator.comparingLong(Keyed::tick).thenComparingInt(Keyed::group)
        .thenComparingLong(Keyed::start).thenComparingInt(Keyed::order));
    return keyed.stream().map(Keyed::event).toList();
  }
}

package org.patchwork.midifile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Whole-file transformations the importer and exporter need: merging tracks, splitting a song
 * into a conductor track and one track per channel, and turning SMPTE timing into ticks per
 * quarter note without moving any event.
 *
 * <pre>{@code
 * MidiFile song = MidiFiles.splitByChannel(MidiFiles.toPerQuarter(MidiFileReader.read(bytes)));
 * MidiTrack conductor = song.tracks().getFirst();
 * }</pre>
 */
@ProviderType
public final class MidiFiles {

  private MidiFiles() {
  }

  /** All events of all tracks in tick order; at one tick, earlier tracks first, then file order. */
  public static List<MidiEvent> mergedEvents(MidiFile file) {
    List<MidiEvent> all = new ArrayList<>();
    for (MidiTrack t : file.tracks()) {
      all.addAll(t.events());
    }
    return sortedByTick(all);
  }

  /** {@code events} sorted by tick, keeping the given order at equal ticks. */
  public static List<MidiEvent> sortedByTick(List<? extends MidiEvent> events) {
    List<MidiEvent> sorted = new ArrayList<>(events);
    sorted.sort(Comparator.comparingLong(MidiEvent::tick));
    return sorted;
  }

  /** The file as format 0: all tracks merged into one that ends at the latest end. */
  public static MidiFile toFormat0(MidiFile file) {
    refuseFormat2(file, "format 0");
    if (file.format() == 0) {
      return file;
    }
    return new MidiFile(0, file.division(), List.of(new MidiTrack(mergedEvents(file), file.endTick())));
  }

  /**
   * The file as format 1 with a conductor track first and one track per channel:
   * <ul>
   *   <li>tempo, time signature, key signature and SMPTE offset events of every track go to the
   *       conductor track;
   *   <li>the other non-channel events of a format 0 track or of a format 1 file's first track
   *       (song name, markers, sysex...) go to the conductor track too;
   *   <li>channel events are split into one track per channel and source track, in source track
   *       order and ascending channel; the rest of a source track's events (its name, lyrics...)
   *       go with its first channel; a track with no channel events stays a track of its own.
   * </ul>
   * Every derived track ends where its source track ended; the conductor ends at the latest end.
   *
   * @throws IllegalArgumentException if a derived track would need a gap between two events of
   *     more than 2^28 - 1 ticks, which no file can hold
   */
  public static MidiFile splitByChannel(MidiFile file) {
    refuseFormat2(file, "format 1");
    List<MidiEvent> conductor = new ArrayList<>();
    List<MidiTrack> tracks = new ArrayList<>();
    for (int s = 0; s < file.tracks().size(); s++) {
      MidiTrack source = file.tracks().get(s);
      boolean conductorSource = s == 0;
      // Indices into the source, so merged lists keep file order at equal ticks.
      TreeMap<Integer, List<Integer>> byChannel = new TreeMap<>();
      List<Integer> rest = new ArrayList<>();
      List<MidiEvent> events = source.events();
      for (int i = 0; i < events.size(); i++) {
        MidiEvent e = events.get(i);
        if (e instanceof ChannelEvent c) {
          byChannel.computeIfAbsent(c.channel(), k -> new ArrayList<>()).add(i);
        } else if (conductorSource || isTimeline(e)) {
          conductor.add(e);
        } else {
          rest.add(i);
        }
      }
      if (byChannel.isEmpty()) {
        if (!rest.isEmpty()) {
          tracks.add(new MidiTrack(pick(events, rest), source.endTick()));
        }
        continue;
      }
      boolean first = true;
      for (List<Integer> channelIndices : byChannel.values()) {
        List<Integer> indices = channelIndices;
        if (first) {
          indices = new ArrayList<>(rest);
          indices.addAll(channelIndices);
          indices.sort(null);
          first = false;
        }
        tracks.add(new MidiTrack(pick(events, indices), source.endTick()));
      }
    }
    tracks.addFirst(new MidiTrack(sortedByTick(conductor), file.endTick()));
    return new MidiFile(1, file.division(), tracks);
  }

  /**
   * The file with ticks-per-quarter division and every event at the same tick and the same
   * time: SMPTE {@code fps x ticksPerFrame} ticks per second become that many ticks per quarter
   * at 60 BPM (for 29.97 fps: {@code 30 x ticksPerFrame} per quarter at 1001000 microseconds per
   * quarter). That tempo is put at tick 0 of each track that starts a timeline (the first, or
   * every track of format 2), and the tempo events already there, which SMPTE timing ignores,
   * are set to it; they stay in place, so no gap between events grows. A file already in ticks
   * per quarter is returned as is.
   */
  public static MidiFile toPerQuarter(MidiFile file) {
    if (!(file.division() instanceof Division.Smpte smpte)) {
      return file;
    }
    boolean drop = smpte.framesPerSecond() == 29;
    int ppq = (drop ? 30 : smpte.framesPerSecond()) * smpte.ticksPerFrame();
    int micros = drop ? 1_001_000 : 1_000_000;
    List<MidiTrack> tracks = new ArrayList<>();
    for (int i = 0; i < file.tracks().size(); i++) {
      MidiTrack t = file.tracks().get(i);
      List<MidiEvent> events = new ArrayList<>();
      if (i == 0 || file.format() == 2) {
        events.add(new MetaEvent.Tempo(0, micros));
      }
      for (MidiEvent e : t.events()) {
        events.add(e instanceof MetaEvent.Tempo ? new MetaEvent.Tempo(e.tick(), micros) : e);
      }
      tracks.add(new MidiTrack(events, t.endTick()));
    }
    return new MidiFile(file.format(), new Division.PerQuarter(ppq), tracks);
  }

  private static boolean isTimeline(MidiEvent e) {
    return e instanceof MetaEvent.Tempo || e instanceof MetaEvent.TimeSignature
        || e instanceof MetaEvent.KeySignature || e instanceof MetaEvent.SmpteOffset;
  }

  private static List<MidiEvent> pick(List<MidiEvent> events, List<Integer> indices) {
    return indices.stream().map(events::get).toList();
  }

  private static void refuseFormat2(MidiFile file, String target) {
    if (file.format() == 2) {
      throw new IllegalArgumentException(
          "a format 2 file holds independent patterns; it cannot become " + target + " without choosing one");
    }
  }
}

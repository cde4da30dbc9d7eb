package org.patchwork.midifile;

import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A Standard MIDI File: format, division and tracks, immutable and compared by value, so
 * {@code MidiFileReader.read(MidiFileWriter.write(f)).equals(f)} for every file.
 *
 * <pre>{@code
 * MidiFile f = new MidiFile(1, new Division.PerQuarter(480), List.of(conductor, piano, drums));
 * }</pre>
 *
 * @param format 0 (one track), 1 (simultaneous tracks, the first usually holds the tempo map) or
 *     2 (independent single-track patterns)
 * @param division ticks per quarter note or SMPTE timing
 * @param tracks at most 65535; exactly one for format 0
 */
@ProviderType
public record MidiFile(int format, Division division, List<MidiTrack> tracks) {

  public MidiFile {
    if (format < 0 || format > 2) {
      throw new IllegalArgumentException("MIDI file format must be 0, 1 or 2, was " + format);
    }
    Objects.requireNonNull(division, "division");
    tracks = List.copyOf(tracks);
    if (format == 0 && tracks.size() != 1) {
      throw new IllegalArgumentException("a format 0 MIDI file has exactly one track, not " + tracks.size());
    }
    if (tracks.size() > 0xFFFF) {
      throw new IllegalArgumentException("a MIDI file holds at most 65535 tracks, not " + tracks.size());
    }
  }

  /** The latest end-of-track tick over all tracks. */
  public long endTick() {
    long end = 0;
    for (MidiTrack t : tracks) {
      end = Math.max(end, t.endTick());
    }
    return end;
  }

  /** The number of events over all tracks (end-of-track events not counted). */
  public long eventCount() {
    long n = 0;
    for (MidiTrack t : tracks) {
      n += t.events().size();
    }
    return n;
  }
}

package org.patchwork.trackerio;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.ChannelEvent;
import org.patchwork.midifile.Division;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.midifile.MidiEvent;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFiles;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.NoteSpan;
import org.patchwork.midifile.Notes;
import org.patchwork.sequencer.CompiledSong;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.PlayOptions;
import org.patchwork.sequencer.Playhead;
import org.patchwork.sequencer.Song;
import org.patchwork.sequencer.SongCompiler;
import org.patchwork.sequencer.SongEvent;
import org.patchwork.sequencer.SongTrack;
import org.patchwork.trackerio.internal.GeneralMidi;
import org.patchwork.trackerio.internal.Placement;
import org.patchwork.trackerio.internal.Tempos;

/**
 * A tracker song as a format 1 Standard MIDI File (docs/tracker-io.md): a conductor track (title,
 * tempo map, a time signature per pattern length) and one track per song track, named after it.
 *
 * <p>The song is played through as the sequencer plays it (order list, jumps, breaks, loops,
 * grooves, delays, note delays, retriggers and cuts, humanize), on a clock of beats
 * ({@link SongCompiler#compileBeats}), so tempo changes move no note: a note's tick is its
 * musical position, {@code units · ppq / 384000}, rounded to the nearest tick. Velocities are
 * {@code round(v·127)}; drum tracks (output or name starting with "drum") play on channel 10,
 * keeping their keys (so a tracker drum track's notes should be General MIDI drum keys),
 * the others on channels 1, 2, ... in order (10 skipped). A note whose instrument (or the
 * track's output) is named after a General MIDI program is preceded by that program change.
 * Pitch expressions (portamento, vibrato, arpeggio) and parameter changes are not written.
 *
 * <pre>{@code
 * byte[] bytes = MidiFileWriter.write(MidiExport.write(song, "My song", 480), true);
 * }</pre>
 */
@ProviderType
public final class MidiExport {

  /** Units per beat of the beat clock: a multiple of every usual resolution (96, 120, 192, 480, 960...). */
  public static final int UNITS_PER_BEAT = 384_000;
  /** Ticks per quarter note unless asked otherwise. */
  public static final int DEFAULT_PPQ = 480;

  private MidiExport() {
  }

  /**
   * The song as a MIDI file at {@code ppq} ticks per quarter note.
   *
   * @param title the conductor track's name (the song's title), or null for none
   * @throws IllegalArgumentException if {@code ppq} is not within 1..32767
   */
  public static MidiFile write(Song song, String title, int ppq) {
    if (ppq < 1 || ppq > 0x7FFF) {
      throw new IllegalArgumentException("ticks per quarter must be within 1..32767: " + ppq);
    }
    CompiledSong c = SongCompiler.compileBeats(song, PlayOptions.at(UNITS_PER_BEAT));
    long end = tick(c.length(), ppq);

    List<MidiEvent> conductor = new ArrayList<>();
    if (title != null && !title.isBlank()) {
      conductor.add(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, title));
    }
    conductor.addAll(meters(c, song, ppq));
    Map<Long, MetaEvent.Tempo> tempos = new java.util.TreeMap<>();
    for (SongEvent e : c.events(SongEvent.Kind.TEMPO)) {
      long t = tick(e.frame(), ppq);
      tempos.put(t, new MetaEvent.Tempo(t, Tempos.micros(e.value())));
    }
    conductor.addAll(tempos.values());

    List<MidiTrack> tracks = new ArrayList<>();
    tracks.add(new MidiTrack(MidiFiles.sortedByTick(conductor), end));
    int nextChannel = 0;
    for (int t = 0; t < song.tracks().size(); t++) {
      SongTrack track = song.tracks().get(t);
      int channel;
      if (isDrums(track)) {
        channel = ChannelEvent.DRUM_CHANNEL;
      } else {
        channel = nextChannel % 16 == ChannelEvent.DRUM_CHANNEL ? ++nextChannel % 16 : nextChannel % 16;
        nextChannel++;
      }
      tracks.add(track(song, c, t, channel, ppq, end));
    }
    return new MidiFile(1, new Division.PerQuarter(ppq), tracks);
  }

  private static MidiTrack track(Song song, CompiledSong c, int index, int channel, int ppq, long end) {
    List<MidiEvent> programs = new ArrayList<>();
    List<NoteSpan> notes = new ArrayList<>();
    Map<Integer, SongEvent> open = new HashMap<>();
    int program = -1;
    for (SongEvent e : c.events()) {
      if (e.track() != index) {
        continue;
      }
      if (e.kind() == SongEvent.Kind.NOTE_ON) {
        open.put(e.noteId(), e);
        int p = channel == ChannelEvent.DRUM_CHANNEL ? -1 : program(song, e.output());
        if (p >= 0 && p != program) {
          programs.add(new ChannelEvent.ProgramChange(tick(e.frame(), ppq), channel, p));
          program = p;
        }
      } else if (e.kind() == SongEvent.Kind.NOTE_OFF) {
        SongEvent on = open.remove(e.noteId());
        if (on != null) {
          long start = tick(on.frame(), ppq);
          notes.add(new NoteSpan(channel, on.key(), Placement.velocity(on.value()), start,
              Math.max(start, tick(e.frame(), ppq)), 64));
        }
      }
    }
    List<MidiEvent> events = new ArrayList<>();
    events.add(new MetaEvent.Text(0, MetaEvent.TextKind.TRACK_NAME, song.tracks().get(index).name()));
    // Program changes before the notes of their tick (a stable sort keeps them first).
    events.addAll(programs);
    events.addAll(Notes.toEvents(notes));
    List<MidiEvent> sorted = MidiFiles.sortedByTick(events);
    return new MidiTrack(sorted, Math.max(end, sorted.getLast().tick()));
  }

  /**
   * A time signature wherever the pattern length (in beats) changes: a pattern of up to 7 beats
   * is one bar, a longer one several bars of 4 (or 3) beats; none for a short last pattern.
   */
  private static List<MidiEvent> meters(CompiledSong c, Song song, int ppq) {
    List<MidiEvent> out = new ArrayList<>();
    List<Playhead> starts = c.rows().stream().filter(r -> r.line() == 0).toList();
    long previous = -1;
    for (int i = 0; i < starts.size(); i++) {
      long next = i + 1 < starts.size() ? starts.get(i + 1).frame() : c.length();
      long units = next - starts.get(i).frame();
      boolean shortLast = i == starts.size() - 1 && i > 0
          && units < starts.get(i).frame() - starts.get(i - 1).frame();
      if (shortLast || units == previous || units <= 0) {
        continue;
      }
      previous = units;
      long tick = tick(starts.get(i).frame(), ppq);
      if (units % UNITS_PER_BEAT == 0) {
        // A pattern of up to 7 beats is a bar; longer ones are several bars of 4 (or 3) beats.
        long beats = units / UNITS_PER_BEAT;
        int bar = (int) (beats <= 7 ? beats : beats % 4 == 0 ? 4 : beats % 3 == 0 ? 3 : Math.min(beats, 255));
        out.add(new MetaEvent.TimeSignature(tick, bar, 2, 24, 8));
      } else if (units % (UNITS_PER_BEAT / 2) == 0 && units / (UNITS_PER_BEAT / 2) <= 15) {
        out.add(new MetaEvent.TimeSignature(tick, (int) (units / (UNITS_PER_BEAT / 2)), 3, 12, 8));
      }
    }
    return out;
  }

  /** Whether a track is a drum track: its output or name starts with "drum". */
  static boolean isDrums(SongTrack t) {
    return t.output().toLowerCase(Locale.ROOT).startsWith("drum") || t.name().toLowerCase(Locale.ROOT).startsWith("drum");
  }

  /** The General MIDI program of the instrument playing on {@code output}, or -1. */
  static int program(Song song, String output) {
    for (Instrument i : song.instruments()) {
      if (i.output().equals(output)) {
        return GeneralMidi.program(i.name());
      }
    }
    return GeneralMidi.program(output);
  }

  /** {@code units · ppq / 384000}, rounded half to even. */
  static long tick(long units, int ppq) {
    long n = units * ppq;
    long q = Math.floorDiv(n, UNITS_PER_BEAT);
    long r = n - q * UNITS_PER_BEAT;
    return 2 * r > UNITS_PER_BEAT || 2 * r == UNITS_PER_BEAT && (q & 1) == 1 ? q + 1 : q;
  }
}

package org.patchwork.trackerio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.midifile.ChannelEvent;
import org.patchwork.midifile.Division;
import org.patchwork.midifile.MetaEvent;
import org.patchwork.midifile.MidiFile;
import org.patchwork.midifile.MidiFiles;
import org.patchwork.midifile.MidiTrack;
import org.patchwork.midifile.NotePairing;
import org.patchwork.midifile.NoteSpan;
import org.patchwork.midifile.Notes;
import org.patchwork.midifile.ProgramUse;
import org.patchwork.midifile.TempoMap;
import org.patchwork.sequencer.Instrument;
import org.patchwork.sequencer.Song;
import org.patchwork.trackerio.internal.GeneralMidi;
import org.patchwork.trackerio.internal.Grid;
import org.patchwork.trackerio.internal.Placement;
import org.patchwork.trackerio.internal.Presets;
import org.patchwork.trackerio.internal.ProjectWriter;
import org.patchwork.trackerio.internal.SongLayout;

/**
 * A Standard MIDI File (format 0 or 1; SMPTE timing is converted to ticks per quarter note
 * first) as a tracker song in a new project (docs/tracker-io.md):
 *
 * <ul>
 *   <li>each channel of each MIDI track becomes a song track (format 0 files are split by
 *       channel); notes are placed exactly, on a grid of lines per beat chosen so that every
 *       note-on and note-off is a line plus a delay column value, in as many note columns as
 *       their overlaps need, velocities in the volume column;
 *   <li>the tempo map becomes the song's bpm and {@code Txx}/{@code Wxxxx} commands on the first
 *       track, each at its exact line; time signatures make the patterns one bar long;
 *   <li>each program (the one in effect at a note's start; 1, the piano, if none) becomes an
 *       instrument named after its General MIDI name, playing on an engine track built from
 *       Patchwork modules; the drum channel (10) becomes one track "Drums"
 *       whose keys play kick, snare, hi-hat, open hat, cymbal, tom and percussion instruments.
 * </ul>
 * Controllers, pitch bends, pressure, sysex and text other than track names are not imported;
 * the report says what was left out.
 *
 * <pre>{@code
 * MidiImport.Result r = MidiImport.read(MidiFileReader.read(path), "My song");
 * Files.writeString(folder.resolve("project.json"), r.projectJson());
 * }</pre>
 */
@ProviderType
public final class MidiImport {

  /**
   * An imported song.
   *
   * @param projectJson the whole project file (format 1), its song included
   * @param song the song, as read back from that file
   * @param ppq ticks per quarter note of the file (after SMPTE timing is converted)
   * @param linesPerBeat the song's lines per beat, chosen so that positions are exact
   * @param rounded notes and tempo changes whose position had to be rounded (0: every one exact)
   * @param report one line per fact worth telling the user: sizes, the grid, meters, tempos,
   *     instruments, and what was left out or rounded
   */
  public record Result(String projectJson, Song song, int ppq, int linesPerBeat, int rounded, List<String> report) {
    /** Copies the report. */
    public Result {
      report = List.copyOf(report);
    }
  }

  /** One channel of one MIDI track: a song track to be. */
  record Part(String name, int channel, List<NoteSpan> notes, List<ProgramUse> programs) {
  }

  private MidiImport() {
  }

  /**
   * Imports {@code source} as a project named {@code name}.
   *
   * @throws IllegalArgumentException for a format 2 file (independent patterns) or a file with
   *     no notes
   */
  public static Result read(MidiFile source, String name) {
    if (source.format() == 2) {
      throw new IllegalArgumentException("a format 2 MIDI file holds independent patterns; import reads formats 0 and 1");
    }
    MidiFile file = MidiFiles.splitByChannel(MidiFiles.toPerQuarter(source));
    int ppq = ((Division.PerQuarter) file.division()).ticks();
    List<String> report = new ArrayList<>();
    report.add(String.format(Locale.ROOT, "format %d, %s, %d track%s", source.format(),
        source.division() instanceof Division.Smpte s ? "SMPTE " + s.framesPerSecond() + " fps x "
            + s.ticksPerFrame() + " (as " + ppq + " ticks per quarter)" : ppq + " ticks per quarter",
        source.tracks().size(), source.tracks().size() == 1 ? "" : "s"));
    List<Part> parts = new ArrayList<>();
    List<NoteSpan> all = new ArrayList<>();
    int leftOut = 0;
    for (int i = 1; i < file.tracks().size(); i++) {
      MidiTrack t = file.tracks().get(i);
      NotePairing pairing = Notes.pair(t);
      pairing.warnings().forEach(w -> report.add("warning: " + w));
      leftOut += (int) t.events().stream().filter(e -> e instanceof ChannelEvent
          && !(e instanceof ChannelEvent.NoteOn || e instanceof ChannelEvent.NoteOff
          || e instanceof ChannelEvent.ProgramChange || isBank(e))).count();
      if (pairing.spans().isEmpty()) {
        continue;
      }
      int channel = pairing.spans().getFirst().channel();
      parts.add(new Part(t.name().map(String::strip).filter(n -> !n.isEmpty()).orElse(null), channel,
          pairing.spans(), ProgramUse.of(t)));
      all.addAll(pairing.spans());
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("the MIDI file has no notes to import");
    }
    List<MetaEvent.Tempo> tempos = TempoMap.of(file).changes();
    long endTick = file.endTick();
    for (NoteSpan n : all) {
      endTick = Math.max(endTick, n.endTick());
    }
    long end = endTick;
    List<Long> tempoTicks = tempos.stream().map(MetaEvent.Tempo::tick).filter(t -> t > 0 && t < end).toList();
    Grid grid = Grid.choose(ppq, all, tempoTicks);
    report.add(String.format(Locale.ROOT, "%d lines per beat (%s ticks a line)%s", grid.linesPerBeat(),
        fraction(ppq, grid.linesPerBeat()), grid.misses() == 0 ? ": every note and tempo change exact"
            : ": " + grid.misses() + " notes or tempo changes rounded to 1/256 of a line"));

    // Instruments: programs in order of first use, then drum voices.
    Map<String, Integer> instrumentIndex = new LinkedHashMap<>();
    List<Instrument> instruments = new ArrayList<>();
    ProjectWriter project = new ProjectWriter(name);
    SongLayout layout = new SongLayout(grid, grid.lineAtOrAfter(endTick));
    for (Part part : parts) {
      boolean drums = part.channel() == ChannelEvent.DRUM_CHANNEL;
      List<String> used = new ArrayList<>();
      Placement.Result placed = Placement.place(part.notes(), n -> {
        String output;
        String instrumentName;
        if (drums) {
          GeneralMidi.Drum d = GeneralMidi.drum(n.key());
          output = d.output();
          instrumentName = d.instrumentName();
        } else {
          int program = program(part.programs(), n.startTick());
          output = "gm-" + (program + 1);
          instrumentName = GeneralMidi.PROGRAMS.get(program);
        }
        Integer index = instrumentIndex.get(output);
        if (index == null) {
          index = instruments.size();
          instrumentIndex.put(output, index);
          instruments.add(new Instrument(instrumentName, output));
          project.instrument(output, drums ? Presets.drum(GeneralMidi.drum(n.key()))
              : Presets.program(Integer.parseInt(output.substring(3)) - 1));
        }
        if (!used.contains(instrumentName)) {
          used.add(instrumentName);
        }
        return index;
      }, grid);
      String trackName = part.name() != null ? part.name() : drums ? "Drums"
          : instruments.get(placed.cells().getFirst().cell().instrument()).name();
      layout.track(trackName, instruments.get(placed.cells().getFirst().cell().instrument()).output(), placed);
      report.add(String.format(Locale.ROOT, "channel %d '%s': %d notes in %d column%s on %s", part.channel() + 1,
          trackName, part.notes().size(), placed.columns(), placed.columns() == 1 ? "" : "s", String.join(", ", used)));
      if (placed.lengthened() > 0) {
        report.add("warning: " + placed.lengthened() + " notes of '" + trackName
            + "' end on their own line; they now last to the next line");
      }
    }
    layout.tempos(tempos, end, report);
    layout.meters(file.tracks().getFirst().events(MetaEvent.TimeSignature.class), report);
    if (leftOut > 0) {
      report.add("left out: " + leftOut + " controller, pitch bend and pressure events");
    }
    Song song = layout.song(instruments);
    return new Result(project.write(song), song, ppq, grid.linesPerBeat(), grid.misses(), report);
  }

  private static boolean isBank(Object e) {
    return e instanceof ChannelEvent.ControlChange cc && (cc.controller() == 0 || cc.controller() == 32);
  }

  /** The program in effect at {@code tick} (the last change at or before it), 0 if none. */
  static int program(List<ProgramUse> programs, long tick) {
    int program = 0;
    for (ProgramUse p : programs) {
      if (p.tick() <= tick) {
        program = p.program();
      }
    }
    return program;
  }

  private static String fraction(int ppq, int lpb) {
    return ppq % lpb == 0 ? Integer.toString(ppq / lpb) : ppq + "/" + lpb;
  }
}

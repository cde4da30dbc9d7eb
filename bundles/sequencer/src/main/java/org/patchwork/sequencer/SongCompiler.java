package org.patchwork.sequencer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Player;

/**
 * Plays a song through, as fast as it can, into a {@link CompiledSong}: every note, pitch
 * expression, volume, panning, parameter and tempo event at its exact frame.
 *
 * <p>Frames are exact: a line lasts {@code 60·sampleRate / (bpm·linesPerBeat)} frames as a
 * fraction, line starts add up as fractions, and an event's place within its line (tick,
 * groove, delay column, note delay, humanize) is a fraction too. Only the event's final frame is
 * rounded, half to even ({@code 1000.5 → 1000}, {@code 1001.5 → 1002}), so frames never drift.
 * Playing from a line chases the state up to it and counts frames from that line's exact start.
 *
 * <pre>{@code
 * CompiledSong c = SongCompiler.compile(song, PlayOptions.at(48_000));
 * long firstNote = c.events(SongEvent.Kind.NOTE_ON).getFirst().frame();
 * }</pre>
 */
@ProviderType
public final class SongCompiler {

  private SongCompiler() {
  }

  /** Plays {@code song} as {@code options} say until it ends. */
  public static CompiledSong compile(Song song, PlayOptions options) {
    return run(new Player(song, options), options);
  }

  /**
   * Plays {@code song} as {@code options} say, with a clock of beats instead of seconds: every
   * "frame" of the result is {@code 1/options.sampleRate()} of a beat, whatever the tempo
   * ({@code T} and {@code W} commands still give {@code TEMPO} events, at the start of their
   * line, but move nothing). Lines per beat, grooves, ticks, delays and humanize place events as
   * they do in time. This is the song's musical position, e.g. for MIDI files: at 384000 units
   * per beat, an event at unit {@code u} is at MIDI tick {@code u · ppq / 384000}.
   *
   * <pre>{@code
   * CompiledSong beats = SongCompiler.compileBeats(song, PlayOptions.at(384_000));
   * }</pre>
   */
  public static CompiledSong compileBeats(Song song, PlayOptions options) {
    return run(new Player(song, options, true), options);
  }

  private static CompiledSong run(Player player, PlayOptions options) {
    List<SongEvent> events = new ArrayList<>(player.drain());
    while (!player.ended()) {
      player.tick();
      events.addAll(player.drain());
    }
    events.sort(ORDER);
    return new CompiledSong(options.sampleRate(), events, player.rows(), player.tickFrame());
  }

  /** Frame, then kind (tempo, parameters, offs, ons, expressions); production order among equals. */
  static final Comparator<SongEvent> ORDER =
      Comparator.comparingLong(SongEvent::frame).thenComparingInt(e -> e.kind().ordinal());
}

package org.patchwork.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A song: its graph, tempo and notes. Immutable; {@link ProjectLoader} reads it from JSON.
 *
 * @param name the project's name
 * @param sampleRate the sample rate it was made at, frames per second
 * @param tempo beats (quarter notes) per minute, constant through the song
 * @param graph what makes the sound
 * @param notes what is played
 * @param song the project's tracker song section ({@code "song"} in the file) as JSON text, or
 *     null. The engine does not read it: the sequencer bundle compiles it into a
 *     {@link Timeline} that {@link Session} and {@link OfflineRenderer} play (docs/sequencer.md).
 */
@ProviderType
public record Project(String name, double sampleRate, double tempo, Graph graph, List<Note> notes, String song) {

  /** Copies its arguments. */
  public Project {
    Objects.requireNonNull(name, "project name");
    Objects.requireNonNull(graph, "project graph");
    notes = notes == null ? List.of() : List.copyOf(notes);
  }

  /** A project without a tracker song. */
  public Project(String name, double sampleRate, double tempo, Graph graph, List<Note> notes) {
    this(name, sampleRate, tempo, graph, notes, null);
  }

  /** Whether the project carries a tracker song section. */
  public boolean hasSong() {
    return song != null;
  }

  /**
   * The frame at which {@code beats} fall at this project's tempo and the given sample rate:
   * {@code beats · 60 · sampleRate / tempo}, computed in decimal from the numbers as written
   * and rounded half-even, so 0.5 beat at 120 bpm and 48 kHz is exactly frame 12000 and the
   * same project always gives the same frames.
   */
  public long frameOf(double beats, double sampleRate) {
    return beatsToFrames(beats, tempo, sampleRate);
  }

  /** {@code beats · 60 · sampleRate / tempo}, exactly, rounded half-even to a whole frame. */
  public static long beatsToFrames(double beats, double tempo, double sampleRate) {
    BigDecimal frames = BigDecimal.valueOf(beats)
        .multiply(BigDecimal.valueOf(60))
        .multiply(BigDecimal.valueOf(sampleRate))
        .divide(BigDecimal.valueOf(tempo), 0, RoundingMode.HALF_EVEN);
    return frames.longValueExact();
  }

  /** Where the last note ends, in beats; 0 without notes. */
  public double lengthBeats() {
    double end = 0;
    for (Note n : notes) {
      end = Math.max(end, n.start() + n.length());
    }
    return end;
  }
}

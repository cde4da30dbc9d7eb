package org.patchwork.sequencer;

import java.math.BigDecimal;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * A song's clock: tempo, lines per beat, ticks per line, groove and humanize. Effect commands
 * may change tempo, ticks per line and lines per beat while the song plays.
 *
 * <p>A line lasts {@code 60 / (bpm · linesPerBeat)} seconds; a tick is a line divided by
 * {@code ticksPerLine}. The groove delays line {@code n} of every pattern by
 * {@code groove[n mod groove.size()]} of a line: with 4 lines per beat, {@code [0, 0.33]} is a
 * triplet-feel swing of sixteenths; with 3 lines per beat it swings every other triplet. Offsets
 * are exact fractions of a line and become sample offsets, never rounded to ticks.
 *
 * @param bpm beats per minute, 1..999, exact as written (e.g. 93.75)
 * @param linesPerBeat 1..256
 * @param ticksPerLine 1..255
 * @param groove per-line delays as fractions of a line, each in [0, 1); empty for none; at most 256
 * @param humanize seeded random variation
 */
@ProviderType
public record SongSettings(BigDecimal bpm, int linesPerBeat, int ticksPerLine, List<BigDecimal> groove,
    Humanize humanize) {

  /** 120 bpm, 4 lines per beat, 6 ticks per line, straight, no humanize. */
  public static final SongSettings DEFAULT = new SongSettings(BigDecimal.valueOf(120), 4, 6, List.of(), Humanize.NONE);

  /** Checks every setting. */
  public SongSettings {
    bpm = Checks.decimal("bpm", bpm, "1", "999", false);
    Checks.range("linesPerBeat", linesPerBeat, 1, 256);
    Checks.range("ticksPerLine", ticksPerLine, 1, 255);
    groove = groove == null ? List.of() : groove.stream()
        .map(g -> Checks.decimal("groove offset", g, "0", "1", true)).toList();
    Checks.range("groove length", groove.size(), 0, 256);
    humanize = humanize == null ? Humanize.NONE : humanize;
  }

  /** These settings at another tempo. */
  public SongSettings withBpm(BigDecimal value) {
    return new SongSettings(value, linesPerBeat, ticksPerLine, groove, humanize);
  }

  /** These settings with another number of lines per beat. */
  public SongSettings withLinesPerBeat(int value) {
    return new SongSettings(bpm, value, ticksPerLine, groove, humanize);
  }

  /** These settings with another number of ticks per line. */
  public SongSettings withTicksPerLine(int value) {
    return new SongSettings(bpm, linesPerBeat, value, groove, humanize);
  }

  /** These settings with another groove. */
  public SongSettings withGroove(List<BigDecimal> value) {
    return new SongSettings(bpm, linesPerBeat, ticksPerLine, value, humanize);
  }

  /** These settings with another humanize. */
  public SongSettings withHumanize(Humanize value) {
    return new SongSettings(bpm, linesPerBeat, ticksPerLine, groove, value);
  }
}

package org.patchwork.sequencer;

import java.math.BigDecimal;
import org.osgi.annotation.versioning.ProviderType;
import org.patchwork.sequencer.internal.Checks;

/**
 * Seeded random variation of note starts and velocities. Every note gets its own random numbers
 * from the seed and its place in the song (order index, line, track, column), so the same song
 * always renders the same bytes, editing one note leaves the others alone, and playing from a
 * line gives the notes the same variation as playing from the start.
 *
 * <pre>{@code
 * new Humanize(new BigDecimal("0.05"), new BigDecimal("0.1"), 42)  // up to 5% of a line late, -10% velocity
 * }</pre>
 *
 * @param timing the largest delay of a note, as a fraction of a line, 0..0.5; notes are only ever
 *     delayed (never moved earlier), in steps of 1/65536 of a line
 * @param velocity the largest relative velocity reduction, 0..1
 * @param seed the random generator's seed
 */
@ProviderType
public record Humanize(BigDecimal timing, BigDecimal velocity, long seed) {

  /** No variation. */
  public static final Humanize NONE = new Humanize(BigDecimal.ZERO, BigDecimal.ZERO, 0);

  /** Checks the ranges. */
  public Humanize {
    timing = Checks.decimal("humanize timing", timing, "0", "0.5", false);
    velocity = Checks.decimal("humanize velocity", velocity, "0", "1", false);
  }

  /** Whether it changes anything. */
  public boolean isNone() {
    return timing.signum() == 0 && velocity.signum() == 0;
  }
}

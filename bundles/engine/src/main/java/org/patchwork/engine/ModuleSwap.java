package org.patchwork.engine;

import java.time.Instant;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One finished change of a node's instance while a {@link Session} played: a hot-swap to a new
 * version, a fall-back to a placeholder when the module's bundle went away, or a rebind when
 * it came back. Both instances ran during the crossfade.
 *
 * @param nodeId the node
 * @param moduleId the module's id
 * @param from the version that played before, or "placeholder"
 * @param to the version that plays now, or "placeholder"
 * @param kind what happened
 * @param frame the engine frame at which the audio thread took the new instance
 * @param fadeFrames frames over which the output was crossfaded from the old to the new instance
 * @param fadeMillis the same in milliseconds
 * @param swapMillis from the first registry change the control thread saw (a bundle updated,
 *     removed or installed) to the audio thread taking the new instance; includes the settle
 *     time ({@link Lifecycle#settle}) or, for a fall-back to a placeholder, the grace time
 * @param prepareMillis creating, restoring and activating the new instance, off the audio thread
 * @param takeMillis from the end of the settle (or grace) time to the audio thread taking the new
 *     instance: preparing it, then waiting for the session's next block
 * @param blockMicros the longest engine block (the whole plan) while both instances ran: the
 *     swap's cost on the audio thread, to compare with the block period
 * @param time when the audio thread took the new instance
 */
@ProviderType
public record ModuleSwap(String nodeId, String moduleId, String from, String to, Kind kind, long frame,
    int fadeFrames, double fadeMillis, double swapMillis, double prepareMillis, double takeMillis,
    double blockMicros, Instant time) {

  /** Version name used for a placeholder. */
  public static final String PLACEHOLDER = "placeholder";

  /** What a swap did. */
  @ProviderType
  public enum Kind {
    /** A running instance moved to another version (or a fresh instance of a quarantined one). */
    UPDATE,
    /** The module's bundle went away: the node became a placeholder. */
    PLACEHOLDER,
    /** The module came back for a placeholder: a new instance took its place. */
    REBIND
  }
}
